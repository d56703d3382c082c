// An edge to a base class reaches every derived record the program defines.
#include <memory>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
};
struct Canvas {
  std::vector<std::shared_ptr<Shape>> shapes;  // CYCLE: Canvas::shapes -> Label::canvas
};
struct Circle : Shape {
  double radius = 1;
};
struct Label : Shape {
  std::shared_ptr<Canvas> canvas;  // EDGE: Label::canvas ; BACKREF: Label::canvas => std::weak_ptr<Canvas> canvas;
};

// No strong cycle, no back-reference: weak_ptr, raw pointers, unique_ptr trees.
#include <memory>
#include <vector>

struct Folder {
  std::vector<std::shared_ptr<Folder>> children;
  std::weak_ptr<Folder> parent;
};
struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};
struct Car {
  Person *owner = nullptr;
};
struct Widget {
  std::vector<std::unique_ptr<Widget>> kids;
  Widget *up = nullptr;
};

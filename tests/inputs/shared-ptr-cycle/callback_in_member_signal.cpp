// A signal held by value stores the slots connected to it: a widget that connects a lambda
// capturing itself to its own signal keeps itself alive.
#include <functional>
#include <memory>
#include <utility>
#include <vector>

struct Signal {
  std::vector<std::function<void()>> slots;
  void connect(std::function<void()> f) { slots.push_back(std::move(f)); }
};

struct Widget : std::enable_shared_from_this<Widget> {
  Signal clicked;  // CYCLE: Widget::clicked ; BACKREF: Widget::clicked
  void init() {
    clicked.connect([self = shared_from_this()] { self->redraw(); });
  }
  void redraw() {}
};

// The same signal connected to a lambda that captures only a weak pointer: quiet.
struct Label : std::enable_shared_from_this<Label> {
  Signal changed;
  void init() {
    changed.connect([weak = weak_from_this()] {
      if (auto self = weak.lock()) self->redraw();
    });
  }
  void redraw() {}
};

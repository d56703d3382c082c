// Captures of weak_ptr, raw `this` and references give no edge.
#include <functional>
#include <memory>

class Widget : public std::enable_shared_from_this<Widget> {
 public:
  void wire() {
    onWeak_ = [w = weak_from_this()] {
      if (auto s = w.lock()) s->redraw();
    };
    onThis_ = [this] { redraw(); };
    std::shared_ptr<Widget> self = shared_from_this();
    onRef_ = [&self] { self->redraw(); };
  }
  void redraw() {}

 private:
  std::function<void()> onWeak_;
  std::function<void()> onThis_;
  std::function<void()> onRef_;
};

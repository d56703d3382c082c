// The lambda reaches the field through a setter's parameter.
#include <functional>
#include <memory>
#include <utility>

class Button {
 public:
  void setOnClick(std::function<void()> f) { onClick_ = std::move(f); }

 private:
  std::function<void()> onClick_;  // CYCLE: Button::onClick_ -> Dialog::ok_ ; BACKREF: Button::onClick_
};

class Dialog : public std::enable_shared_from_this<Dialog> {
 public:
  void build() {
    ok_ = std::make_shared<Button>();
    ok_->setOnClick([self = shared_from_this()] { self->accept(); });
  }
  void accept() {}

 private:
  std::shared_ptr<Button> ok_;  // EDGE: Dialog::ok_
};

// A cycle through a stored callback: the advice is to capture a weak pointer, no rewrite.
#include <functional>
#include <memory>

struct Timer {
  std::function<void()> onExpire;  // CYCLE: Timer::onExpire -> Session::timer ; BACKREF: Timer::onExpire
};
struct Session : std::enable_shared_from_this<Session> {
  std::shared_ptr<Timer> timer;  // EDGE: Session::timer
  void start() {
    timer = std::make_shared<Timer>();
    timer->onExpire = [self = shared_from_this()] { self->close(); };
  }
  void close() {}
};

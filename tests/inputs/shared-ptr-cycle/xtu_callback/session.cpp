// Only this TU sees the lambda passed to the setter.
#include <memory>
#include "timer.h"
class Session : public std::enable_shared_from_this<Session> {
 public:
  void start() {
    timer_ = std::make_shared<Timer>();
    timer_->onExpire([self = shared_from_this()] { self->close(); });
  }
  void close() {}

 private:
  std::shared_ptr<Timer> timer_;  // CYCLE: Session::timer_ -> Timer::expire_
};

// A timer's callback captures the connection that owns the timer.
#include <functional>
#include <memory>

struct Timer {
  std::function<void()> fire;  // CYCLE: Timer::fire -> Connection::timer ; BACKREF: Timer::fire
};

struct Connection : std::enable_shared_from_this<Connection> {
  std::shared_ptr<Timer> timer;  // EDGE: Connection::timer
  void arm() {
    timer = std::make_shared<Timer>();
    auto self = shared_from_this();
    timer->fire = [self] { self->close(); };
  }
  void close() {}
};

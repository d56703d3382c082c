// `[self]` where self is a shared_ptr to the object: the same cycle.
#include <functional>
#include <memory>

class Poller : public std::enable_shared_from_this<Poller> {
 public:
  void arm() {
    std::shared_ptr<Poller> self = shared_from_this();
    tick_ = [self](int n) { self->poll(n); };
  }
  void poll(int) {}

 private:
  std::function<void(int)> tick_;  // CYCLE: Poller::tick_ ; BACKREF: Poller::tick_
};

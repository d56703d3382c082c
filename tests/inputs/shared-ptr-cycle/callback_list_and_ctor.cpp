// Lambdas pushed into a list of callbacks, and one handed to a constructor.
#include <functional>
#include <memory>
#include <vector>

struct Bus {
  std::vector<std::function<void(int)>> listeners;  // CYCLE: Bus::listeners -> Display::bus ; BACKREF: Bus::listeners
};
struct Display : std::enable_shared_from_this<Display> {
  std::shared_ptr<Bus> bus;  // EDGE: Display::bus
  void subscribe() {
    bus->listeners.push_back([self = shared_from_this()](int v) { self->show(v); });
  }
  void show(int) {}
};

struct Retry {
  explicit Retry(std::function<void()> f) : action(std::move(f)) {}
  std::function<void()> action;  // CYCLE: Retry::action -> Download::retry ; BACKREF: Retry::action
};
struct Download : std::enable_shared_from_this<Download> {
  std::shared_ptr<Retry> retry;  // EDGE: Download::retry
  void fail() {
    retry = std::make_shared<Retry>([self = shared_from_this()] { self->fail(); });
  }
};

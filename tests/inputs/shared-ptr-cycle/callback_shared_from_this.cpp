// A stored callback capturing shared_from_this() keeps its own object alive.
#include <functional>
#include <memory>

class Job : public std::enable_shared_from_this<Job> {
 public:
  void start() {
    onDone_ = [self = shared_from_this()] { self->finish(); };
  }
  void finish() {}

 private:
  std::function<void()> onDone_;  // CYCLE: Job::onDone_ ; BACKREF: Job::onDone_
};

// A callback that captures a strong pointer to a record that does not own it: no cycle.
#include <functional>
#include <memory>

struct Logger {
  void log(const char *) {}
};
struct Task {
  std::function<void()> run;
};
struct Scheduler {
  std::shared_ptr<Logger> logger = std::make_shared<Logger>();
  std::shared_ptr<Task> task = std::make_shared<Task>();
  void plan() {
    auto l = logger;
    task->run = [l] { l->log("run"); };
  }
};

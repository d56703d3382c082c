// A derived observer points to the subject that holds it through its base class.
#include <memory>

struct Observer {
  virtual ~Observer() = default;
  virtual void notify() {}
};
struct Subject;
struct Logger : Observer {
  std::shared_ptr<Subject> watched;  // CYCLE: Logger::watched -> Subject::observer ; BACKREF: Logger::watched => std::weak_ptr<Subject> watched;
};
struct Subject {
  std::shared_ptr<Observer> observer;  // EDGE: Subject::observer
};

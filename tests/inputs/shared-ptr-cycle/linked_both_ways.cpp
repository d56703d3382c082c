// No field name says "back", but the program links two objects both ways.
#include <memory>
#include <vector>

struct Employee {
  std::vector<std::shared_ptr<Employee>> reports;  // CYCLE: Employee::reports -> Employee::boss
  std::shared_ptr<Employee> boss;                  // EDGE: Employee::boss ; BACKREF: Employee::boss => std::weak_ptr<Employee> boss;

  static void hire(const std::shared_ptr<Employee> &manager, std::shared_ptr<Employee> e) {
    manager->reports.push_back(e);
    e->boss = manager;
  }
};

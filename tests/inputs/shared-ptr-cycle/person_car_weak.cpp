// The fixed pair: the back-reference is a weak_ptr, so there is no cycle.
#include <memory>
#include <vector>

struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};
struct Car {
  std::weak_ptr<Person> owner;
};

// The classic pair: a person owns cars, each car owns its person.
#include <memory>
#include <string>
#include <vector>

struct Car;

struct Person {
  std::string name;
  std::vector<std::shared_ptr<Car>> cars;  // CYCLE: Person::cars -> Car::owner
};

struct Car {
  std::shared_ptr<Person> owner;  // EDGE: Car::owner ; BACKREF: Car::owner => std::weak_ptr<Person> owner;
};

// The leak: a Person owns its Cars, and each Car holds its owner with a shared_ptr, so
// every Person/Car pair keeps itself alive after the program lets go of it.
// `leakcheck` flags the cycle Person::cars_ -> Car::owner statically; running
//   LEAKCHECK_GC_DEBUG=leak LEAKCHECK_GC_REPORT=gc.json ./person_car
// confirms it at run time: gc.json lists the cycle with the same record and field names.
// person_car_fixed.cpp is the weak_ptr fix, for which both stay quiet.
#include <leakcheck/gc.h>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gc = leakcheck::gc;

class Car;

class Person {
 public:
  explicit Person(std::string name) : name_(std::move(name)) {}
  void buy(std::shared_ptr<Car> car) { cars_.push_back(std::move(car)); }
  LEAKCHECK_TRACE(Person, cars_);

 private:
  std::string name_;
  std::vector<std::shared_ptr<Car>> cars_;
};

class Car {
 public:
  std::shared_ptr<Person> owner;  // owns its owner: the back-reference that leaks
  LEAKCHECK_TRACE(Car, owner);
};

int main() {
  for (const char* name : {"alice", "bob", "carol"}) {
    auto person = gc::make_tracked<Person>(name);
    auto car = gc::make_tracked<Car>();
    car->owner = person;
    person->buy(car);
  }  // every pair is unreachable now, and still alive
  std::printf("unreachable objects found: %zu\n", gc::collect());
  return 0;
}

// The fix for person_car.cpp: the Car's back-reference to its owner is a weak_ptr, so
// reference counting frees every pair; leakcheck and the debug collector both stay quiet:
//   LEAKCHECK_GC_DEBUG=leak LEAKCHECK_GC_REPORT=gc.json ./person_car_fixed
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
  std::weak_ptr<Person> owner;  // refers to its owner without owning it
  LEAKCHECK_TRACE(Car, owner);
};

int main() {
  for (const char* name : {"alice", "bob", "carol"}) {
    auto person = gc::make_tracked<Person>(name);
    auto car = gc::make_tracked<Car>();
    car->owner = person;
    person->buy(car);
  }  // reference counting has freed every pair already
  std::printf("unreachable objects found: %zu\n", gc::collect());
  return 0;
}

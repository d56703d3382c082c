// Leak: a person owns their cars and every car owns its person. When the last outside
// shared_ptr goes, each still holds the other: neither destructor ever runs.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

struct Car;

struct Person {
  std::string name;
  std::vector<std::shared_ptr<Car>> cars;
  ~Person() { std::cout << "~Person " << name << "\n"; }
};

struct Car {
  std::string plate;
  std::shared_ptr<Person> owner;
  ~Car() { std::cout << "~Car " << plate << "\n"; }
};

int main() {
  auto ann = std::make_shared<Person>();
  ann->name = "Ann";
  auto car = std::make_shared<Car>();
  car->plate = "B-AN 1";
  car->owner = ann;
  ann->cars.push_back(car);
}  // prints nothing: both leak

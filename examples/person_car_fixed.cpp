// Fixed twin of person_car.cpp: the car only observes its owner (std::weak_ptr).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace fixed {

struct Car;

struct Person {
  std::string name;
  std::vector<std::shared_ptr<Car>> cars;
  ~Person() { std::cout << "~Person " << name << "\n"; }
};

struct Car {
  std::string plate;
  std::weak_ptr<Person> owner;  // lock() when the owner is needed
  ~Car() { std::cout << "~Car " << plate << "\n"; }
};

}  // namespace fixed

int main() {
  auto ann = std::make_shared<fixed::Person>();
  ann->name = "Ann";
  auto car = std::make_shared<fixed::Car>();
  car->plate = "B-AN 1";
  car->owner = ann;
  ann->cars.push_back(car);
}  // prints ~Person Ann, ~Car B-AN 1

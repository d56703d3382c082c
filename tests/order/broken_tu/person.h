#pragma once
#include <memory>
#include <vector>
struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};

// Uses Person without including person.h: fine after it, an error without it.
#pragma once
#include <memory>
struct Car {
  std::shared_ptr<Person> owner;
  int wheels = 4;
};

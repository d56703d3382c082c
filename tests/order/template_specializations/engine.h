#pragma once
#include "slot.h"
struct Car;
struct Engine {
  Slot<Car> car;
};

#pragma once
#include "slot.h"
struct Car;
struct Wheel {
  Slot<Car> car;
};

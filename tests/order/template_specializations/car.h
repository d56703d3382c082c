#pragma once
#include "slot.h"
struct Engine;
struct Wheel;
struct Car {
  Slot<Engine> engine;
  Slot<Wheel> wheel;
};

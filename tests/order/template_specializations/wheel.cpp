#include "wheel.h"
#include "car.h"
Wheel *makeWheel() { return new Wheel(); }

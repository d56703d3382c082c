#include "car.h"
Car *makeCar() { return new Car(); }

// Forgets person.h: Car does not compile here.
#include "car.h"
int wheelsOf(const Car &c) { return c.wheels; }

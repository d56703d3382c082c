#include "person.h"
int count(const Person &p) { return int(p.cars.size()); }

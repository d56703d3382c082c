#include "person.h"
#include "car.h"
void link(const std::shared_ptr<Person> &p, const std::shared_ptr<Car> &c) {
  p->cars.push_back(c);
  c->owner = p;
}

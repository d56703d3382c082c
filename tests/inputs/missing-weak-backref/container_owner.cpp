// A to-one pointer back to the record that holds it in a container is the back-reference,
// whichever record is declared first.
#include <map>
#include <memory>
#include <string>

struct Garage;
struct Car {
  std::string plate;
  std::shared_ptr<Garage> garage;  // CYCLE: Car::garage -> Garage::cars ; BACKREF: Car::garage => std::weak_ptr<Garage> garage;
};
struct Garage {
  std::map<std::string, std::shared_ptr<Car>> cars;  // EDGE: Garage::cars
};

void park(const std::shared_ptr<Garage> &g, const std::shared_ptr<Car> &c) {
  g->cars[c->plate] = c;
  c->garage = g;
}

// A unique_ptr edge owns too: a cycle through it and a shared_ptr leaks.
#include <memory>

struct Engine;
struct Vehicle {
  std::unique_ptr<Engine> engine;  // CYCLE: Vehicle::engine -> Engine::vehicle
};
struct Engine {
  std::shared_ptr<Vehicle> vehicle;  // EDGE: Engine::vehicle ; BACKREF: Engine::vehicle => std::weak_ptr<Vehicle> vehicle;
};

// Both edges are to-one and no name says "back"; the vehicle's field is given a new engine:
// the vehicle makes what it holds, so the engine's pointer is the one back to its maker.
#include <memory>

struct Vehicle;
struct Engine {
  std::shared_ptr<Vehicle> vehicle;  // CYCLE: Engine::vehicle -> Vehicle::engine ; BACKREF: Engine::vehicle => std::weak_ptr<Vehicle> vehicle;
};
struct Vehicle {
  std::shared_ptr<Engine> engine;  // EDGE: Vehicle::engine
};

std::shared_ptr<Vehicle> build() {
  auto v = std::make_shared<Vehicle>();
  v->engine = std::make_shared<Engine>();
  v->engine->vehicle = v;
  return v;
}

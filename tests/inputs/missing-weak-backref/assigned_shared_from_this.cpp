// Both edges are to-one and neither name says "back"; the program assigns the engine the
// car's shared_from_this(): the engine's pointer is the one back to its owner.
#include <memory>

struct Car;
struct Engine {
  std::shared_ptr<Car> car;  // CYCLE: Engine::car -> Car::engine ; BACKREF: Engine::car => std::weak_ptr<Car> car;
};
struct Car : std::enable_shared_from_this<Car> {
  std::shared_ptr<Engine> engine;  // EDGE: Car::engine
  void build() {
    engine = std::make_shared<Engine>();
    engine->car = shared_from_this();
  }
};

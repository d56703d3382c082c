// Members held by value that only observe (weak_ptr, raw pointer) give no edge.
#include <memory>
#include <vector>

struct Rack;
template <class T> struct Observer {
  std::weak_ptr<T> target;
  T *raw = nullptr;
};
struct Machine {
  std::vector<Observer<Rack>> watchers;
};
using WeakRack = std::weak_ptr<Rack>;
struct Rack {
  std::vector<std::shared_ptr<Machine>> machines;
  WeakRack self;
};

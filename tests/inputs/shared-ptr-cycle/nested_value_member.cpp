// A member held by value owns what its own members own: reported on the outer field.
#include <memory>
#include <vector>

struct Shelf;
template <class T> struct Holder {
  std::shared_ptr<T> item;
};
struct Slots {
  std::vector<Holder<Shelf>> slots;
};
struct Cabinet {
  Slots drawer;  // CYCLE: Cabinet::drawer -> Shelf::cabinet
};
struct Shelf {
  std::shared_ptr<Cabinet> cabinet;  // EDGE: Shelf::cabinet ; BACKREF: Shelf::cabinet => std::weak_ptr<Cabinet> cabinet;
};

// A field declared together with another cannot be rewritten alone: no fix is offered.
#include <memory>
#include <vector>

struct Pair;
struct Half {
  std::shared_ptr<Pair> up, spare;  // CYCLE: Half::up -> Pair::halves ; CYCLE: Half::spare -> Pair::halves ; BACKREF: Half::up ; BACKREF: Half::spare
};
struct Pair {
  std::vector<std::shared_ptr<Half>> halves;  // EDGE: Pair::halves
};

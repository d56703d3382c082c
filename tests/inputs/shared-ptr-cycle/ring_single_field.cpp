// One field, linked in a ring by the program: a cycle through a single edge.
#include <memory>

struct Slot {
  std::shared_ptr<Slot> following;  // CYCLE: Slot::following ; BACKREF: Slot::following => std::weak_ptr<Slot> following;

  static void pair(std::shared_ptr<Slot> a, std::shared_ptr<Slot> b) {
    a->following = b;
    b->following = a;
  }
};

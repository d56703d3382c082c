// Nothing tells the edges apart: still exactly one is named, the one that closes the cycle
// read from its first declared field (the message says so).
#include <memory>

struct Right;
struct Left {
  std::shared_ptr<Right> right;  // CYCLE: Left::right -> Right::left
};
struct Right {
  std::shared_ptr<Left> left;  // EDGE: Right::left ; BACKREF: Right::left => std::weak_ptr<Left> left;
};

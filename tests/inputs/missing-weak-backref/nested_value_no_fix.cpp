// The back-reference's pointer sits in a struct held by value: named, but the fix belongs
// to the inner field, so none is offered (the message says where).
#include <memory>
#include <vector>

struct Hub;
struct Links {
  std::shared_ptr<Hub> hub;
};
struct Spoke {
  Links links;  // CYCLE: Spoke::links -> Hub::spokes ; BACKREF: Spoke::links
};
struct Hub {
  std::vector<std::shared_ptr<Spoke>> spokes;  // EDGE: Hub::spokes
};

#include <memory>

struct Owner;
struct Part {
  std::shared_ptr<Owner> fixme_owner;
  std::shared_ptr<Owner> keep;
};

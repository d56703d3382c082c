// Only unique_ptr edges: reference counting plays no part, leakcheck stays quiet.
#include <memory>

struct Right;
struct Left {
  std::unique_ptr<Right> right;
};
struct Right {
  std::unique_ptr<Left> left;
};

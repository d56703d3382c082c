// Uses the installed runtime collector: a self-cycle that only the collector can free.
#include <leakcheck/gc.h>

#include <cstdio>
#include <memory>

namespace gc = leakcheck::gc;

struct Node {
  std::shared_ptr<Node> next;
  LEAKCHECK_TRACE(Node, next);
};

int main() {
  auto a = gc::make_tracked<Node>();
  a->next = a;
  a.reset();
  std::size_t Freed = gc::collect();
  std::printf("collected %zu\n", Freed);
  return Freed == 1 ? 0 : 1;
}

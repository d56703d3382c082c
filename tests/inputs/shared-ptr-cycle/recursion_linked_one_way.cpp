// Building a list front to back links each pair one way only: quiet.
#include <memory>

struct Cell {
  int value = 0;
  std::shared_ptr<Cell> next;
};

std::shared_ptr<Cell> build(int n) {
  std::shared_ptr<Cell> head;
  for (int i = 0; i < n; ++i) {
    auto c = std::make_shared<Cell>();
    c->value = i;
    c->next = head;
    head = c;
  }
  return head;
}

// Two to-one fields linked both ways: the name `prev` says which one points back.
#include <memory>

struct Page {
  std::shared_ptr<Page> prev;  // CYCLE: Page::prev -> Page::next ; BACKREF: Page::prev => std::weak_ptr<Page> prev;
  std::shared_ptr<Page> next;  // EDGE: Page::next

  static void link(const std::shared_ptr<Page> &a, const std::shared_ptr<Page> &b) {
    a->next = b;
    b->prev = a;
  }
};

#include "doc.h"
#include "page.h"
void addPage(const std::shared_ptr<Doc> &d) {
  auto p = std::make_shared<Page>();
  p->doc = d;
  d->pages.push_back(p);
}

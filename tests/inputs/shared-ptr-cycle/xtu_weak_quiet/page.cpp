#include "page.h"
std::shared_ptr<Doc> owner(const Page &p) { return p.doc.lock(); }

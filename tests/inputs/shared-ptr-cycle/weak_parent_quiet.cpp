// The fixed tree: the parent is weak. Linked both ways, but only one way is strong.
#include <memory>
#include <vector>

struct Folder {
  std::vector<std::shared_ptr<Folder>> children;
  std::weak_ptr<Folder> parent;

  static void add(const std::shared_ptr<Folder> &p, const std::shared_ptr<Folder> &c) {
    p->children.push_back(c);
    c->parent = p;
  }
};

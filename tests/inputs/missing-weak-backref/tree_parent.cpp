// A tree whose nodes point up to their parent: `parent`, beside `children`, points back.
#include <memory>
#include <vector>

struct Node {
  std::shared_ptr<Node> parent;                 // CYCLE: Node::parent -> Node::children ; BACKREF: Node::parent => std::weak_ptr<Node> parent;
  std::vector<std::shared_ptr<Node>> children;  // EDGE: Node::children

  static void adopt(const std::shared_ptr<Node> &p, const std::shared_ptr<Node> &c) {
    p->children.push_back(c);
    c->parent = p;
  }
};

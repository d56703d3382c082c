// A class template: its instantiation's members count; named as written, without arguments.
#include <memory>

template <class T> struct DNode {
  T value{};
  std::shared_ptr<DNode> next;  // CYCLE: DNode::next -> DNode::prev
  std::shared_ptr<DNode> prev;  // EDGE: DNode::prev ; BACKREF: DNode::prev => std::weak_ptr<DNode> prev;
};

int main() {
  auto a = std::make_shared<DNode<int>>();
  auto b = std::make_shared<DNode<int>>();
  a->next = b;
  b->prev = a;
}

// A composite: nodes own nodes of their own kind, downwards only. Recursion, not a cycle.
#include <memory>
#include <vector>

struct Node {
  virtual ~Node() = default;
};
struct Group : Node {
  std::vector<std::shared_ptr<Node>> children;
};
struct Decorator : Node {
  std::shared_ptr<Node> inner;
};
struct ListNode {
  int value = 0;
  std::shared_ptr<ListNode> next;
};
struct BinaryNode {
  std::shared_ptr<BinaryNode> left;
  std::shared_ptr<BinaryNode> right;
};

// Leak: every child owns its parent, every parent owns its children.
#include <memory>
#include <string>
#include <vector>

struct TreeNode {
  std::string label;
  std::vector<std::shared_ptr<TreeNode>> children;
  std::shared_ptr<TreeNode> parent;

  static std::shared_ptr<TreeNode> addChild(const std::shared_ptr<TreeNode> &p, std::string label) {
    auto c = std::make_shared<TreeNode>();
    c->label = std::move(label);
    c->parent = p;
    p->children.push_back(c);
    return c;
  }
};

int main() {
  auto root = std::make_shared<TreeNode>();
  TreeNode::addChild(root, "left");
  TreeNode::addChild(root, "right");
}  // the whole tree leaks

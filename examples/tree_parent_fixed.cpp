// Fixed twin of tree_parent.cpp: children observe their parent.
#include <memory>
#include <string>
#include <vector>

namespace fixed {

struct TreeNode {
  std::string label;
  std::vector<std::shared_ptr<TreeNode>> children;
  std::weak_ptr<TreeNode> parent;

  static std::shared_ptr<TreeNode> addChild(const std::shared_ptr<TreeNode> &p, std::string label) {
    auto c = std::make_shared<TreeNode>();
    c->label = std::move(label);
    c->parent = p;
    p->children.push_back(c);
    return c;
  }
};

}  // namespace fixed

int main() {
  auto root = std::make_shared<fixed::TreeNode>();
  fixed::TreeNode::addChild(root, "left");
}

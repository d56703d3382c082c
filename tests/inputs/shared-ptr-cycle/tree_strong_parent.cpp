// A tree whose children own their parent: the field's name says it points back.
#include <memory>
#include <string>
#include <vector>

struct TreeNode {
  std::string name;
  std::vector<std::shared_ptr<TreeNode>> children;  // CYCLE: TreeNode::children -> TreeNode::parent
  std::shared_ptr<TreeNode> parent;                 // EDGE: TreeNode::parent ; BACKREF: TreeNode::parent => std::weak_ptr<TreeNode> parent;
};

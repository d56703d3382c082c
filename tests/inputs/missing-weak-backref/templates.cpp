// In a class template, the fix rewrites the template as written.
#include <memory>
#include <vector>

template <class T> struct Tree {
  T value{};
  std::vector<std::shared_ptr<Tree>> kids;  // CYCLE: Tree::kids -> Tree::up
  std::shared_ptr<Tree> up;                 // EDGE: Tree::up ; BACKREF: Tree::up => std::weak_ptr<Tree> up;
};

template <class T> struct Pool {
  std::vector<std::shared_ptr<T>> members;  // CYCLE: Pool::members -> Worker::pool
};
struct Worker {
  std::shared_ptr<Pool<Worker>> pool;  // EDGE: Worker::pool ; BACKREF: Worker::pool => std::weak_ptr<Pool<Worker>> pool;
};

Tree<int> root;

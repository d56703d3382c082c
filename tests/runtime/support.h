// Shared by the runtime collector's test suites: a fixture that gives each test a quiet
// collector (automatic collection off, no debug flags, no leftovers), and node types that
// count their live instances.
#pragma once

#include <gtest/gtest.h>
#include <leakcheck/gc.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace gc = leakcheck::gc;

// Counts the live instances of Derived.
template <class Derived>
struct Counted {
  static inline std::atomic<int> alive{0};
  Counted() { ++alive; }
  Counted(const Counted&) { ++alive; }
  ~Counted() { --alive; }
};

struct Node : Counted<Node> {
  explicit Node(int id = 0) : id(id) {}
  int id = 0;
  std::shared_ptr<Node> next;
  std::vector<std::shared_ptr<Node>> children;
  std::weak_ptr<Node> parent;
  std::shared_ptr<Node> hidden;  // not traced: an unseen reference
  LEAKCHECK_TRACE(Node, next, children, parent);
};

// Links a -> b -> a and forgets both.
inline std::weak_ptr<Node> make_garbage_pair() {
  auto a = gc::make_tracked<Node>(1);
  auto b = gc::make_tracked<Node>(2);
  a->next = b;
  b->next = a;
  return a;
}

inline bool contains(const std::vector<std::shared_ptr<const void>>& objects, const void* p) {
  for (const auto& o : objects) {
    if (o.get() == p) return true;
  }
  return false;
}

class GcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gc::disable();
    quiet();
    node_baseline_ = Node::alive;
  }
  void TearDown() override {
    quiet();
    gc::enable();
  }
  static void quiet() {
    gc::set_debug(0);
    gc::clear_garbage();
    gc::unfreeze();
    gc::set_threshold(700, 10, 10);
    gc::collect();
  }
  int nodes_alive() const { return Node::alive - node_baseline_; }

 private:
  int node_baseline_ = 0;
};

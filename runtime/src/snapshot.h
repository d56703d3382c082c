// A set of tracked objects held alive (one strong reference each) for the duration of a
// collection or an inspection, indexed so that a reference found by traversal can be
// matched to the object it keeps alive.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "address_table.h"
#include "leakcheck/gc/trace.h"
#include "leakcheck/gc/tracked.h"

namespace leakcheck::gc::detail {

class Snapshot {
 public:
  static constexpr std::uint32_t kMissing = AddressTable::kMissing;

  struct Node {
    std::shared_ptr<const void> hold;  // our own strong reference: use_count() counts it
    const void* key;
    void* object;
    const TypeInfo* type;
    std::uint32_t slot;
    long use_count = 0;  // read right after taking `hold`, while its cache line is warm
  };

  void add(Node node) { nodes_.push_back(std::move(node)); }
  // Call once every node is added.
  void build_index();

  std::size_t size() const noexcept { return nodes_.size(); }
  Node& operator[](std::size_t i) noexcept { return nodes_[i]; }
  const Node& operator[](std::size_t i) const noexcept { return nodes_[i]; }
  std::vector<Node>& nodes() noexcept { return nodes_; }

  // The node whose control block `ref` shares, or kMissing (an untracked object, or one
  // outside this snapshot). Matching by control block, not address, is what makes a
  // reference count against the use_count it contributes to: a pointer to another
  // object at the same address never matches, an aliasing pointer into a member does.
  std::uint32_t find(const StrongRef& ref);

  // Calls f(target node or kMissing, ref, field) for every strong reference of node i.
  template <class F>
  void for_each_reference(std::uint32_t i, F&& f);

 private:
  std::uint32_t find_by_owner(const StrongRef& ref);

  std::vector<Node> nodes_;
  AddressTable by_key_;
  std::vector<std::uint32_t> by_owner_;  // sorted by control block, built on first need
  bool owner_index_built_ = false;
};

template <class F>
class FunctionVisitor final : public Visitor {
 public:
  explicit FunctionVisitor(F& f) : f_(f) {}
  void strong(const StrongRef& ref, const char* field) override { f_(ref, field); }

 private:
  F& f_;
};

template <class F>
void Snapshot::for_each_reference(std::uint32_t i, F&& f) {
  const Node& node = nodes_[i];
  if (node.type->traverse == nullptr) return;
  auto on_ref = [&](const StrongRef& ref, const char* field) { f(find(ref), ref, field); };
  FunctionVisitor<decltype(on_ref)> visitor(on_ref);
  node.type->traverse(node.object, visitor);
}

}  // namespace leakcheck::gc::detail

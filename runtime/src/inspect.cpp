// Inspection (gc.get_referrers / get_referents, objgraph's show_refs / show_backrefs):
// each works on a snapshot of every tracked object, under the graph lock.
#include <deque>
#include <fstream>
#include <map>
#include <stdexcept>

#include "json.h"
#include "snapshot.h"
#include "state.h"

namespace leakcheck::gc::detail {
namespace {

// Excludes collections and mutators (contract point 4) while traversing.
class InspectionLock {
 public:
  InspectionLock() {
    if (guard_depth() > 0) {
      throw std::logic_error("leakcheck::gc: inspection while this thread holds a mutation_guard");
    }
    graph_ = std::unique_lock(state().graph_mutex);
  }

 private:
  std::unique_lock<std::shared_mutex> graph_;
};

void snapshot_all(Snapshot& snapshot) {
  State& s = state();
  {
    std::lock_guard lock(s.mutex);
    for (ListId list : {kGeneration0, kGeneration1, kGeneration2, kPermanent, kCollecting}) {
      s.registry.for_each(list, [&](std::uint32_t i) {
        Slot& slot = s.registry.slot(i);
        if (auto hold = slot.handle.lock()) {
          snapshot.add({std::move(hold), slot.key, slot.object, slot.type, i});
        }
      });
    }
  }
  snapshot.build_index();
}

StrongRef ref_to(const std::shared_ptr<const void>& p) {
  return StrongRef{p.get(), &p, &EdgeOpsFor<const void>::ops};
}

// Every reference of one object, weak ones included.
template <class F>
class AllReferences final : public Visitor {
 public:
  explicit AllReferences(F& f) : f_(f) {}
  void strong(const StrongRef& ref, const char* field) override { f_(ref, field, false); }
  bool wants_weak() const override { return true; }
  void weak(const std::weak_ptr<const void>& target, const char* field) override {
    if (auto p = target.lock()) f_(ref_to(p), field, true);
  }

 private:
  F& f_;
};

// Draws a graph of snapshot nodes and untracked objects, as objgraph does.
class DotWriter {
 public:
  explicit DotWriter(Snapshot& snapshot) : snapshot_(snapshot) {}

  // Node id for a reference's target (tracked or not).
  std::string node(const StrongRef& ref, bool root = false) {
    std::uint32_t i = snapshot_.find(ref);
    const void* address = i != Snapshot::kMissing ? snapshot_[i].key : ref.address;
    auto [it, inserted] = ids_.emplace(address, "n" + std::to_string(ids_.size()));
    if (inserted) {
      std::string label = i != Snapshot::kMissing ? describe(snapshot_[i].type, address)
                                                  : "untracked " + describe_address(address);
      auto space = label.rfind(' ');
      if (space != std::string::npos) label.replace(space, 1, "\n");
      body_ += "  " + it->second + " [label=" + json_string(label);
      if (root) body_ += ", style=filled, fillcolor=\"#d0e8ff\"";
      body_ += "];\n";
    }
    return it->second;
  }
  void edge(const std::string& from, const std::string& to, const char* field, bool weak) {
    body_ += "  " + from + " -> " + to + " [label=" + json_string(field);
    if (weak) body_ += ", style=dashed";
    body_ += "];\n";
  }
  bool write(const std::string& path) const {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file) return false;
    file << "digraph leakcheck {\n  node [shape=box, fontname=\"Helvetica\"];\n"
         << "  edge [fontname=\"Helvetica\", fontsize=10];\n"
         << body_ << "}\n";
    return static_cast<bool>(file.flush());
  }

 private:
  static std::string describe_address(const void* address) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%p", address);
    return buffer;
  }

  Snapshot& snapshot_;
  std::map<const void*, std::string> ids_;
  std::string body_;
};

}  // namespace

std::vector<std::shared_ptr<const void>> referrers_of(const std::shared_ptr<const void>& target) {
  std::vector<std::shared_ptr<const void>> result;
  if (!target) return result;
  Snapshot all;  // released after the lock
  InspectionLock lock;
  snapshot_all(all);
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    bool refers = false;
    all.for_each_reference(i, [&](std::uint32_t, const StrongRef& ref, const char*) {
      refers = refers || ref.compare_owner(target) == 0;
    });
    if (refers) result.push_back(all[i].hold);
  }
  return result;
}

std::vector<std::shared_ptr<const void>> referents_of(const void* object, const TypeInfo* type) {
  std::vector<std::shared_ptr<const void>> result;
  if (type->traverse == nullptr) return result;
  InspectionLock lock;
  auto collect = [&](const StrongRef& ref, const char*) { result.push_back(ref.copy()); };
  FunctionVisitor<decltype(collect)> visitor(collect);
  type->traverse(object, visitor);
  return result;
}

}  // namespace leakcheck::gc::detail

namespace leakcheck::gc {

using namespace detail;

bool write_dot(const std::string& path, const std::vector<std::shared_ptr<const void>>& roots,
               int depth) {
  Snapshot all;
  InspectionLock lock;
  snapshot_all(all);
  DotWriter dot(all);
  std::deque<std::pair<std::uint32_t, int>> queue;  // tracked node, distance from a root
  std::vector<std::uint8_t> seen(all.size(), 0);
  for (const auto& root : roots) {
    if (!root) continue;
    dot.node(ref_to(root), true);
    std::uint32_t i = all.find(ref_to(root));
    if (i != Snapshot::kMissing && !seen[i]) {
      seen[i] = 1;
      queue.push_back({i, 0});
    }
  }
  while (!queue.empty()) {
    const std::uint32_t i = queue.front().first;
    const int distance = queue.front().second;
    queue.pop_front();
    if (distance >= depth || all[i].type->traverse == nullptr) continue;
    std::string from = dot.node(ref_to(all[i].hold));
    auto on_ref = [&](const StrongRef& ref, const char* field, bool weak) {
      dot.edge(from, dot.node(ref), field, weak);
      std::uint32_t j = all.find(ref);
      if (j != Snapshot::kMissing && !seen[j]) {
        seen[j] = 1;
        queue.push_back({j, distance + 1});
      }
    };
    AllReferences<decltype(on_ref)> visitor(on_ref);
    all[i].type->traverse(all[i].object, visitor);
  }
  return dot.write(path);
}

bool write_backrefs_dot(const std::string& path, const std::shared_ptr<const void>& target,
                        int depth) {
  Snapshot all;
  InspectionLock lock;
  snapshot_all(all);
  DotWriter dot(all);
  if (!target) return dot.write(path);
  // Who refers to whom: referrers[j] for tracked targets, and those of `target` itself
  // (which may be untracked).
  struct Referrer {
    std::uint32_t from;
    const char* field;
  };
  std::vector<std::vector<Referrer>> referrers(all.size());
  std::vector<Referrer> target_referrers;
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    all.for_each_reference(i, [&](std::uint32_t j, const StrongRef& ref, const char* field) {
      if (j != Snapshot::kMissing) referrers[j].push_back({i, field});
      if (ref.compare_owner(target) == 0) target_referrers.push_back({i, field});
    });
  }
  std::string target_id = dot.node(ref_to(target), true);
  std::deque<std::pair<std::uint32_t, int>> queue;
  std::vector<std::uint8_t> seen(all.size(), 0);
  std::uint32_t t = all.find(ref_to(target));
  if (t != Snapshot::kMissing) seen[t] = 1;
  for (const Referrer& r : target_referrers) {
    if (depth < 1) break;
    dot.edge(dot.node(ref_to(all[r.from].hold)), target_id, r.field, false);
    if (!seen[r.from]) {
      seen[r.from] = 1;
      queue.push_back({r.from, 1});
    }
  }
  while (!queue.empty()) {
    auto [j, distance] = queue.front();
    queue.pop_front();
    if (distance >= depth) continue;
    std::string to = dot.node(ref_to(all[j].hold));
    for (const Referrer& r : referrers[j]) {
      dot.edge(dot.node(ref_to(all[r.from].hold)), to, r.field, false);
      if (!seen[r.from]) {
        seen[r.from] = 1;
        queue.push_back({r.from, distance + 1});
      }
    }
  }
  return dot.write(path);
}

}  // namespace leakcheck::gc

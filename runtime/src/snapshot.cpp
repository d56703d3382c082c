#include "snapshot.h"

#include <algorithm>

namespace leakcheck::gc::detail {

void Snapshot::build_index() {
  by_key_ = AddressTable(nodes_.size());
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) by_key_.insert(nodes_[i].key, i);
  by_owner_.clear();
  owner_index_built_ = false;
}

std::uint32_t Snapshot::find(const StrongRef& ref) {
  std::uint32_t i = by_key_.find(ref.address);
  if (i != kMissing && ref.compare_owner(nodes_[i].hold) == 0) return i;
  return find_by_owner(ref);
}

// The slow path, for references whose address is not the key of the object owning them:
// aliasing pointers into members, non-polymorphic bases at an offset, shared_ptr<void>,
// and references to objects outside the snapshot.
std::uint32_t Snapshot::find_by_owner(const StrongRef& ref) {
  if (!owner_index_built_) {
    by_owner_.resize(nodes_.size());
    for (std::uint32_t i = 0; i < nodes_.size(); ++i) by_owner_[i] = i;
    std::sort(by_owner_.begin(), by_owner_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return nodes_[a].hold.owner_before(nodes_[b].hold);
    });
    owner_index_built_ = true;
  }
  // First node whose control block is not before ref's.
  auto it = std::partition_point(by_owner_.begin(), by_owner_.end(), [&](std::uint32_t k) {
    return ref.compare_owner(nodes_[k].hold) > 0;
  });
  if (it != by_owner_.end() && ref.compare_owner(nodes_[*it].hold) == 0) return *it;
  return kMissing;
}

}  // namespace leakcheck::gc::detail

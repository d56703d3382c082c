// The registry of tracked objects: one slot per object, holding a weak handle (so the
// registry owns nothing), the object's address and its type; slots are linked into the
// generation lists CPython keeps (doubly linked, circular, with a sentinel per list, so
// that unlinking needs no list and splicing a whole generation is O(1)).
// Not thread-safe by itself: State::mutex guards it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "address_table.h"
#include "leakcheck/gc/tracked.h"

namespace leakcheck::gc::detail {

// List ids; a slot's list is implied by the chain it sits in.
enum ListId : std::uint32_t {
  kGeneration0 = 0,
  kGeneration1 = 1,
  kGeneration2 = 2,
  kPermanent = 3,   // frozen objects
  kCollecting = 4,  // candidates of the collection in progress
  kListCount = 5,
};
constexpr int kGenerations = 3;

struct Slot {
  std::weak_ptr<const void> handle;  // empty for a free slot and for sentinels
  const void* key = nullptr;         // most-derived address: the registry key
  void* object = nullptr;            // the object as `type` describes it
  const TypeInfo* type = nullptr;
  std::uint32_t prev = 0;
  std::uint32_t next = 0;
};

class Registry {
 public:
  static constexpr std::uint32_t kMissing = AddressTable::kMissing;

  Registry();

  // Adds an object to generation 0 and returns its slot.
  std::uint32_t add(std::weak_ptr<const void> handle, const void* key, void* object,
                    const TypeInfo* type);
  // Forgets a slot; returns its handle so the caller can drop it outside the lock.
  std::weak_ptr<const void> remove(std::uint32_t slot);
  std::uint32_t find(const void* key) const noexcept { return by_key_.find(key); }

  Slot& slot(std::uint32_t i) noexcept { return slots_[i]; }

  // Appends every slot of list `from` to list `to`.
  void splice(ListId from, ListId to) noexcept;
  void move(std::uint32_t slot, ListId to) noexcept;
  std::size_t size(ListId list) const noexcept;
  // Slots in use, in every list: an upper bound for any one generation.
  std::size_t tracked() const noexcept { return slots_.size() - kListCount - free_.size(); }

  // Calls f(slot index) for each slot of `list`; f may remove that slot.
  template <class F>
  void for_each(ListId list, F&& f) {
    std::uint32_t i = slots_[list].next;
    while (i != list) {
      std::uint32_t next = slots_[i].next;
      f(i);
      i = next;
    }
  }

 private:
  void link_last(std::uint32_t slot, ListId list) noexcept;
  void unlink(std::uint32_t slot) noexcept;

  std::vector<Slot> slots_;  // the first kListCount slots are the lists' sentinels
  std::vector<std::uint32_t> free_;
  AddressTable by_key_;
};

}  // namespace leakcheck::gc::detail

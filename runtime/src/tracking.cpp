// Registering and forgetting objects (CPython's PyObject_GC_Track and the deallocation
// hook), automatic collection, freeze, get_objects.
#include <stdexcept>

#include "collector.h"
#include "state.h"

namespace leakcheck::gc::detail {

void register_object(std::weak_ptr<const void> handle, const void* key, void* object,
                     const TypeInfo* type) {
  State& s = state();
  std::weak_ptr<const void> stale;  // dropped after the lock is released
  {
    std::lock_guard lock(s.mutex);
    std::uint32_t existing = s.registry.find(key);
    if (existing != Registry::kMissing) {
      const Slot& slot = s.registry.slot(existing);
      // A live entry at this address is this object already (or one we keep instead:
      // two live objects cannot share an address unless one aliases into the other).
      if (!slot.handle.expired()) return;
      // A dead object's entry whose memory now holds a new object.
      stale = s.registry.remove(existing);
    }
    s.registry.add(std::move(handle), key, object, type);
    ++s.count[0];
  }
  maybe_collect_automatically();
}

bool is_registered(const std::shared_ptr<const void>& p, const void* key) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  std::uint32_t i = s.registry.find(key);
  if (i == Registry::kMissing) return false;
  const auto& handle = s.registry.slot(i).handle;
  return !handle.expired() && !handle.owner_before(p) && !p.owner_before(handle);
}

void on_destroyed(const void* key) noexcept {
  State& s = state();
  std::weak_ptr<const void> handle;  // dropped after the lock is released
  std::lock_guard lock(s.mutex);
  if (s.count[0] > 0) --s.count[0];
  std::uint32_t i = s.registry.find(key);
  // The entry may already be gone (a collection found the object dead first); an entry
  // that is not expired belongs to some other object at this address.
  if (i != Registry::kMissing && s.registry.slot(i).handle.expired()) {
    handle = s.registry.remove(i);
  }
}

// CPython's collect_generations: the oldest generation whose count exceeds its
// threshold, a full collection only once enough objects await it.
static int generation_due(const State& s) {
  if (s.threshold[0] == 0 || s.count[0] <= s.threshold[0]) return -1;
  for (int g = kGenerations - 1; g >= 0; --g) {
    if (s.count[g] > s.threshold[g]) {
      if (g == kGenerations - 1 && s.long_lived_pending < s.long_lived_total / 4) continue;
      return g;
    }
  }
  return -1;
}

void maybe_collect_automatically() {
  State& s = state();
  if (!s.enabled || collecting_depth() > 0 || guard_depth() > 0) return;
  {
    std::lock_guard lock(s.mutex);
    if (generation_due(s) < 0) return;
  }
  std::unique_lock serial(s.collection_mutex, std::try_to_lock);
  if (!serial.owns_lock()) return;  // another thread is collecting
  int g;
  {
    std::lock_guard lock(s.mutex);
    g = generation_due(s);
  }
  if (g >= 0) run_collection(g, CollectionMode::normal);
}

}  // namespace leakcheck::gc::detail

namespace leakcheck::gc {

using namespace detail;

std::size_t collect(int generation) {
  if (generation < 0 || generation >= kGenerations) {
    throw std::invalid_argument("leakcheck::gc::collect: generation must be 0, 1 or 2");
  }
  if (collecting_depth() > 0 || guard_depth() > 0) return 0;
  std::unique_lock serial(state().collection_mutex);
  return run_collection(generation, CollectionMode::normal);
}

void freeze() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  for (int g = 0; g < kGenerations; ++g) s.registry.splice(ListId(g), kPermanent);
  s.count[0] = 0;
}

void unfreeze() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.registry.splice(kPermanent, kGeneration2);
}

std::size_t get_freeze_count() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  return s.registry.size(kPermanent);
}

std::vector<std::shared_ptr<const void>> get_objects(int generation) {
  if (generation < -1 || generation >= kGenerations) {
    throw std::invalid_argument("leakcheck::gc::get_objects: generation must be -1, 0, 1 or 2");
  }
  State& s = state();
  std::vector<std::shared_ptr<const void>> objects;
  std::lock_guard lock(s.mutex);
  auto take = [&](ListId list) {
    s.registry.for_each(list, [&](std::uint32_t i) {
      if (auto p = s.registry.slot(i).handle.lock()) objects.push_back(std::move(p));
    });
  };
  if (generation >= 0) {
    take(ListId(generation));
  } else {
    for (ListId list : {kGeneration0, kGeneration1, kGeneration2, kPermanent, kCollecting}) take(list);
  }
  return objects;  // released by the caller, with no lock held
}

std::string record_name(const std::shared_ptr<const void>& object) {
  if (!object) return "";
  State& s = state();
  std::lock_guard lock(s.mutex);
  std::uint32_t i = s.registry.find(object.get());
  if (i == Registry::kMissing) return "";
  const Slot& slot = s.registry.slot(i);
  if (slot.handle.owner_before(object) || object.owner_before(slot.handle)) return "";
  return slot.type->record;
}

}  // namespace leakcheck::gc

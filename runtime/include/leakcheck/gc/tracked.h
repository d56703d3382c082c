// Registering objects with the collector: make_tracked, track, is_tracked, and the
// per-type function table the collector calls through. Included by <leakcheck/gc.h>.
#pragma once

#include <cstddef>
#include <memory>
#include <typeinfo>
#include <utility>

#include "leakcheck/gc/trace.h"

namespace leakcheck::gc::detail {

// What the collector knows about one C++ type: CPython's type object, reduced to the
// slots the collector uses.
struct TypeInfo {
  const char* record;              // the name given to LEAKCHECK_TRACE, "" if none
  const std::type_info* rtti;      // to name types without LEAKCHECK_TRACE
  std::size_t size;                // sizeof, reported as "bytes"
  void (*traverse)(const void* object, Visitor& v);  // tp_traverse; null: no references
  void (*clear)(void* object, Graveyard& g);         // tp_clear; null: nothing to clear
};

template <class T>
const TypeInfo* type_info_of() noexcept {
  using Plain = std::remove_cv_t<T>;
  if constexpr (is_traced<Plain>::value) {
    static constexpr TypeInfo info{
        leakcheck_gc_record_name(static_cast<const Plain*>(nullptr)), &typeid(Plain), sizeof(Plain),
        [](const void* object, Visitor& v) {
          traverse_fields(*const_cast<Plain*>(static_cast<const Plain*>(object)), v, nullptr);
        },
        [](void* object, Graveyard& g) { clear_fields(*static_cast<Plain*>(object), g); }};
    return &info;
  } else {
    static constexpr TypeInfo info{"", &typeid(Plain), sizeof(Plain), nullptr, nullptr};
    return &info;
  }
}

// Registration, implemented in the library. `key` is the object's most-derived address,
// `object` the same object as the static type `type` describes.
void register_object(std::weak_ptr<const void> handle, const void* key, void* object,
                     const TypeInfo* type);
bool is_registered(const std::shared_ptr<const void>& p, const void* key);
// Called by TrackedAllocator when a make_tracked object's lifetime ends (CPython's
// deallocation hook: it lowers the generation-0 count and forgets the object).
void on_destroyed(const void* key) noexcept;

// std::allocator that tells the registry when the object it constructed is destroyed:
// std::allocate_shared destroys its object through allocator_traits::destroy.
template <class T>
struct TrackedAllocator {
  using value_type = T;
  TrackedAllocator() noexcept = default;
  template <class U>
  TrackedAllocator(const TrackedAllocator<U>&) noexcept {}  // NOLINT: rebinding copy

  T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T* p, std::size_t n) noexcept { std::allocator<T>{}.deallocate(p, n); }
  template <class U>
  void destroy(U* p) noexcept {
    p->~U();
    on_destroyed(static_cast<const void*>(p));
  }
  template <class U>
  bool operator==(const TrackedAllocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const TrackedAllocator<U>&) const noexcept { return false; }
};

}  // namespace leakcheck::gc::detail

namespace leakcheck::gc {

// Registers an existing object (CPython's PyObject_GC_Track). Tracking the same object
// twice is harmless. Prefer make_tracked: an object registered here is forgotten only
// when a collection finds it gone (its control block lives until then), and track()
// traverses it as the static type T, so pass the most-derived type.
template <class T>
void track(const std::shared_ptr<T>& p) {
  if (!p) return;
  using Plain = std::remove_cv_t<T>;
  detail::register_object(std::weak_ptr<const void>(p), detail::most_derived(p.get()),
                          const_cast<Plain*>(p.get()), detail::type_info_of<Plain>());
}

// std::make_shared with registration: returns a plain std::shared_ptr<T> (the registry
// only keeps a weak handle) and lets the collector see the object's death at once.
// May run an automatic collection (see set_threshold) after the object is registered.
template <class T, class... Args>
std::shared_ptr<T> make_tracked(Args&&... args) {
  static_assert(!std::is_array_v<T>, "make_tracked: arrays are not supported");
  auto p = std::allocate_shared<T>(detail::TrackedAllocator<std::remove_cv_t<T>>{},
                                   std::forward<Args>(args)...);
  track(p);
  return p;
}

// Is this object registered with the collector (same object, same control block)?
template <class T>
bool is_tracked(const std::shared_ptr<T>& p) {
  return p && detail::is_registered(std::shared_ptr<const void>(p), detail::most_derived(p.get()));
}

}  // namespace leakcheck::gc

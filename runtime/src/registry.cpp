#include "registry.h"

namespace leakcheck::gc::detail {

Registry::Registry() : slots_(kListCount) {
  for (std::uint32_t i = 0; i < kListCount; ++i) {
    slots_[i].prev = slots_[i].next = i;
  }
}

std::uint32_t Registry::add(std::weak_ptr<const void> handle, const void* key, void* object,
                            const TypeInfo* type) {
  std::uint32_t i;
  if (!free_.empty()) {
    i = free_.back();
    free_.pop_back();
  } else {
    i = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[i];
  s.handle = std::move(handle);
  s.key = key;
  s.object = object;
  s.type = type;
  by_key_.insert(key, i);
  link_last(i, kGeneration0);
  return i;
}

std::weak_ptr<const void> Registry::remove(std::uint32_t i) {
  Slot& s = slots_[i];
  unlink(i);
  if (by_key_.find(s.key) == i) by_key_.erase(s.key);
  std::weak_ptr<const void> handle = std::move(s.handle);
  s = Slot{};
  free_.push_back(i);
  return handle;
}

void Registry::link_last(std::uint32_t i, ListId list) noexcept {
  std::uint32_t last = slots_[list].prev;
  slots_[i].prev = last;
  slots_[i].next = list;
  slots_[last].next = i;
  slots_[list].prev = i;
}

void Registry::unlink(std::uint32_t i) noexcept {
  slots_[slots_[i].prev].next = slots_[i].next;
  slots_[slots_[i].next].prev = slots_[i].prev;
  slots_[i].prev = slots_[i].next = i;
}

void Registry::splice(ListId from, ListId to) noexcept {
  if (from == to || slots_[from].next == from) return;
  std::uint32_t first = slots_[from].next;
  std::uint32_t last = slots_[from].prev;
  std::uint32_t to_last = slots_[to].prev;
  slots_[to_last].next = first;
  slots_[first].prev = to_last;
  slots_[last].next = to;
  slots_[to].prev = last;
  slots_[from].prev = slots_[from].next = from;
}

void Registry::move(std::uint32_t i, ListId to) noexcept {
  unlink(i);
  link_last(i, to);
}

std::size_t Registry::size(ListId list) const noexcept {
  std::size_t n = 0;
  for (std::uint32_t i = slots_[list].next; i != list; i = slots_[i].next) ++n;
  return n;
}

}  // namespace leakcheck::gc::detail

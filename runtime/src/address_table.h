// A flat hash map from object address to a 32-bit index: open addressing with linear
// probing and backward-shift deletion, so inserting and erasing never allocate per entry
// (make_tracked pays for one insert, each destruction for one erase).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace leakcheck::gc::detail {

class AddressTable {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  explicit AddressTable(std::size_t expected = 0) { reserve(expected); }

  std::uint32_t find(const void* key) const noexcept {
    if (cells_.empty() || key == nullptr) return kMissing;
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      if (cells_[i].key == key) return cells_[i].value;
      if (cells_[i].key == nullptr) return kMissing;
    }
  }

  // Inserts or overwrites.
  void insert(const void* key, std::uint32_t value) {
    if ((size_ + 1) * 2 > cells_.size()) grow();
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      if (cells_[i].key == key) {
        cells_[i].value = value;
        return;
      }
      if (cells_[i].key == nullptr) {
        cells_[i] = Cell{key, value};
        ++size_;
        return;
      }
    }
  }

  bool erase(const void* key) noexcept {
    if (cells_.empty() || key == nullptr) return false;
    std::size_t i = home(key);
    while (cells_[i].key != key) {
      if (cells_[i].key == nullptr) return false;
      i = (i + 1) & mask_;
    }
    // Backward-shift: pull later cells of the same probe run into the hole.
    for (std::size_t j = (i + 1) & mask_;; j = (j + 1) & mask_) {
      if (cells_[j].key == nullptr) break;
      std::size_t want = home(cells_[j].key);
      // Move j into the hole at i unless its home lies cyclically in (i, j].
      bool stays = (i < j) ? (i < want && want <= j) : (i < want || want <= j);
      if (!stays) {
        cells_[i] = cells_[j];
        i = j;
      }
    }
    cells_[i] = Cell{};
    --size_;
    return true;
  }

  std::size_t size() const noexcept { return size_; }

  void reserve(std::size_t expected) {
    std::size_t want = 16;
    while (want < expected * 2) want *= 2;
    if (want > cells_.size()) rehash(want);
  }

 private:
  struct Cell {
    const void* key = nullptr;
    std::uint32_t value = kMissing;
  };

  // Locality-preserving: within a 64 KiB region of memory, addresses keep their order
  // (objects allocated together, which usually reference each other, share cache lines
  // of the table); each region's block of cells is placed by Fibonacci hashing of the
  // region number, XORed in so that strides of any power of two spread evenly.
  std::size_t home(const void* key) const noexcept {
    auto bits = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key));
    std::uint64_t region = ((bits >> 16) * 0x9E3779B97F4A7C15ull) >> shift_;
    return static_cast<std::size_t>(region ^ ((bits >> 4) & 0xfff)) & mask_;
  }
  void grow() { rehash(cells_.empty() ? 16 : cells_.size() * 2); }
  void rehash(std::size_t capacity) {
    std::vector<Cell> old = std::move(cells_);
    cells_.assign(capacity, Cell{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
    size_ = 0;
    for (const Cell& c : old) {
      if (c.key != nullptr) insert(c.key, c.value);
    }
  }

  std::vector<Cell> cells_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace leakcheck::gc::detail

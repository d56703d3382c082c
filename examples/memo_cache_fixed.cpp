// Fixed twin of memo_cache.cpp: the memo keeps at most kCapacity entries (evicting one
// before it grows past the cap; a real one would evict the least recently used).
#include <cstddef>
#include <string>
#include <unordered_map>

namespace fixed {

struct Location {
  double lat = 0, lon = 0;
};

class Geocoder {
 public:
  static Location lookup(const std::string &address) {
    auto it = cache_.find(address);
    if (it != cache_.end()) return it->second;
    Location l = resolve(address);
    if (cache_.size() >= kCapacity) cache_.erase(cache_.begin());
    cache_[address] = l;
    return l;
  }

 private:
  static constexpr std::size_t kCapacity = 4096;
  static Location resolve(const std::string &address) {
    return {static_cast<double>(address.size()), 0};
  }
  static std::unordered_map<std::string, Location> cache_;
};

std::unordered_map<std::string, Location> Geocoder::cache_;

}  // namespace fixed

int main() {
  for (int i = 0; i < 1000000; ++i) fixed::Geocoder::lookup("street " + std::to_string(i));
}  // at most 4096 entries

// Leak: a memo table with static storage that only grows. Every address ever looked up
// stays in memory until the program exits.
#include <string>
#include <unordered_map>

struct Location {
  double lat = 0, lon = 0;
};

class Geocoder {
 public:
  static Location lookup(const std::string &address) {
    auto it = cache_.find(address);
    if (it != cache_.end()) return it->second;
    Location l = resolve(address);
    cache_[address] = l;
    return l;
  }

 private:
  static Location resolve(const std::string &address) {
    return {static_cast<double>(address.size()), 0};
  }
  static std::unordered_map<std::string, Location> cache_;
};

std::unordered_map<std::string, Location> Geocoder::cache_;

int main() {
  for (int i = 0; i < 1000000; ++i) Geocoder::lookup("street " + std::to_string(i));
}  // a million entries, never evicted

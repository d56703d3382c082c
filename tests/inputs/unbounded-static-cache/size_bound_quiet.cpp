// Growth kept to a size: guarded by a size comparison, or evicting past a bound.
#include <deque>
#include <string>
#include <vector>

constexpr size_t kMax = 100;

std::vector<std::string> g_capped;
void capped(const std::string &s) {
  if (g_capped.size() < kMax) g_capped.push_back(s);
}

void recent(const std::string &line) {
  static std::deque<std::string> lines;
  lines.push_back(line);
  if (lines.size() > kMax) lines.pop_front();
}

// Testing for emptiness is not a bound.
std::vector<int> g_unbounded;  // CACHE: g_unbounded
void add(int x) {
  if (g_unbounded.size() == 0) g_unbounded.reserve(16);
  g_unbounded.push_back(x);
}

// A helper that says whether there is room, a capacity member.
std::vector<int> g_room;
bool hasRoom() { return g_room.size() < kMax; }
void offer(int x) {
  if (hasRoom()) g_room.push_back(x);
}

struct Pool {
  static Pool &get() {
    static Pool p;
    return p;
  }
  void put(int x) {
    if (items_.size() >= capacity_) return;
    items_.push_back(x);
  }
  std::vector<int> items_;
  size_t capacity_ = 64;
};

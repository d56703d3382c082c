// Where a use runs is told by the code around it: a default argument runs with the
// function that declares it, an in-class initializer with the constructor defined above
// it, a lambda where it is called, and a lambda called in place where it is written. A size
// compared inside a lambda still bounds the container.
#include <cstddef>
#include <functional>
#include <map>
#include <vector>

std::vector<int> g_defaults;  // CACHE: g_defaults
int record(int x = (g_defaults.push_back(1), 0)) { return x; }

std::vector<int> g_sessions;  // CACHE: g_sessions
struct Session {
  Session() {}
  int id = (g_sessions.push_back(1), 1);
};

std::map<int, int> g_later;  // CACHE: g_later
std::function<void(int)> g_remember = [](int k) { g_later[k] = k; };

std::map<int, int> g_startup;
static const bool g_startupFilled = [] {
  g_startup[1] = 1;
  return true;
}();

std::vector<int> g_bounded;
constexpr std::size_t kMax = 64;
void add(int x) {
  if ([] { return g_bounded.size() < kMax; }())
    g_bounded.push_back(x);
}

int main(int argc, char **) {
  Session s;
  g_remember(argc);
  add(argc);
  return record() + s.id + static_cast<int>(g_startup.size());
}

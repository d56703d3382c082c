// Not caches: const tables, containers only filled while they are initialised, function
// locals, members of objects without static storage, a static pointer to someone else's.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

const std::unordered_map<std::string, int> kPorts = {{"http", 80}, {"https", 443}};
static const std::vector<int> kPrimes = {2, 3, 5, 7};

std::map<int, std::string> makeNames() {
  std::map<int, std::string> m;
  m[1] = "one";
  m[2] = "two";
  return m;
}
std::map<int, std::string> g_names = makeNames();

std::vector<std::string> g_builtin;
static bool g_registered = (g_builtin.push_back("help"), g_builtin.push_back("quit"), true);

struct Table {
  Table() {
    rows_.push_back(0);
    rows_.push_back(1);
  }
  std::vector<int> rows_;
};
Table g_table;

int lookup(const std::string &k) {
  static const std::map<std::string, int> aliases = {{"web", 80}};
  auto it = aliases.find(k);
  return it == aliases.end() ? kPorts.at(k) : it->second;
}

int sum(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i) v.push_back(i);
  int s = 0;
  for (int x : v) s += x;
  return s + kPrimes.front() + static_cast<int>(g_names.size());
}

struct Buffer {
  std::vector<char> bytes_;
  void put(char c) { bytes_.push_back(c); }
};
void fill() {
  Buffer b;
  b.put('x');
}

std::vector<int> *g_current = nullptr;
void push(int x) {
  if (g_current) g_current->push_back(x);
}

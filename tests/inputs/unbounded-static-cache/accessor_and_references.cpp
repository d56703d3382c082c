// Grown through a function returning a reference to it, through a local reference, and
// through a reference parameter.
#include <map>
#include <string>
#include <vector>

std::map<std::string, int> &table() {
  static std::map<std::string, int> t;  // CACHE: t
  return t;
}
void put(const std::string &k, int v) { table()[k] = v; }

std::vector<int> g_log;  // CACHE: g_log
void append(std::vector<int> &to, int v) { to.push_back(v); }
void log(int v) { append(g_log, v); }

std::vector<int> g_aliased;  // CACHE: g_aliased
void note(int v) {
  auto &a = g_aliased;
  a.push_back(v);
}

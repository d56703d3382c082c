#include "registry.h"
std::map<int, std::string> g_pending;
std::vector<std::string> g_log;
void submit(int id, std::string what) {
  g_log.push_back(what);
  g_pending.emplace(id, std::move(what));
}

// Grown through the accessor here, cleared through it in flush.cpp: quiet.
#include "cache.h"
std::unordered_map<std::string, int> &cache() {
  static std::unordered_map<std::string, int> c;
  return c;
}
int lookup(const std::string &k) { return cache().emplace(k, static_cast<int>(k.size())).first->second; }

// Two global caches: one grown here and erased in another TU (quiet), one only grown.
#pragma once
#include <map>
#include <string>
#include <vector>
extern std::map<int, std::string> g_pending;
extern std::vector<std::string> g_log;
void submit(int id, std::string what);
void finish(int id);

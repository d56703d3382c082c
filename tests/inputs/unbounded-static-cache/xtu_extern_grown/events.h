#pragma once
#include <string>
#include <vector>
namespace audit {
extern std::vector<std::string> g_events;
void log(const std::string &e);
}  // namespace audit

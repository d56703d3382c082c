#pragma once
#include <map>
#include <string>
extern std::map<int, std::string> g_jobs;
void submit(int id, const std::string &what);
void finish(int id);

#pragma once
#include <string>
#include <unordered_map>
std::unordered_map<std::string, int> &cache();
int lookup(const std::string &k);
void flush();

#pragma once
#include <string>
#include <vector>

// A static default in one file, a local object in another: not a singleton.
struct Options {
  std::vector<std::string> includes_;  // quiet: options.cpp makes a local Options
  void include(const std::string &path) { includes_.push_back(path); }
};
Options &defaults();

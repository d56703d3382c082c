#pragma once
#include <map>
#include <string>

class Registry {
 public:
  static Registry &get();
  void set(const std::string &k, const std::string &v);

 private:
  std::map<std::string, std::string> values_;  // CACHE: Registry::values_
};

#include "registry.h"
void Registry::set(const std::string &k, const std::string &v) { values_[k] = v; }

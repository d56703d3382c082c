#include "options.h"
Options &defaults() {
  static Options d;
  return d;
}
void addDefault(const std::string &p) { defaults().include(p); }

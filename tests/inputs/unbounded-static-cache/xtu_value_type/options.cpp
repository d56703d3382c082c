#include "options.h"
void parse(const std::string &arg) {
  Options local = defaults();
  local.include(arg);
}

// A function-local static that only grows: one TU cannot tell whether another erases it.
#include <string>
#include <vector>

void record(const std::string &cmd) {
  static std::vector<std::string> history;
  history.push_back(cmd);
}

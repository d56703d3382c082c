// A function-local static: the symbol is the variable, the message names the function.
#include <string>
#include <vector>

void record(const std::string &cmd) {
  static std::vector<std::string> history;  // CACHE: history
  history.push_back(cmd);
}

int count(const std::string &word) {
  static std::vector<std::string> seen;  // CACHE: seen
  seen.emplace_back(word);
  return static_cast<int>(seen.size());
}

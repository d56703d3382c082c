// ARGS: -std=c++20
// std::erase_if and std::erase remove from a container.
#include <map>
#include <string>
#include <vector>

std::map<std::string, int> g_scores;
std::vector<int> g_ids;

void add(const std::string &name, int id) {
  g_scores[name] = id;
  g_ids.push_back(id);
}
void prune() {
  std::erase_if(g_scores, [](const auto &e) { return e.second < 0; });
  std::erase(g_ids, 0);
}

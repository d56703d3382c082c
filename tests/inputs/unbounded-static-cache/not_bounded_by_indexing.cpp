// Reading a container by index compares its size() with an index: that bounds nothing.
// Growth in a lambda runs when the lambda is called; a constructor registering every
// object in a static list grows it.
#include <functional>
#include <set>
#include <string>
#include <vector>

std::vector<std::function<void()>> g_tasks;  // CACHE: g_tasks
void post(std::function<void()> f) { g_tasks.push_back(std::move(f)); }
void runAll() {
  for (size_t i = 0; i < g_tasks.size(); ++i) g_tasks[i]();
}
const std::function<void()> *task(size_t i) {
  if (i < g_tasks.size()) return &g_tasks[i];
  return nullptr;
}

std::set<std::string> g_seen;  // CACHE: g_seen
auto g_remember = [](const std::string &s) { g_seen.insert(s); };

struct Widget {
  Widget() { s_all.push_back(this); }
  static std::vector<Widget *> s_all;  // CACHE: Widget::s_all
};
std::vector<Widget *> Widget::s_all;

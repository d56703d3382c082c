// A namespace-scope container that every subscriber is appended to, never removed from.
#include <functional>
#include <vector>

namespace events {
std::vector<std::function<void(int)>> g_listeners;  // CACHE: events::g_listeners

void subscribe(std::function<void(int)> f) { g_listeners.push_back(std::move(f)); }
void publish(int e) {
  for (auto &l : g_listeners) l(e);
}
}  // namespace events

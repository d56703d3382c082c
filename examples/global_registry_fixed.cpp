// Fixed twin of global_registry.cpp: a session is unregistered when it disconnects.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace fixed::net {

struct Session {
  int fd = -1;
  std::string user;
  std::vector<char> buffer = std::vector<char>(64 * 1024);
};

std::unordered_map<int, std::shared_ptr<Session>> g_sessions;

void onConnect(int fd, std::string user) {
  auto s = std::make_shared<Session>();
  s->fd = fd;
  s->user = std::move(user);
  g_sessions.emplace(fd, std::move(s));
}

void onDisconnect(int fd) { g_sessions.erase(fd); }

}  // namespace fixed::net

int main() {
  for (int fd = 0; fd < 1000; ++fd) {
    fixed::net::onConnect(fd, "guest");
    fixed::net::onDisconnect(fd);
  }
}  // nothing left registered

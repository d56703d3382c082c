// Leak: every session is registered in a global table when it connects, and nothing ever
// removes it: the table keeps every session (and its buffers) alive until exit.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace net {

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

void onDisconnect(int fd) { (void)fd; }  // forgets to unregister

}  // namespace net

int main() {
  for (int fd = 0; fd < 1000; ++fd) {
    net::onConnect(fd, "guest");
    net::onDisconnect(fd);
  }
}  // 1000 sessions, 64 MB of buffers, still registered

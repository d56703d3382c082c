// A derived record has its bases' fields: the base's field is the edge.
#include <memory>

struct Session;
struct Connected {
  std::shared_ptr<Session> session;  // CYCLE: Connected::session -> Session::socket ; BACKREF: Connected::session => std::weak_ptr<Session> session;
};
struct Socket : Connected {
  int fd = -1;
};
struct Session {
  std::shared_ptr<Socket> socket;  // EDGE: Session::socket
};

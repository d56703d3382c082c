// Both ends of the cycle have derived records: through them the graph has a longer cycle
// that runs the same two fields twice. It is one cycle, reported once.
#include <deque>
#include <memory>

struct Client;
struct Request {
  virtual ~Request() = default;
  std::shared_ptr<Client> client;  // CYCLE: Request::client -> Client::queue ; BACKREF: Request::client => std::weak_ptr<Client> client;
};
struct Client {
  virtual ~Client() = default;
  std::deque<std::shared_ptr<Request>> queue;  // EDGE: Client::queue
};
struct AsioRequest : Request {
  int socket = 0;
};
struct AsioClient : Client {
  int pool = 0;
};

// An object made to own itself ("keep alive until done") never dies.
#include <memory>

class Request : public std::enable_shared_from_this<Request> {
 public:
  void send() { keepAlive_ = shared_from_this(); }

 private:
  std::shared_ptr<Request> keepAlive_;  // CYCLE: Request::keepAlive_ ; BACKREF: Request::keepAlive_ => std::weak_ptr<Request> keepAlive_;
};

struct Ring {
  std::shared_ptr<Ring> next;  // CYCLE: Ring::next ; BACKREF: Ring::next => std::weak_ptr<Ring> next;
  static std::shared_ptr<Ring> single() {
    auto r = std::make_shared<Ring>();
    r->next = r;
    return r;
  }
};

#include "timer.h"
void connect(const std::shared_ptr<Session> &a, const std::shared_ptr<Session> &b) {
  a->peers.push_back(b);
  b->peers.push_back(a);
}

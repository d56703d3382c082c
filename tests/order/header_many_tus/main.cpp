#include "timer.h"
int main() {
  auto s = std::make_shared<Session>();
  s->arm();
}

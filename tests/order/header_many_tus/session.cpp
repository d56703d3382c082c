#include "timer.h"
void Session::arm() {
  timer = std::make_shared<Timer>();
  timer->setCallback([self = shared_from_this()] { self->arm(); });
}

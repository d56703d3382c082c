// The setter stores its parameter: only this TU sees that.
#include "timer.h"
#include <utility>
void Timer::onExpire(std::function<void()> f) { expire_ = std::move(f); }

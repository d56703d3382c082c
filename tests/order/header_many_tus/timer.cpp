#include "timer.h"
void Timer::setCallback(std::function<void()> f) { onFire = std::move(f); }

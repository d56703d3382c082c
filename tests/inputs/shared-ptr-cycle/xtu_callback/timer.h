#pragma once
#include <functional>
class Timer {
 public:
  void onExpire(std::function<void()> f);

 private:
  std::function<void()> expire_;  // EDGE: Timer::expire_ ; BACKREF: Timer::expire_
};

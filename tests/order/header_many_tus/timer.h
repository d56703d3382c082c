// One record seen by four TUs, each adding other facts: a callback stored through a
// setter, a shared_from_this() given to a child, a link both ways.
#pragma once
#include <functional>
#include <memory>
#include <vector>
struct Session;
struct Timer {
  std::function<void()> onFire;
  void setCallback(std::function<void()> f);
};
struct Session : std::enable_shared_from_this<Session> {
  std::shared_ptr<Timer> timer;
  std::vector<std::shared_ptr<Session>> peers;
  void arm();
};

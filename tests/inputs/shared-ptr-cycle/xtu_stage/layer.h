#pragma once
#include <memory>
class Stage;
class Layer {
 public:
  explicit Layer(std::shared_ptr<Stage> s);

 private:
  std::shared_ptr<Stage> stage_;  // CYCLE: Layer::stage_ -> Stage::layers_ ; BACKREF: Layer::stage_ => std::weak_ptr<Stage> stage_;
};

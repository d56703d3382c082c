#pragma once
#include <memory>
#include <vector>
class Layer;
class Stage {
 public:
  void add(std::shared_ptr<Layer> l);

 private:
  std::vector<std::shared_ptr<Layer>> layers_;  // EDGE: Stage::layers_
};

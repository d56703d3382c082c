// Three records whose cycle closes only when all three TUs are merged.
#pragma once
#include <memory>
#include <vector>
struct Canvas;
struct Layer;
struct Brush;
struct Canvas {
  std::vector<std::shared_ptr<Layer>> layers;
};
struct Layer {
  std::shared_ptr<Brush> brush;
  void setBrush(std::shared_ptr<Brush> b);
};
struct Brush {
  std::shared_ptr<Canvas> canvas;
};

#include "shapes.h"
std::shared_ptr<Brush> makeBrush(std::shared_ptr<Canvas> c) {
  auto b = std::make_shared<Brush>();
  b->canvas = std::move(c);
  return b;
}

#include "shapes.h"
void addLayer(const std::shared_ptr<Canvas> &c) { c->layers.push_back(std::make_shared<Layer>()); }

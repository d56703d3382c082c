#include "shapes.h"
void Layer::setBrush(std::shared_ptr<Brush> b) { brush = std::move(b); }

// Sees Layer's definition only.
#include "layer.h"
Layer::Layer(std::shared_ptr<Stage> s) : stage_(std::move(s)) {}

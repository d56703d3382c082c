// Sees Stage's definition only: the cycle closes in the merged program model.
#include "stage.h"
void Stage::add(std::shared_ptr<Layer> l) { layers_.push_back(std::move(l)); }

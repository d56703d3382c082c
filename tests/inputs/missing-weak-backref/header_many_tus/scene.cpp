// The header is seen by both files: one finding, one fix.
#include "scene.h"

void Scene::add(std::shared_ptr<Sprite> s) { sprites.push_back(std::move(s)); }

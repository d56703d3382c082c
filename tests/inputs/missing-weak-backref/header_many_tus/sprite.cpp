#include "scene.h"

std::shared_ptr<Sprite> makeSprite(const std::shared_ptr<Scene> &scene) {
  auto s = std::make_shared<Sprite>();
  s->scene = scene;
  scene->add(s);
  return s;
}

#pragma once
#include <memory>
#include <vector>

struct Scene;
struct Sprite {
  std::shared_ptr<Scene> scene;  // CYCLE: Sprite::scene -> Scene::sprites ; BACKREF: Sprite::scene => std::weak_ptr<Scene> scene;
};
struct Scene {
  std::vector<std::shared_ptr<Sprite>> sprites;  // EDGE: Scene::sprites
  void add(std::shared_ptr<Sprite> s);
};

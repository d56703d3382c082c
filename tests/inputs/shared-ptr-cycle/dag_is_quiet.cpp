// Shared ownership without a way back: a diamond-shaped DAG is not a cycle.
#include <memory>
#include <vector>

struct Texture {};
struct Material {
  std::shared_ptr<Texture> albedo;
  std::shared_ptr<Texture> normal;
};
struct Mesh {
  std::shared_ptr<Material> material;
};
struct Model {
  std::vector<std::shared_ptr<Mesh>> meshes;
  std::shared_ptr<Material> fallback;
};

// Records are named with their namespaces.
#include <memory>
#include <vector>

namespace shop {
struct Basket;
namespace items {
struct Item {
  std::shared_ptr<Basket> basket;  // CYCLE: shop::items::Item::basket -> shop::Basket::items ; BACKREF: shop::items::Item::basket => std::weak_ptr<Basket> basket;
};
}  // namespace items
struct Basket {
  std::vector<std::shared_ptr<items::Item>> items;  // EDGE: shop::Basket::items
};
}  // namespace shop

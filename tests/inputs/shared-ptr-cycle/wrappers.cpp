// optional, variant, pair, tuple and C arrays hold what they contain.
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>

struct P;
struct Q;
struct R;
struct T;
struct W;
struct Box {
  std::optional<std::shared_ptr<P>> maybe;              // CYCLE: Box::maybe -> P::box
  std::variant<int, std::string, std::shared_ptr<Q>> any;  // CYCLE: Box::any -> Q::box
  std::pair<int, std::shared_ptr<R>> pair;              // CYCLE: Box::pair -> R::box
  std::tuple<std::string, int, std::shared_ptr<T>> tup;  // CYCLE: Box::tup -> T::box
  std::shared_ptr<W> slots[4];                          // CYCLE: Box::slots -> W::box
};
struct P { std::shared_ptr<Box> box; };  // EDGE: P::box ; BACKREF: P::box => std::weak_ptr<Box> box;
struct Q { std::shared_ptr<Box> box; };  // EDGE: Q::box ; BACKREF: Q::box => std::weak_ptr<Box> box;
struct R { std::shared_ptr<Box> box; };  // EDGE: R::box ; BACKREF: R::box => std::weak_ptr<Box> box;
struct T { std::shared_ptr<Box> box; };  // EDGE: T::box ; BACKREF: T::box => std::weak_ptr<Box> box;
struct W { std::shared_ptr<Box> box; };  // EDGE: W::box ; BACKREF: W::box => std::weak_ptr<Box> box;

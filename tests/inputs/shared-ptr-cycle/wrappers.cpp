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
struct P { std::shared_ptr<Box> box; };  // EDGE: P::box
struct Q { std::shared_ptr<Box> box; };  // EDGE: Q::box
struct R { std::shared_ptr<Box> box; };  // EDGE: R::box
struct T { std::shared_ptr<Box> box; };  // EDGE: T::box
struct W { std::shared_ptr<Box> box; };  // EDGE: W::box

// Keys and values of maps and sets own their elements.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

struct K;
struct V;
struct S;
struct U;
struct M;
struct Index {
  std::map<std::shared_ptr<K>, int> byKey;                    // CYCLE: Index::byKey -> K::index
  std::unordered_map<std::string, std::shared_ptr<V>> byName;  // CYCLE: Index::byName -> V::index
  std::set<std::shared_ptr<S>> members;                       // CYCLE: Index::members -> S::index
  std::unordered_set<std::shared_ptr<U>> users;               // CYCLE: Index::users -> U::index
  std::multimap<int, std::shared_ptr<M>> ranked;              // CYCLE: Index::ranked -> M::index
};
struct K { std::shared_ptr<Index> index; };  // EDGE: K::index ; BACKREF: K::index => std::weak_ptr<Index> index;
struct V { std::shared_ptr<Index> index; };  // EDGE: V::index ; BACKREF: V::index => std::weak_ptr<Index> index;
struct S { std::shared_ptr<Index> index; };  // EDGE: S::index ; BACKREF: S::index => std::weak_ptr<Index> index;
struct U { std::shared_ptr<Index> index; };  // EDGE: U::index ; BACKREF: U::index => std::weak_ptr<Index> index;
struct M { std::shared_ptr<Index> index; };  // EDGE: M::index ; BACKREF: M::index => std::weak_ptr<Index> index;

// Strong pointers inside every sequence container close cycles.
#include <array>
#include <deque>
#include <forward_list>
#include <list>
#include <memory>
#include <vector>

struct A;
struct B;
struct C;
struct D;
struct E;
struct Hub {
  std::vector<std::shared_ptr<A>> a;        // CYCLE: Hub::a -> A::hub
  std::list<std::shared_ptr<B>> b;          // CYCLE: Hub::b -> B::hub
  std::deque<std::shared_ptr<C>> c;         // CYCLE: Hub::c -> C::hub
  std::array<std::shared_ptr<D>, 3> d;      // CYCLE: Hub::d -> D::hub
  std::forward_list<std::shared_ptr<E>> e;  // CYCLE: Hub::e -> E::hub
};
struct A { std::shared_ptr<Hub> hub; };  // EDGE: A::hub ; BACKREF: A::hub => std::weak_ptr<Hub> hub;
struct B { std::shared_ptr<Hub> hub; };  // EDGE: B::hub ; BACKREF: B::hub => std::weak_ptr<Hub> hub;
struct C { std::shared_ptr<Hub> hub; };  // EDGE: C::hub ; BACKREF: C::hub => std::weak_ptr<Hub> hub;
struct D { std::shared_ptr<Hub> hub; };  // EDGE: D::hub ; BACKREF: D::hub => std::weak_ptr<Hub> hub;
struct E { std::shared_ptr<Hub> hub; };  // EDGE: E::hub ; BACKREF: E::hub => std::weak_ptr<Hub> hub;

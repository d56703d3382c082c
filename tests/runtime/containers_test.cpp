// Cycles through every kind of field the visitor understands: two objects of
// Holder<Kind> reference each other through a field of that kind, are dropped, and a
// full collection must free both (and a reachable pair must survive intact).
#include <array>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <stack>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "support.h"

namespace {

template <template <class> class Kind>
struct Holder : Counted<Holder<Kind>> {
  typename Kind<Holder>::type field{};
  LEAKCHECK_TRACE(Holder, field);
};

// Each kind: the field's type for a holder H, and how to make it reference another H.
template <class H> struct SharedPtr {
  using type = std::shared_ptr<H>;
  static void link(type& f, const std::shared_ptr<H>& p) { f = p; }
};
template <class H> struct UniquePtrToTraced {
  struct Inner {
    std::shared_ptr<H> ref;
    LEAKCHECK_TRACE(Inner, ref);
  };
  using type = std::unique_ptr<Inner>;
  static void link(type& f, const std::shared_ptr<H>& p) { f = std::make_unique<Inner>(Inner{p}); }
};
template <class H> struct Vector {
  using type = std::vector<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push_back(p); }
};
template <class H> struct Deque {
  using type = std::deque<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push_back(p); }
};
template <class H> struct List {
  using type = std::list<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push_back(p); }
};
template <class H> struct ForwardList {
  using type = std::forward_list<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push_front(p); }
};
template <class H> struct Array {
  using type = std::array<std::shared_ptr<H>, 3>;
  static void link(type& f, const std::shared_ptr<H>& p) { f[1] = p; }
};
template <class H> struct CArray {
  using type = std::shared_ptr<H>[2];
  static void link(type& f, const std::shared_ptr<H>& p) { f[1] = p; }
};
template <class H> struct Set {
  using type = std::set<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.insert(p); }
};
template <class H> struct Multiset {
  using type = std::multiset<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.insert(p); f.insert(p); }
};
template <class H> struct UnorderedSet {
  using type = std::unordered_set<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.insert(p); }
};
template <class H> struct UnorderedMultiset {
  using type = std::unordered_multiset<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.insert(p); f.insert(p); }
};
template <class H> struct MapValue {
  using type = std::map<int, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f[1] = p; }
};
template <class H> struct MapKey {
  using type = std::map<std::shared_ptr<H>, int>;
  static void link(type& f, const std::shared_ptr<H>& p) { f[p] = 1; }
};
template <class H> struct Multimap {
  using type = std::multimap<std::string, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.emplace("a", p); f.emplace("a", p); }
};
template <class H> struct UnorderedMapValue {
  using type = std::unordered_map<std::string, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f["x"] = p; }
};
template <class H> struct UnorderedMapKey {
  using type = std::unordered_map<std::shared_ptr<H>, std::string>;
  static void link(type& f, const std::shared_ptr<H>& p) { f[p] = "x"; }
};
template <class H> struct UnorderedMultimap {
  using type = std::unordered_multimap<int, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.emplace(1, p); }
};
template <class H> struct Pair {
  using type = std::pair<int, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.second = p; }
};
template <class H> struct Tuple {
  using type = std::tuple<std::string, std::shared_ptr<H>, double>;
  static void link(type& f, const std::shared_ptr<H>& p) { std::get<1>(f) = p; }
};
template <class H> struct Optional {
  using type = std::optional<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f = p; }
};
template <class H> struct Variant {
  using type = std::variant<int, std::string, std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f = p; }
};
template <class H> struct NestedTraced {
  struct Wheel {
    double size = 0;
    std::shared_ptr<H> car;
    LEAKCHECK_TRACE(Wheel, car);
  };
  using type = std::vector<Wheel>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push_back(Wheel{1.0, p}); }
};
template <class H> struct Stack {
  using type = std::stack<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push(p); }
};
template <class H> struct Queue {
  using type = std::queue<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push(p); }
};
template <class H> struct PriorityQueue {
  using type = std::priority_queue<std::shared_ptr<H>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.push(p); }
};
template <class H> struct NestedContainers {
  using type = std::vector<std::map<int, std::optional<std::tuple<std::shared_ptr<H>>>>>;
  static void link(type& f, const std::shared_ptr<H>& p) { f.resize(2); f[1][7] = std::make_tuple(p); }
};
template <class H> struct SharedPtrToVoid {
  using type = std::shared_ptr<void>;
  static void link(type& f, const std::shared_ptr<H>& p) { f = p; }
};
template <class H> struct Aliasing {  // points into the other holder, shares its control block
  using type = std::shared_ptr<const void>;
  static void link(type& f, const std::shared_ptr<H>& p) {
    f = std::shared_ptr<const void>(p, reinterpret_cast<const char*>(p.get()) + 1);
  }
};

template <class Kind>
class ContainerCycle : public GcTest {};

template <template <class> class K>
struct KindOf {
  template <class H>
  using kind = K<H>;
  using holder = Holder<K>;
  static void link(holder& from, const std::shared_ptr<holder>& to) { K<holder>::link(from.field, to); }
};

using Kinds = ::testing::Types<
    KindOf<SharedPtr>, KindOf<UniquePtrToTraced>, KindOf<Vector>, KindOf<Deque>, KindOf<List>,
    KindOf<ForwardList>, KindOf<Array>, KindOf<CArray>, KindOf<Set>, KindOf<Multiset>,
    KindOf<UnorderedSet>, KindOf<UnorderedMultiset>, KindOf<MapValue>, KindOf<MapKey>,
    KindOf<Multimap>, KindOf<UnorderedMapValue>, KindOf<UnorderedMapKey>,
    KindOf<UnorderedMultimap>, KindOf<Pair>, KindOf<Tuple>, KindOf<Optional>, KindOf<Variant>,
    KindOf<NestedTraced>, KindOf<Stack>, KindOf<Queue>, KindOf<PriorityQueue>,
    KindOf<NestedContainers>, KindOf<SharedPtrToVoid>, KindOf<Aliasing>>;

class KindNames {
 public:
  template <class T>
  static std::string GetName(int i) {
    static const char* names[] = {
        "SharedPtr", "UniquePtrToTraced", "Vector", "Deque", "List", "ForwardList", "Array",
        "CArray", "Set", "Multiset", "UnorderedSet", "UnorderedMultiset", "MapValue",
        "MapKey", "Multimap", "UnorderedMapValue", "UnorderedMapKey", "UnorderedMultimap",
        "Pair", "Tuple", "Optional", "Variant", "NestedTraced", "Stack", "Queue",
        "PriorityQueue", "NestedContainers", "SharedPtrToVoid", "Aliasing"};
    return names[i];
  }
};
TYPED_TEST_SUITE(ContainerCycle, Kinds, KindNames);

TYPED_TEST(ContainerCycle, UnreachableCycleIsFreed) {
  using H = typename TypeParam::holder;
  int baseline = H::alive;
  std::weak_ptr<H> watch;
  {
    auto a = gc::make_tracked<H>();
    auto b = gc::make_tracked<H>();
    TypeParam::link(*a, b);
    TypeParam::link(*b, a);
    watch = a;
  }
  EXPECT_EQ(H::alive - baseline, 2);
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(watch.expired());
  EXPECT_EQ(H::alive - baseline, 0);
}

TYPED_TEST(ContainerCycle, ReachableCycleSurvivesIntact) {
  using H = typename TypeParam::holder;
  auto a = gc::make_tracked<H>();
  {
    auto b = gc::make_tracked<H>();
    TypeParam::link(*a, b);
    TypeParam::link(*b, a);
  }
  auto referents = gc::get_referents(a);
  ASSERT_FALSE(referents.empty());
  for (int g = 0; g < 3; ++g) EXPECT_EQ(gc::collect(g), 0u);
  EXPECT_EQ(gc::get_referents(a).size(), referents.size());
  EXPECT_EQ(gc::get_referrers(a).size(), 1u);
}

TYPED_TEST(ContainerCycle, TraversalReportsTheFieldName) {
  using H = typename TypeParam::holder;
  auto a = gc::make_tracked<H>();
  TypeParam::link(*a, a);
  gc::set_debug(gc::DEBUG_SAVEALL);
  a.reset();
  EXPECT_EQ(gc::collect(), 1u);
  std::string report = gc::report_json();
  EXPECT_NE(report.find("{\"record\": \"Holder\", \"field\": \"field\"}"), std::string::npos) << report;
}

}  // namespace

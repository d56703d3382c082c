// NOLINT on the reported line and NOLINTNEXTLINE above it silence leakcheck in clang-tidy too.
#include <memory>

struct B;
struct A {
  std::shared_ptr<B> b;  // NOLINT(leakcheck-shared-ptr-cycle)
};
struct B {
  std::shared_ptr<A> a;
};

struct D;
struct C {
  // NOLINTNEXTLINE(leakcheck-*)
  std::shared_ptr<D> d;
};
struct D {
  std::shared_ptr<C> c;
};

struct F;
struct E {
  std::shared_ptr<F> f;  // NOLINT(bugprone-*): another check's, so still reported
};
struct F {
  std::shared_ptr<E> e;
};

// Options from .clang-tidy: an in-house smart pointer owns only when
// leakcheck.SharedPointers names it, and a field to its own record points back when
// leakcheck-shared-ptr-cycle.BackReferenceNames has a word of its name.
#include <memory>
#include <vector>

template <class T> struct Ref {
  T *object;
};

struct Widget;
struct Window {
  Ref<Widget> widget;
};
struct Widget {
  Ref<Window> window;
};

struct Employee {
  std::vector<std::shared_ptr<Employee>> reports;
  std::shared_ptr<Employee> boss;
};

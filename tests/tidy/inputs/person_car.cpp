// A cycle inside one translation unit: the clang-tidy plugin finds it.
#include <memory>
#include <vector>

struct Car;

struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};

struct Car {
  std::shared_ptr<Person> owner;
};

struct Node {
  std::shared_ptr<Node> next;  // recursion, not a cycle: quiet
};

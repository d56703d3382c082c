// Raw pointers and references observe: never an ownership edge.
#include <map>
#include <memory>
#include <string>

struct Registry;
struct Service {
  Registry *registry = nullptr;
  Registry &again;
  const std::shared_ptr<Registry> *handle = nullptr;  // a pointer to a shared_ptr owns nothing
  explicit Service(Registry &r) : registry(&r), again(r) {}
};
struct Registry {
  std::map<std::string, std::shared_ptr<Service>> services;
};

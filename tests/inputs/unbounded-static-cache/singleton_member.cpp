// A singleton's member has static storage: the static instance lives until exit.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct Plugin {
  std::string name;
};

class Registry {
 public:
  static Registry &instance() {
    static Registry r;
    return r;
  }
  void add(std::shared_ptr<Plugin> p) { entries_.push_back(std::move(p)); }

 private:
  std::vector<std::shared_ptr<Plugin>> entries_;  // CACHE: Registry::entries_
};

// The same shape without a static instance: its objects come and go.
class Session {
 public:
  void remember(const std::string &k, int v) { values_[k] = v; }

 private:
  std::unordered_map<std::string, int> values_;
};

void load() {
  Registry::instance().add(std::make_shared<Plugin>());
  Session s;
  s.remember("a", 1);
}

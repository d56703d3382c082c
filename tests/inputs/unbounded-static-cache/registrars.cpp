// A registry filled only while static variables are initialised (registrar objects and
// `static bool registered = ...`) is a table, not a cache. One that the running program
// also adds to grows without end.
#include <functional>
#include <map>
#include <string>

struct Shape {};
using Maker = std::function<Shape *()>;

std::map<std::string, Maker> &makers() {
  static std::map<std::string, Maker> m;
  return m;
}
bool registerMaker(const std::string &name, Maker f) {
  makers()[name] = std::move(f);
  return true;
}
struct Registrar {
  Registrar(const std::string &name, Maker f) { registerMaker(name, std::move(f)); }
};
static bool g_circle = registerMaker("circle", [] { return new Shape; });
static Registrar g_square("square", [] { return new Shape; });

std::map<std::string, int> g_codes;  // CACHE: g_codes
int addCode(const std::string &name) { return g_codes[name] = static_cast<int>(g_codes.size()); }
static int g_ok = addCode("ok");

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) addCode(argv[i]);
  return makers().count("circle") ? 0 : 1;
}

// Filled by a lambda called in place while a static variable is initialised.
std::map<int, std::string> g_errors;
static const bool g_errorsFilled = [] {
  g_errors[1] = "failed";
  g_errors[2] = "timeout";
  return true;
}();

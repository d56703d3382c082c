// Cause C (yaml-cpp's `static const RegEx e`): nothing grows through a const static object,
// so its members are not static storage; a non-const static object of the same shape is.
#include <string>
#include <vector>

class Pattern {
 public:
  Pattern &operator+=(const std::string &p) {
    parts_.push_back(p);
    return *this;
  }
  std::vector<std::string> parts_;  // quiet: the static Pattern is const
};

const Pattern &empty() {
  static const Pattern e;
  return e;
}

class Log {
 public:
  void append(const std::string &l) { lines_.push_back(l); }
  std::vector<std::string> lines_;  // CACHE: Log::lines_
};
static Log *const g_log = new Log;  // a const pointer to a non-const object

// A lazy singleton: `new` stored into a static pointer makes a static object, not a local.
struct Pool {
  std::vector<int> blocks_;  // CACHE: Pool::blocks_
  void grow() { blocks_.push_back(0); }
};
static Pool *g_pool;
Pool &pool() {
  if (!g_pool)
    g_pool = new Pool;
  return *g_pool;
}

void run() {
  empty();
  g_log->append("x");
  pool().grow();
}

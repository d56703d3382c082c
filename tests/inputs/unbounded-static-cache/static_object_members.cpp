// Members of a global object, of its members held by value, of its bases, and of an object
// a static pointer is made for with new.
#include <map>
#include <string>
#include <vector>

struct Journal {
  std::vector<std::string> lines_;  // CACHE: Journal::lines_
  void write(const std::string &l) { lines_.push_back(l); }
};
struct Counters {
  std::map<std::string, int> counts_;  // CACHE: Counters::counts_
};
struct App : Counters {
  Journal journal;
  void hit(const std::string &k) { ++counts_[k]; }
};
App g_app;

struct Metrics {
  std::vector<double> samples_;  // CACHE: Metrics::samples_
  void add(double x) { samples_.push_back(x); }
};
Metrics *metrics() {
  static Metrics *m = new Metrics;
  return m;
}

void run() {
  g_app.journal.write("start");
  g_app.hit("start");
  metrics()->add(1.0);
}

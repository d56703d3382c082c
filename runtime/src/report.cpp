// The JSON report (format in leakcheck/gc.h) that `leakcheck --confirm` reads.
#include <fstream>

#include "json.h"
#include "state.h"

namespace leakcheck::gc {

using namespace detail;

std::string report_json() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  std::size_t collections = 0, collected = 0, uncollectable = 0;
  for (const auto& g : s.stats) {
    collections += g.collections;
    collected += g.collected;
    uncollectable += g.uncollectable;
  }
  std::string out = "{\n  \"tool\": \"leakcheck-gc\",\n  \"version\": 1,\n";
  out += "  \"collections\": " + std::to_string(collections) + ",\n";
  out += "  \"collected\": " + std::to_string(collected) + ",\n";
  out += "  \"uncollectable\": " + std::to_string(uncollectable) + ",\n";
  out += "  \"garbage\": " + std::to_string(s.garbage.size()) + ",\n";
  out += "  \"cycles\": [";
  const char* separator = "\n";
  for (const CycleShape& c : s.cycles.shapes()) {
    out += separator;
    separator = ",\n";
    out += "    {\n      \"edges\": [";
    for (std::size_t i = 0; i < c.edges.size(); ++i) {
      out += i ? ", " : "";
      out += "{\"record\": " + json_string(c.edges[i].record) +
             ", \"field\": " + json_string(c.edges[i].field) + "}";
    }
    out += "],\n      \"records\": [";
    for (std::size_t i = 0; i < c.records.size(); ++i) {
      out += i ? ", " : "";
      out += "{\"record\": " + json_string(c.records[i].record) +
             ", \"instances\": " + std::to_string(c.records[i].instances) +
             ", \"bytes\": " + std::to_string(c.records[i].bytes) + "}";
    }
    out += "],\n      \"occurrences\": " + std::to_string(c.occurrences) +
           ",\n      \"instances\": " + std::to_string(c.instances) +
           ",\n      \"bytes\": " + std::to_string(c.bytes) + "\n    }";
  }
  out += s.cycles.shapes().empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

bool write_report(const std::string& path) {
  std::string text = report_json();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return false;
  file << text;
  return static_cast<bool>(file.flush());
}

}  // namespace leakcheck::gc

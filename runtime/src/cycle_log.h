// The cycles the report lists: every strongly connected component of garbage found by a
// collection, aggregated by shape (its ordered list of (record, field) edges).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace leakcheck::gc::detail {

struct CycleEdge {
  std::string record;
  std::string field;
};

struct RecordCount {
  std::string record;
  std::size_t instances = 0;
  std::size_t bytes = 0;
};

struct CycleShape {
  std::vector<CycleEdge> edges;
  std::vector<RecordCount> records;  // in order of first appearance along the edges
  std::size_t occurrences = 0;
  std::size_t instances = 0;
  std::size_t bytes = 0;
};

class CycleLog {
 public:
  // Adds one component with this shape (edges in cycle order, per-record counts).
  void add(const std::vector<CycleEdge>& edges, const std::vector<RecordCount>& records);
  const std::vector<CycleShape>& shapes() const noexcept { return shapes_; }

 private:
  std::vector<CycleShape> shapes_;
  std::map<std::string, std::size_t> by_signature_;
};

}  // namespace leakcheck::gc::detail

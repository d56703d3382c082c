#include "cycle_log.h"

namespace leakcheck::gc::detail {

void CycleLog::add(const std::vector<CycleEdge>& edges, const std::vector<RecordCount>& records) {
  std::string signature;
  for (const CycleEdge& e : edges) {
    signature += e.record;
    signature += '\x1f';
    signature += e.field;
    signature += '\x1e';
  }
  auto [it, inserted] = by_signature_.emplace(signature, shapes_.size());
  if (inserted) {
    CycleShape shape;
    shape.edges = edges;
    for (const RecordCount& r : records) shape.records.push_back({r.record, 0, 0});
    shapes_.push_back(std::move(shape));
  }
  CycleShape& shape = shapes_[it->second];
  ++shape.occurrences;
  for (const RecordCount& r : records) {
    shape.instances += r.instances;
    shape.bytes += r.bytes;
    for (RecordCount& mine : shape.records) {
      if (mine.record == r.record) {
        mine.instances += r.instances;
        mine.bytes += r.bytes;
      }
    }
  }
}

}  // namespace leakcheck::gc::detail

// Describing garbage as cycles: the strongly connected components of the garbage
// objects' reference graph, each as its (record, field) edges in cycle order.
#pragma once

#include <cstdint>
#include <vector>

#include "cycle_log.h"
#include "snapshot.h"

namespace leakcheck::gc::detail {

struct FoundCycle {
  std::vector<CycleEdge> edges;
  std::vector<RecordCount> records;
};

// `garbage` are node indices of `candidates`. Components of one object count only if the
// object references itself.
std::vector<FoundCycle> find_cycles(Snapshot& candidates, const std::vector<std::uint32_t>& garbage);

}  // namespace leakcheck::gc::detail

#include "cycles.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

namespace leakcheck::gc::detail {
namespace {

struct Reference {
  std::uint32_t target;  // local index
  const char* field;
};

// Tarjan's algorithm, iteratively: component id of each local node.
std::vector<std::uint32_t> components(const std::vector<std::vector<Reference>>& graph,
                                      std::uint32_t& count) {
  const auto n = static_cast<std::uint32_t>(graph.size());
  constexpr std::uint32_t kUnvisited = 0xffffffffu;
  std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<std::uint8_t> on_stack(n, 0);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::size_t>> calls;  // node, next edge
  std::uint32_t next_index = 0;
  count = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    calls.push_back({root, 0});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      auto& [v, edge] = calls.back();
      if (edge < graph[v].size()) {
        std::uint32_t w = graph[v][edge++].target;
        if (index[w] == kUnvisited) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          on_stack[w] = 1;
          calls.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          component[w] = count;
        } while (w != v);
        ++count;
      }
      std::uint32_t finished = v;
      calls.pop_back();
      if (!calls.empty()) {
        std::uint32_t parent = calls.back().first;
        low[parent] = std::min(low[parent], low[finished]);
      }
    }
  }
  return component;
}

using RecordEdge = std::tuple<std::string, std::string, std::string>;  // from, field, to

// Cycle order: start at the smallest edge, then depth-first along the records, taking
// the smallest unused edge out of the record just entered. For a simple cycle of records
// this is the cycle itself.
std::vector<CycleEdge> cycle_order(const std::set<RecordEdge>& edges) {
  std::vector<CycleEdge> ordered;
  std::set<RecordEdge> used;
  std::vector<RecordEdge> pending{*edges.begin()};
  while (!pending.empty()) {
    RecordEdge e = pending.back();
    pending.pop_back();
    if (!used.insert(e).second) continue;
    ordered.push_back({std::get<0>(e), std::get<1>(e)});
    // Push in reverse so the smallest next edge is walked first.
    std::vector<RecordEdge> next;
    for (auto it = edges.lower_bound({std::get<2>(e), "", ""});
         it != edges.end() && std::get<0>(*it) == std::get<2>(e); ++it) {
      if (!used.count(*it)) next.push_back(*it);
    }
    pending.insert(pending.end(), next.rbegin(), next.rend());
  }
  return ordered;
}

}  // namespace

std::vector<FoundCycle> find_cycles(Snapshot& candidates, const std::vector<std::uint32_t>& garbage) {
  // The garbage's own reference graph, in local indices.
  std::vector<std::uint32_t> local(candidates.size(), Snapshot::kMissing);
  for (std::uint32_t k = 0; k < garbage.size(); ++k) local[garbage[k]] = k;
  std::vector<std::vector<Reference>> graph(garbage.size());
  for (std::uint32_t k = 0; k < garbage.size(); ++k) {
    candidates.for_each_reference(garbage[k], [&](std::uint32_t target, const StrongRef&, const char* field) {
      if (target != Snapshot::kMissing && local[target] != Snapshot::kMissing) {
        graph[k].push_back({local[target], field});
      }
    });
  }
  std::uint32_t count = 0;
  std::vector<std::uint32_t> component = components(graph, count);

  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t k = 0; k < garbage.size(); ++k) members[component[k]].push_back(k);

  std::vector<FoundCycle> found;
  for (const auto& nodes : members) {
    std::set<RecordEdge> edges;
    for (std::uint32_t k : nodes) {
      const char* from = candidates[garbage[k]].type->record;
      for (const Reference& r : graph[k]) {
        if (component[r.target] != component[k]) continue;
        edges.insert({from, r.field, candidates[garbage[r.target]].type->record});
      }
    }
    if (edges.empty()) continue;  // a lone object without a self-reference
    FoundCycle cycle;
    cycle.edges = cycle_order(edges);
    for (const CycleEdge& e : cycle.edges) {
      bool seen = std::any_of(cycle.records.begin(), cycle.records.end(),
                              [&](const RecordCount& r) { return r.record == e.record; });
      if (!seen) cycle.records.push_back({e.record, 0, 0});
    }
    for (std::uint32_t k : nodes) {
      const TypeInfo* type = candidates[garbage[k]].type;
      for (RecordCount& r : cycle.records) {
        if (r.record == type->record) {
          ++r.instances;
          r.bytes += type->size;
          break;
        }
      }
    }
    found.push_back(std::move(cycle));
  }
  return found;
}

}  // namespace leakcheck::gc::detail

// The collection algorithm: CPython's (Modules/gcmodule.c, gc_collect_main), with
// std::shared_ptr's use_count in the role of ob_refcnt.
//
// Reference counting alone cannot free a cycle: each member's count stays above zero
// because the others hold it. But every reference that comes from *outside* the tracked
// objects being examined (a local variable, a global, an untracked object, an object of
// an older generation, a field the type does not trace) is a reference the traversal
// never sees. So:
//
//   1. Gather the candidates: the tracked objects of generations 0..g (collecting
//      generation g merges the younger ones into it), each held alive by one strong
//      reference of ours for the whole collection, so none can die under us. Objects
//      whose weak handle is already expired are forgotten here.
//   2. update_refs: copy each candidate's strong count, minus our own hold:
//          gc_refs = use_count() - 1
//      (read in step 1, right after taking the hold). No other temporary shared_ptr to
//      a candidate exists while we count: traversal reports references by address,
//      never by copying them.
//   3. subtract_refs: traverse every candidate; for each strong reference to another
//      candidate (matched by control block), decrement that candidate's gc_refs. What
//      remains is the number of references from outside the candidate set.
//   4. move_unreachable: every candidate with gc_refs != 0 is referenced from outside,
//      hence reachable (a negative count would mean our view is inconsistent: treated
//      as reachable too, the safe side). Everything reachable from those through traced
//      strong references is reachable. The rest is cyclic garbage: nothing outside
//      refers to it, and it refers to itself only through references we can see.
//      The safety rule follows: a reference invisible to traversal is never subtracted,
//      so its target keeps gc_refs > 0 and stays reachable with everything it holds.
//   5. (Debug, report) Describe the garbage: each strongly connected component is a
//      cycle, logged by its (record, field) edges; DEBUG_COLLECTABLE prints each object.
//   6. Clear (tp_clear) every garbage object's traced references, moving what they held
//      into a graveyard, unless DEBUG_SAVEALL keeps the garbage in gc::garbage().
//   7. Survivors (every candidate, reachable or not; dead ones are forgotten when they
//      die) move up one generation: collecting g leaves them in g+1 (2 stays 2).
//   8. With no lock held, release the graveyard, then our holds: the garbage's
//      destructors run now, after every reference between garbage objects is gone.
//   9. Garbage still alive after that (a cycle through a const field, or a destructor
//      that stored a reference) is uncollectable and kept in gc::garbage(), as CPython
//      keeps objects it cannot free in gc.garbage.
//
// Steps 1-7 run under the graph lock (exclusive: no mutation_guard is held meanwhile)
// and run no user code; steps 8-9 and the callbacks run with no lock but the
// collection mutex, so destructors and callbacks may allocate tracked objects, drop
// references and take mutation_guards.
#include "collector.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "cycles.h"
#include "snapshot.h"
#include "state.h"

namespace leakcheck::gc::detail {
namespace {

struct CollectingScope {
  CollectingScope() { ++collecting_depth(); }
  ~CollectingScope() { --collecting_depth(); }
};

// Puts the candidates back into a generation if the graph phase ends by an exception.
struct CandidatesReturn {
  State& s;
  ListId to;
  bool done = false;
  ~CandidatesReturn() {
    if (done) return;
    std::lock_guard lock(s.mutex);
    s.registry.splice(kCollecting, to);
  }
};

// Step 1.
void gather_candidates(State& s, int generation, Snapshot& candidates) {
  std::vector<std::weak_ptr<const void>> dead;  // expired handles, dropped on return
  std::lock_guard lock(s.mutex);
  if (generation == kGenerations - 1) candidates.nodes().reserve(s.registry.tracked());
  for (int g = 0; g <= generation; ++g) s.registry.splice(ListId(g), kCollecting);
  s.registry.for_each(kCollecting, [&](std::uint32_t i) {
    Slot& slot = s.registry.slot(i);
    if (auto hold = slot.handle.lock()) {
      long count = hold.use_count();
      candidates.add({std::move(hold), slot.key, slot.object, slot.type, i, count});
    } else {
      dead.push_back(s.registry.remove(i));
    }
  });
  // CPython's bookkeeping: this collection counts towards the next generation's.
  if (generation + 1 < kGenerations) ++s.count[generation + 1];
  for (int g = 0; g <= generation; ++g) s.count[g] = 0;
}

// The references between candidates, found once by traversal (step 3) and reused by
// step 4 without traversing or looking anything up again.
struct CandidateGraph {
  std::vector<std::uint32_t> first;    // node i's targets are targets[first[i] .. first[i+1])
  std::vector<std::uint32_t> targets;
};

// Steps 2 and 3.
std::vector<std::int64_t> external_references(Snapshot& candidates, CandidateGraph& graph) {
  const auto n = static_cast<std::uint32_t>(candidates.size());
  std::vector<std::int64_t> gc_refs(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    gc_refs[i] = static_cast<std::int64_t>(candidates[i].use_count) - 1;
  }
  graph.first.resize(n + 1);
  graph.targets.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    graph.first[i] = static_cast<std::uint32_t>(graph.targets.size());
    candidates.for_each_reference(i, [&](std::uint32_t target, const StrongRef&, const char*) {
      if (target == Snapshot::kMissing) return;
      --gc_refs[target];
      graph.targets.push_back(target);
    });
  }
  graph.first[n] = static_cast<std::uint32_t>(graph.targets.size());
  return gc_refs;
}

// Step 4: returns the unreachable candidates.
std::vector<std::uint32_t> unreachable(const CandidateGraph& graph, const std::vector<std::int64_t>& gc_refs) {
  const auto n = static_cast<std::uint32_t>(gc_refs.size());
  std::vector<std::uint8_t> reachable(n, 0);
  std::vector<std::uint32_t> pending;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (gc_refs[i] != 0) {
      reachable[i] = 1;
      pending.push_back(i);
    }
  }
  while (!pending.empty()) {
    std::uint32_t i = pending.back();
    pending.pop_back();
    for (std::uint32_t e = graph.first[i]; e < graph.first[i + 1]; ++e) {
      std::uint32_t target = graph.targets[e];
      if (!reachable[target]) {
        reachable[target] = 1;
        pending.push_back(target);
      }
    }
  }
  std::vector<std::uint32_t> garbage;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (!reachable[i]) garbage.push_back(i);
  }
  return garbage;
}

void print_generation_sizes(State& s, int generation) {
  std::lock_guard lock(s.mutex);
  std::fprintf(stderr,
               "gc: collecting generation %d...\n"
               "gc: objects in each generation: %zu %zu %zu\n"
               "gc: objects in permanent generation: %zu\n",
               generation, s.registry.size(kGeneration0), s.registry.size(kGeneration1),
               s.registry.size(kGeneration2), s.registry.size(kPermanent));
}

}  // namespace

std::size_t run_collection(int generation, CollectionMode mode) {
  State& s = state();
  CollectingScope collecting;
  const bool normal = mode == CollectionMode::normal;
  if (normal) run_callbacks("start", CollectionInfo{generation, 0, 0});

  const auto started = std::chrono::steady_clock::now();
  const unsigned debug = s.debug;
  const bool keep = !normal || (debug & DEBUG_SAVEALL);
  const bool record = (debug & DEBUG_SAVEALL) || !s.report_path.empty();
  if (debug & DEBUG_STATS) print_generation_sizes(s, generation);

  Snapshot candidates;
  std::vector<std::uint32_t> garbage;
  Graveyard graveyard;
  std::vector<std::weak_ptr<const void>> cleared;
  {
    std::unique_lock graph(s.graph_mutex);
    const ListId older = ListId(std::min(generation + 1, kGenerations - 1));
    CandidatesReturn on_exception{s, older};
    gather_candidates(s, generation, candidates);  // step 1
    candidates.build_index();
    {
      CandidateGraph graph;  // steps 2-4
      std::vector<std::int64_t> gc_refs = external_references(candidates, graph);
      garbage = unreachable(graph, gc_refs);
    }

    std::vector<FoundCycle> cycles;  // step 5
    if (record && !garbage.empty()) cycles = find_cycles(candidates, garbage);
    if (debug & DEBUG_COLLECTABLE) {
      for (std::uint32_t i : garbage) {
        std::fprintf(stderr, "gc: collectable <%s>\n",
                     describe(candidates[i].type, candidates[i].key).c_str());
      }
    }

    if (!keep) {  // step 6
      cleared.reserve(garbage.size());
      for (std::uint32_t i : garbage) {
        const auto& node = candidates[i];
        if (node.type->clear) node.type->clear(node.object, graveyard);
        cleared.emplace_back(node.hold);
      }
    }

    std::lock_guard lock(s.mutex);  // step 7
    std::size_t survivors = candidates.size() - garbage.size();
    if (generation == kGenerations - 2) s.long_lived_pending += survivors;
    if (generation == kGenerations - 1) {
      s.long_lived_pending = 0;
      s.long_lived_total = survivors;
    }
    s.registry.splice(kCollecting, older);
    on_exception.done = true;
    if (keep) {
      for (std::uint32_t i : garbage) s.garbage.push_back(candidates[i].hold);
    }
    for (const auto& cycle : cycles) s.cycles.add(cycle.edges, cycle.records);
  }

  graveyard.release();  // step 8
  candidates.nodes().clear();

  std::size_t uncollectable = 0;  // step 9
  for (const auto& handle : cleared) {
    if (auto survivor = handle.lock()) {
      ++uncollectable;
      if (debug & DEBUG_UNCOLLECTABLE) {
        std::fprintf(stderr, "gc: uncollectable <%s>\n", record_name(survivor).c_str());
      }
      std::lock_guard lock(s.mutex);
      s.garbage.push_back(std::move(survivor));
    }
  }

  {
    std::lock_guard lock(s.mutex);
    auto& stats = s.stats[generation];
    ++stats.collections;
    stats.collected += garbage.size();
    stats.uncollectable += uncollectable;
  }
  if (debug & DEBUG_STATS) {
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    std::fprintf(stderr, "gc: done, %zu unreachable, %zu uncollectable, %.4fs elapsed\n",
                 garbage.size(), uncollectable, elapsed.count());
  }
  if (normal) run_callbacks("stop", CollectionInfo{generation, garbage.size(), uncollectable});
  return garbage.size();
}

void report_at_exit() {
  State& s = state();
  if (guard_depth() == 0 && collecting_depth() == 0) {
    std::unique_lock serial(s.collection_mutex, std::try_to_lock);
    if (serial.owns_lock()) run_collection(kGenerations - 1, CollectionMode::detect_only);
  }
  if (!write_report(s.report_path)) {
    std::fprintf(stderr, "leakcheck-gc: cannot write report to %s\n", s.report_path.c_str());
  }
}

}  // namespace leakcheck::gc::detail

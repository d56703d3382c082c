// Everything the collector keeps between calls, in one leaked singleton (it must outlive
// static destruction: tracked objects owned by statics die then and report to it).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "cycle_log.h"
#include "leakcheck/gc.h"
#include "registry.h"

namespace leakcheck::gc::detail {

struct State {
  State();

  // Guards everything below up to `enabled` (registry, counts, stats, garbage, cycles).
  // Never held while user code runs or while a strong reference is released.
  std::mutex mutex;
  Registry registry;
  std::array<std::size_t, kGenerations> count{};
  std::array<std::size_t, kGenerations> threshold{700, 10, 10};
  std::size_t long_lived_total = 0;    // objects left in generation 2 by the last full collection
  std::size_t long_lived_pending = 0;  // objects moved into generation 2 since
  std::array<GenerationStats, kGenerations> stats{};
  std::vector<std::shared_ptr<const void>> garbage;
  CycleLog cycles;

  std::atomic<bool> enabled{true};
  std::atomic<unsigned> debug{0};
  std::string report_path;  // LEAKCHECK_GC_REPORT, fixed after construction

  // One collection at a time.
  std::mutex collection_mutex;
  // Exclusive while a collection (or an inspection) reads or writes object graphs;
  // shared by mutation_guard.
  std::shared_mutex graph_mutex;

  std::mutex callbacks_mutex;
  std::vector<std::pair<std::size_t, Callback>> callbacks;
  std::size_t next_callback_id = 1;
};

State& state();

// Per thread: how deep inside collections (callbacks, destructors of garbage) it is,
// and how many mutation_guards it holds. Functions rather than extern thread_local
// variables: GCC 12's UBSan flags loads through the latter's TLS wrapper as null.
int& collecting_depth() noexcept;
int& guard_depth() noexcept;

// Parses LEAKCHECK_GC_DEBUG-style text ("leak", "stats,saveall", "34").
unsigned parse_debug_flags(const char* text);

// Runs the automatic collection CPython's collect_generations would, if one is due.
void maybe_collect_automatically();

// Invokes the callbacks with no lock held.
void run_callbacks(std::string_view phase, const CollectionInfo& info);

// "Person 0x1234" for messages and drawings.
std::string describe(const TypeInfo* type, const void* address);

}  // namespace leakcheck::gc::detail

// Entry points into the collection algorithm (collector.cpp).
#pragma once

#include <cstddef>

namespace leakcheck::gc::detail {

enum class CollectionMode {
  normal,       // clear and free garbage (or keep it, with DEBUG_SAVEALL)
  detect_only,  // find and record garbage, free nothing, run no callbacks (at exit)
};

// Runs one collection of generations 0..generation. The caller holds
// State::collection_mutex and has checked that this thread may collect.
std::size_t run_collection(int generation, CollectionMode mode);

// Registered with atexit when LEAKCHECK_GC_REPORT is set.
void report_at_exit();

}  // namespace leakcheck::gc::detail

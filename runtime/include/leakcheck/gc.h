// leakcheck::gc — a cycle collector for std::shared_ptr object graphs, modelled on
// CPython's gc module (Modules/gcmodule.c): reference counting frees what it can, this
// finds the cycles it cannot. Names follow Python's `gc` where one exists.
//
//   #include <leakcheck/gc.h>
//   namespace gc = leakcheck::gc;
//   struct Node { std::shared_ptr<Node> next; LEAKCHECK_TRACE(Node, next); };
//   auto a = gc::make_tracked<Node>();  a->next = a;  a.reset();
//   gc::collect();                                    // frees the self-cycle, returns 1
//
// The algorithm is stated step by step in runtime/src/collector.cpp.
//
// ---------------------------------------------------------------------------------------
// SAFETY RULE. A reference the collector cannot see — a raw owning pointer, a lambda
// capture, a field left out of LEAKCHECK_TRACE, a shared_ptr held by an untracked object
// or a local variable — makes its target look referenced from outside. The collector may
// therefore miss garbage; it never destroys an object that is still reachable. Aliasing
// shared_ptrs (to a member, sharing the owner's control block) count in the owner's
// use_count like any other reference and are matched to the owner by control block.
//
// WHAT COLLECTING DOES. Garbage is first held (one strong reference each), then cleared:
// every reference-holding field listed in LEAKCHECK_TRACE is emptied (shared_ptr and
// unique_ptr reset, containers emptied, optionals disengaged; arrays, pairs, tuples,
// variants and nested traced values element-wise; const fields cannot be). Only then are
// the holds released, so each destructor runs after every edge between garbage objects
// is gone: a destructor sees empty fields, and weak_ptr::lock() on another garbage
// object (in a destructor, or on another thread between clearing and release) yields
// either that object, alive but cleared, or null — never a dangling pointer.
// Garbage that survives its holds being released (a cycle through a const field, or a
// destructor that stored a reference somewhere) is "uncollectable" and kept in garbage().
//
// ---------------------------------------------------------------------------------------
// CONCURRENCY CONTRACT.
// (1) From any thread, at any time, also while another thread collects:
//     make_tracked, track, is_tracked; copying, moving and destroying shared_ptrs a thread
//     already holds (so tracked objects may die on any thread); enable, disable,
//     isenabled, get_count, get_threshold, set_threshold, get_debug, set_debug,
//     get_stats, freeze, unfreeze, get_freeze_count, get_objects, record_name, garbage,
//     clear_garbage, add_callback, remove_callback, report_json, write_report. (A freeze
//     during a collection leaves that collection's candidates unfrozen.)
// (2) Collections (explicit or automatic) are serialised by an internal mutex: a second
//     thread calling collect() waits for the running collection; an automatic collection
//     is skipped if one is already running. A collect() reached from inside a collection
//     on the same thread (a callback, a destructor) returns 0.
// (3) A collection reads the traced fields of every tracked object in the generations it
//     examines and writes those of the garbage. While it does, no other thread may write a
//     traced field of a tracked object, copy a shared_ptr out of one, or lock() a weak_ptr
//     to a tracked object — unless that thread holds a gc::mutation_guard: the collector's
//     graph phase waits for all guards to be released, and guards wait for it. A program
//     whose threads touch tracked objects only inside guards may collect at any time from
//     any thread; otherwise call collect() (and keep automatic collection disabled, since
//     it runs inside make_tracked on whatever thread allocates) only where the other
//     threads are quiescent. Reading the fields of objects a thread holds, without copying
//     shared_ptrs out of them, needs no guard.
// (4) A thread that holds a mutation_guard cannot collect: collect() returns 0 there and
//     automatic collection is skipped; the inspection functions (get_referrers,
//     get_referents, write_dot, write_backrefs_dot) throw std::logic_error there.
// (5) The collector runs no user code while it holds its internal locks, beyond moving
//     traced containers and smart pointers (with their allocators, comparators and
//     deleters) out of garbage objects. Callbacks run before and after the graph phase,
//     destructors of garbage (and of what clearing took out of it) after it, on the
//     collecting thread, with no internal lock held but the collection mutex. They may
//     create tracked objects, take mutation_guards and drop references; a collect() they
//     call returns 0.
//
// ---------------------------------------------------------------------------------------
// REPORT FORMAT (write_report / LEAKCHECK_GC_REPORT=<file>), version 1:
// {
//   "tool": "leakcheck-gc", "version": 1,
//   "collections": 3,      // collections run so far
//   "collected": 4,        // unreachable objects found by them (including saved ones)
//   "uncollectable": 0,    // found garbage that could not be freed
//   "garbage": 2,          // objects kept in gc::garbage() now
//   "cycles": [            // one entry per distinct cycle shape, in first-seen order
//     {
//       "edges": [{"record": "Person", "field": "cars_"},
//                 {"record": "Car", "field": "owner"}],
//       "records": [{"record": "Person", "instances": 1, "bytes": 56},
//                   {"record": "Car", "instances": 1, "bytes": 40}],
//       "occurrences": 1,  // strongly connected components of garbage with this shape
//       "instances": 2,    // objects in them
//       "bytes": 96        // sum of sizeof over those objects
//     }
//   ]
// }
// A cycle is one strongly connected component of the garbage (a single object counts
// only with a reference to itself). "edges" lists each distinct strong (record, field)
// edge between its objects once, in cycle order: after the first (the smallest by
// record, then field), each edge leaves the record the previous one entered when the
// component's record-level graph is a simple cycle; otherwise edges follow a depth-first
// walk of that graph. "record" is the name as written in LEAKCHECK_TRACE ("" for a type
// without one), "field" the member as written there: the same names the static
// analyzer's JSON "cycle" uses. Cycles are recorded while DEBUG_SAVEALL is set or
// LEAKCHECK_GC_REPORT names a file; otherwise only the counters are kept.
//
// ENVIRONMENT (read once, when the collector is first used):
//   LEAKCHECK_GC_DEBUG   debug flags: names "stats", "collectable", "uncollectable",
//                        "saveall", "leak", separated by ',' '|' or spaces, or a number.
//   LEAKCHECK_GC_REPORT  file the report is written to at exit (atexit), after a final
//                        full collection that only finds garbage (it frees nothing and
//                        runs no callbacks) so that leaks still in memory are counted.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leakcheck/gc/trace.h"
#include "leakcheck/gc/tracked.h"

namespace leakcheck::gc {

// --- collection ------------------------------------------------------------------------

// Collects generations 0..generation (0, 1 or 2; otherwise std::invalid_argument) and
// returns the number of unreachable objects found.
std::size_t collect(int generation = 2);

// Automatic collection (on by default), as Python's gc.enable/disable/isenabled.
void enable();
void disable();
bool isenabled();

// Generation counts: [0] tracked allocations minus deallocations since the last
// collection; [1] collections of generation 0 since the last of generation 1; [2] the
// same for 1 and 2. A collection starts automatically when [0] exceeds threshold 0; it
// collects the oldest generation whose count exceeds its threshold (a full collection
// also waits until the objects surviving into generation 2 since the last full
// collection exceed 25% of those it left, as CPython does). Threshold 0 of 0 disables.
std::array<std::size_t, 3> get_count();
std::array<std::size_t, 3> get_threshold();
void set_threshold(std::size_t threshold0, std::optional<std::size_t> threshold1 = std::nullopt,
                   std::optional<std::size_t> threshold2 = std::nullopt);

// Moves every tracked object into a permanent generation that collections ignore (its
// references count as external), as Python's gc.freeze; unfreeze moves them back to the
// oldest generation.
void freeze();
void unfreeze();
std::size_t get_freeze_count();

struct GenerationStats {
  std::size_t collections = 0;    // collections of this generation
  std::size_t collected = 0;      // unreachable objects they found
  std::size_t uncollectable = 0;  // of which could not be freed
};
std::array<GenerationStats, 3> get_stats();

// --- debugging -------------------------------------------------------------------------

enum : unsigned {
  DEBUG_STATS = 1,          // print statistics of each collection to stderr
  DEBUG_COLLECTABLE = 2,    // print each collectable object found
  DEBUG_UNCOLLECTABLE = 4,  // print each uncollectable object found
  DEBUG_SAVEALL = 32,       // keep garbage in garbage() instead of freeing it
  DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};
void set_debug(unsigned flags);
unsigned get_debug();

// Objects kept by DEBUG_SAVEALL and uncollectable ones (gc.garbage). The list holds
// strong references; clear_garbage() drops them (the cycles are then garbage again).
std::vector<std::shared_ptr<const void>> garbage();
void clear_garbage();

// The report (format above) as a string, or written to `path`; false if it cannot be.
std::string report_json();
bool write_report(const std::string& path);

// --- callbacks (gc.callbacks) ----------------------------------------------------------

struct CollectionInfo {
  int generation = 0;
  std::size_t collected = 0;      // "stop" only: unreachable objects found
  std::size_t uncollectable = 0;  // "stop" only
};
// Called with phase "start" before and "stop" after each collection, on the collecting
// thread, with no internal lock held. Returns an id for remove_callback.
using Callback = std::function<void(std::string_view phase, const CollectionInfo& info)>;
std::size_t add_callback(Callback callback);
bool remove_callback(std::size_t id);

// --- inspection (gc.get_objects, get_referrers, get_referents; objgraph) ----------------

// Tracked objects of one generation (0..2), or of all including frozen ones (-1).
std::vector<std::shared_ptr<const void>> get_objects(int generation = -1);

// The record name of a tracked object ("" if its type has no LEAKCHECK_TRACE, or if it
// is not tracked).
std::string record_name(const std::shared_ptr<const void>& object);

namespace detail {
std::vector<std::shared_ptr<const void>> referrers_of(const std::shared_ptr<const void>& target);
std::vector<std::shared_ptr<const void>> referents_of(const void* object, const TypeInfo* type);
}  // namespace detail

// Tracked objects with a traced strong reference to `target` (to its control block, so
// aliasing references into it count too).
template <class T>
std::vector<std::shared_ptr<const void>> get_referrers(const std::shared_ptr<T>& target) {
  return detail::referrers_of(std::shared_ptr<const void>(target));
}

// Every object `object` references through its traced fields (strong references; tracked
// or not; a copy of each reference, so aliasing is preserved). Works on untracked objects.
template <class T>
std::vector<std::shared_ptr<const void>> get_referents(const std::shared_ptr<T>& object) {
  if (!object) return {};
  using Plain = std::remove_cv_t<T>;
  return detail::referents_of(const_cast<Plain*>(object.get()), detail::type_info_of<Plain>());
}

// Graphviz DOT of the objects reachable from `roots` within `depth` references (objgraph's
// show_refs), and of those reaching `target` within `depth` references (show_backrefs).
// Nodes are labelled with record name and address, edges with the field; weak references
// are dashed. Returns false if the file cannot be written.
bool write_dot(const std::string& path, const std::vector<std::shared_ptr<const void>>& roots,
               int depth = 3);
bool write_backrefs_dot(const std::string& path, const std::shared_ptr<const void>& target,
                        int depth = 3);

// --- threads ---------------------------------------------------------------------------

// Holding one lets this thread mutate tracked objects' graphs while other threads may
// collect (contract point 3). Cheap (a shared lock), reentrant on one thread.
class mutation_guard {
 public:
  mutation_guard();
  ~mutation_guard();
  mutation_guard(const mutation_guard&) = delete;
  mutation_guard& operator=(const mutation_guard&) = delete;
};

}  // namespace leakcheck::gc

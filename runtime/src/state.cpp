// The collector's settings and bookkeeping: enable/disable, thresholds, counts, debug
// flags (and LEAKCHECK_GC_DEBUG / LEAKCHECK_GC_REPORT), statistics, the garbage list,
// callbacks, mutation_guard.
#include "state.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "collector.h"

namespace leakcheck::gc::detail {

int& collecting_depth() noexcept {
  static thread_local int depth = 0;
  return depth;
}

int& guard_depth() noexcept {
  static thread_local int depth = 0;
  return depth;
}

State::State() {
  if (const char* flags = std::getenv("LEAKCHECK_GC_DEBUG")) debug = parse_debug_flags(flags);
  if (const char* path = std::getenv("LEAKCHECK_GC_REPORT"); path && *path) {
    report_path = path;
    std::atexit(&report_at_exit);
  }
}

State& state() {
  static State* const instance = new State;  // leaked on purpose, see state.h
  return *instance;
}

// Reads the environment as early as possible, so a program that only calls gc
// functions late still gets its report registered before other atexit handlers.
static const bool environment_read = (state(), true);

unsigned parse_debug_flags(const char* text) {
  static const std::pair<const char*, unsigned> names[] = {
      {"stats", DEBUG_STATS},         {"collectable", DEBUG_COLLECTABLE},
      {"uncollectable", DEBUG_UNCOLLECTABLE}, {"saveall", DEBUG_SAVEALL},
      {"leak", DEBUG_LEAK},
  };
  unsigned flags = 0;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (std::isdigit(static_cast<unsigned char>(word[0]))) {
      flags |= static_cast<unsigned>(std::strtoul(word.c_str(), nullptr, 0));
    } else {
      for (const auto& [name, value] : names) {
        if (word == name || word == std::string("debug_") + name) flags |= value;
      }
    }
    word.clear();
  };
  for (const char* p = text; *p; ++p) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    if (c == ',' || c == '|' || c == ' ' || c == '+') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return flags;
}

void run_callbacks(std::string_view phase, const CollectionInfo& info) {
  State& s = state();
  std::vector<std::pair<std::size_t, Callback>> copy;
  {
    std::lock_guard lock(s.callbacks_mutex);
    copy = s.callbacks;  // a callback may add or remove callbacks
  }
  for (auto& entry : copy) entry.second(phase, info);
}

}  // namespace leakcheck::gc::detail

namespace leakcheck::gc {

using detail::state;

void enable() { state().enabled = true; }
void disable() { state().enabled = false; }
bool isenabled() { return state().enabled; }

std::array<std::size_t, 3> get_count() {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  return s.count;
}

std::array<std::size_t, 3> get_threshold() {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  return s.threshold;
}

void set_threshold(std::size_t threshold0, std::optional<std::size_t> threshold1,
                   std::optional<std::size_t> threshold2) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  s.threshold[0] = threshold0;
  if (threshold1) s.threshold[1] = *threshold1;
  if (threshold2) s.threshold[2] = *threshold2;
}

std::array<GenerationStats, 3> get_stats() {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  return s.stats;
}

void set_debug(unsigned flags) { state().debug = flags; }
unsigned get_debug() { return state().debug; }

std::vector<std::shared_ptr<const void>> garbage() {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  return s.garbage;
}

void clear_garbage() {
  auto& s = state();
  std::vector<std::shared_ptr<const void>> dropped;
  {
    std::lock_guard lock(s.mutex);
    dropped.swap(s.garbage);
  }
  // `dropped` is released here, with no lock held.
}

std::size_t add_callback(Callback callback) {
  auto& s = state();
  std::lock_guard lock(s.callbacks_mutex);
  std::size_t id = s.next_callback_id++;
  s.callbacks.emplace_back(id, std::move(callback));
  return id;
}

bool remove_callback(std::size_t id) {
  auto& s = state();
  Callback removed;  // destroyed after the lock is released
  std::lock_guard lock(s.callbacks_mutex);
  for (auto it = s.callbacks.begin(); it != s.callbacks.end(); ++it) {
    if (it->first == id) {
      removed = std::move(it->second);
      s.callbacks.erase(it);
      return true;
    }
  }
  return false;
}

mutation_guard::mutation_guard() {
  if (detail::guard_depth()++ == 0) state().graph_mutex.lock_shared();
}

mutation_guard::~mutation_guard() {
  if (--detail::guard_depth() == 0) state().graph_mutex.unlock_shared();
}

}  // namespace leakcheck::gc

// Benchmark of the runtime collector (run by run.sh, which compares with CPython):
//   * make_tracked vs std::make_shared: create N small objects, then release them;
//   * a full collection of N tracked objects in rings of R (the shape gc_bench.py builds
//     in Python), once while the rings are reachable (nothing to free) and once after
//     they were dropped (everything freed).
// Prints one "name value" line per measurement (nanoseconds per object, or seconds).
// `--smoke` runs tiny sizes (ctest uses it to check the benchmark still works).
#include <leakcheck/gc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace gc = leakcheck::gc;

namespace {

struct Node {
  std::shared_ptr<Node> next;
  LEAKCHECK_TRACE(Node, next);
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Keeps n objects alive at once, then releases them: the registry grows to n entries.
template <class Make>
double create_and_release_ns(std::size_t n, Make make) {
  std::vector<std::shared_ptr<Node>> objects;
  objects.reserve(n);
  auto start = Clock::now();
  for (std::size_t i = 0; i < n; ++i) objects.push_back(make());
  objects.clear();
  return seconds_since(start) * 1e9 / static_cast<double>(n);
}

// n objects in batches of 1000 live at a time: the registry stays small and cached.
template <class Make>
double create_and_release_small_ns(std::size_t n, Make make) {
  constexpr std::size_t kBatch = 1000;
  std::vector<std::shared_ptr<Node>> objects;
  objects.reserve(kBatch);
  auto start = Clock::now();
  for (std::size_t done = 0; done < n; done += kBatch) {
    for (std::size_t i = 0; i < kBatch; ++i) objects.push_back(make());
    objects.clear();
  }
  return seconds_since(start) * 1e9 / static_cast<double>(n);
}

std::vector<std::shared_ptr<Node>> build_rings(std::size_t n, std::size_t ring) {
  std::vector<std::shared_ptr<Node>> heads;
  for (std::size_t built = 0; built < n; built += ring) {
    auto head = gc::make_tracked<Node>();
    Node* last = head.get();
    for (std::size_t k = 1; k < ring; ++k) {
      last->next = gc::make_tracked<Node>();
      last = last->next.get();
    }
    last->next = head;
    heads.push_back(std::move(head));
  }
  return heads;
}

double best_of(int runs, double (*measure)(std::size_t), std::size_t n) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) best = std::min(best, measure(n));
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t objects = 1000000, ring = 10;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--smoke")) {
      objects = 1000;
      runs = 1;
    } else if (!std::strcmp(argv[i], "--objects") && i + 1 < argc) {
      objects = std::strtoull(argv[++i], nullptr, 10);
    } else if (!std::strcmp(argv[i], "--ring") && i + 1 < argc) {
      ring = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: %s [--smoke] [--objects N] [--ring R]\n", argv[0]);
      return 2;
    }
  }

  gc::disable();
  std::printf("objects %zu\nring %zu\n", objects, ring);
  std::printf("make_shared_ns %.1f\n", best_of(runs, [](std::size_t n) {
    return create_and_release_ns(n, [] { return std::make_shared<Node>(); });
  }, objects));
  std::printf("make_tracked_ns %.1f\n", best_of(runs, [](std::size_t n) {
    return create_and_release_ns(n, [] { return gc::make_tracked<Node>(); });
  }, objects));
  std::printf("make_shared_small_ns %.1f\n", best_of(runs, [](std::size_t n) {
    return create_and_release_small_ns(n, [] { return std::make_shared<Node>(); });
  }, objects));
  std::printf("make_tracked_small_ns %.1f\n", best_of(runs, [](std::size_t n) {
    return create_and_release_small_ns(n, [] { return gc::make_tracked<Node>(); });
  }, objects));
  gc::enable();  // default thresholds (700, 10, 10): generation-0 collections as it grows
  std::printf("make_tracked_auto_ns %.1f\n", best_of(runs, [](std::size_t n) {
    return create_and_release_ns(n, [] { return gc::make_tracked<Node>(); });
  }, objects));
  gc::disable();

  double reachable = 1e300, garbage = 1e300;
  std::size_t found_reachable = 0, found_garbage = 0;
  for (int r = 0; r < std::max(1, runs / 2); ++r) {
    auto heads = build_rings(objects, ring);
    gc::collect();  // settle: everything in generation 2, as Python's script does
    auto start = Clock::now();
    found_reachable = gc::collect();
    reachable = std::min(reachable, seconds_since(start));
    heads.clear();
    start = Clock::now();
    found_garbage = gc::collect();
    garbage = std::min(garbage, seconds_since(start));
  }
  std::printf("collect_reachable_s %.4f\ncollect_reachable_found %zu\n", reachable, found_reachable);
  std::printf("collect_garbage_s %.4f\ncollect_garbage_found %zu\n", garbage, found_garbage);
  return found_reachable == 0 && found_garbage >= objects ? 0 : 1;
}

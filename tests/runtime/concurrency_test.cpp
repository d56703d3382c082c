// The concurrency contract of leakcheck/gc.h, exercised as written (run under TSan by
// runtime_tests_tsan):
//   (1) registration, dropping references and the settings/statistics calls from any
//       thread while another thread collects;
//   (2) collections serialised (callbacks never overlap), automatic ones skipped while
//       one runs;
//   (3) graph mutations inside mutation_guards while other threads collect, explicitly
//       and automatically;
//   objects dying on other threads during a collection.
#include <thread>

#include "support.h"

namespace {

constexpr int kThreads = 4;

struct Ring {
  std::shared_ptr<Node> head;
  // Builds a -> b -> c -> a. Writes traced fields: call inside a mutation_guard when
  // other threads may collect.
  static Ring make(int id) {
    auto a = gc::make_tracked<Node>(id);
    auto b = gc::make_tracked<Node>(id);
    auto c = gc::make_tracked<Node>(id);
    a->next = b;
    b->next = c;
    c->next = a;
    a->children = {c};
    return Ring{a};
  }
  bool intact(int id) const {
    const Node* n = head.get();
    for (int k = 0; k < 3; ++k) {
      if (!n || n->id != id || !n->next) return false;
      n = n->next.get();
    }
    return n == head.get() && head->children.size() == 1 && head->children[0].get() == head->next->next.get();
  }
};

class Concurrency : public GcTest {};

TEST_F(Concurrency, RegistrationAndSettingsWhileCollecting) {
  std::atomic<bool> stop{false};
  std::thread collector([&] {
    while (!stop) gc::collect(static_cast<int>(gc::get_count()[0] % 3));
  });
  std::thread settings([&] {
    while (!stop) {
      (void)gc::get_count();
      (void)gc::get_stats();
      (void)gc::get_threshold();
      gc::set_threshold(700, 10, 10);
      (void)gc::isenabled();
      (void)gc::get_debug();
      (void)gc::get_freeze_count();
      (void)gc::garbage();
      (void)gc::report_json();
      auto id = gc::add_callback([](std::string_view, const gc::CollectionInfo&) {});
      gc::remove_callback(id);
      (void)gc::get_objects(0);
    }
  });
  std::vector<std::thread> workers;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      std::vector<std::shared_ptr<Node>> kept;
      for (int i = 0; i < 3000; ++i) {
        auto n = gc::make_tracked<Node>(t);
        auto m = std::make_shared<Node>(t);
        gc::track(m);
        if (!gc::is_tracked(n) || !gc::is_tracked(m)) ++failures;
        if (i % 3 == 0) kept.push_back(n);  // the rest dies here, on this thread
        if (kept.size() > 50) kept.erase(kept.begin(), kept.begin() + 25);
      }
    });
  }
  for (auto& w : workers) w.join();
  stop = true;
  collector.join();
  settings.join();
  EXPECT_EQ(failures, 0);
  gc::collect();
  EXPECT_EQ(nodes_alive(), 0);
}

TEST_F(Concurrency, CollectionsAreSerialised) {
  std::atomic<int> active{0}, overlaps{0}, starts{0};
  auto id = gc::add_callback([&](std::string_view phase, const gc::CollectionInfo&) {
    if (phase == "start") {
      ++starts;
      if (++active != 1) ++overlaps;
    } else {
      --active;
    }
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        {
          gc::mutation_guard guard;
          make_garbage_pair();
        }
        gc::collect(i % 3);
      }
    });
  }
  for (auto& t : threads) t.join();
  gc::remove_callback(id);
  EXPECT_EQ(overlaps, 0);
  EXPECT_EQ(starts, kThreads * 200);
  gc::collect();
  EXPECT_EQ(nodes_alive(), 0);
}

void guarded_mutators_against_collections(bool automatic) {
  std::atomic<bool> stop{false};
  std::atomic<int> broken{0};
  std::thread collector([&] {
    while (!stop) {
      if (!automatic) gc::collect();
      std::this_thread::yield();
    }
  });
  std::vector<std::thread> mutators;
  for (int t = 0; t < kThreads; ++t) {
    mutators.emplace_back([&, t] {
      std::vector<Ring> kept;
      for (int i = 0; i < 1500; ++i) {
        {
          gc::mutation_guard guard;
          kept.push_back(Ring::make(t));
          for (const Ring& r : kept) {
            if (!r.intact(t)) ++broken;
          }
        }
        if (kept.size() > 8) kept.erase(kept.begin());  // a ring becomes garbage
        // Unguarded allocation: may start an automatic collection on this thread.
        auto loose = gc::make_tracked<Node>(t);
      }
      gc::mutation_guard guard;
      for (const Ring& r : kept) {
        if (!r.intact(t)) ++broken;
      }
    });
  }
  for (auto& m : mutators) m.join();
  stop = true;
  collector.join();
  EXPECT_EQ(broken, 0);
}

TEST_F(Concurrency, GuardedMutatorsWhileAnotherThreadCollects) {
  auto before = gc::get_stats()[2].collections;
  guarded_mutators_against_collections(false);
  EXPECT_GT(gc::get_stats()[2].collections, before);
  gc::collect();
  EXPECT_EQ(nodes_alive(), 0);
}

TEST_F(Concurrency, GuardedMutatorsWithAutomaticCollection) {
  gc::set_threshold(50, 5, 5);
  gc::enable();
  auto before = gc::get_stats()[0].collections;
  guarded_mutators_against_collections(true);
  EXPECT_GT(gc::get_stats()[0].collections, before);
  gc::disable();
  gc::collect();
  EXPECT_EQ(nodes_alive(), 0);
}

TEST_F(Concurrency, ObjectsDieOnOtherThreadsDuringCollections) {
  // Rings built before the threads start, then released (without a guard: dropping a
  // reference is allowed at any time) while another thread collects.
  std::vector<std::vector<Ring>> owned(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < 300; ++i) owned[t].push_back(Ring::make(t));
  }
  std::atomic<bool> stop{false};
  std::thread collector([&] {
    while (!stop) gc::collect();
  });
  std::vector<std::thread> droppers;
  for (int t = 0; t < kThreads; ++t) {
    droppers.emplace_back([&, t] {
      while (!owned[t].empty()) {
        owned[t].pop_back();
        std::this_thread::yield();
      }
    });
  }
  for (auto& d : droppers) d.join();
  stop = true;
  collector.join();
  gc::collect();
  EXPECT_EQ(nodes_alive(), 0);
}

}  // namespace

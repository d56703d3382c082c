// Every call of the public API, on small graphs.
#include <stdexcept>

#include "support.h"

namespace {

TEST_F(GcTest, MakeTrackedReturnsAPlainSharedPtrAndRegistersIt) {
  std::shared_ptr<Node> a = gc::make_tracked<Node>(7);
  EXPECT_EQ(a->id, 7);
  EXPECT_EQ(a.use_count(), 1);  // the registry owns nothing
  EXPECT_TRUE(gc::is_tracked(a));
  EXPECT_TRUE(contains(gc::get_objects(), a.get()));
}

TEST_F(GcTest, TrackRegistersAnExistingObjectOnce) {
  auto a = std::make_shared<Node>();
  EXPECT_FALSE(gc::is_tracked(a));
  gc::track(a);
  gc::track(a);
  EXPECT_TRUE(gc::is_tracked(a));
  auto objects = gc::get_objects();
  EXPECT_EQ(std::count_if(objects.begin(), objects.end(),
                          [&](const auto& o) { return o.get() == a.get(); }),
            1);
  EXPECT_FALSE(gc::is_tracked(std::shared_ptr<Node>()));
  // Same address, another control block: not the tracked object.
  std::shared_ptr<Node> impostor(a.get(), [](Node*) {});
  EXPECT_FALSE(gc::is_tracked(impostor));
}

TEST_F(GcTest, TrackedViaMakeSharedIsCollectedToo) {
  std::weak_ptr<Node> watch;
  {
    auto a = std::make_shared<Node>();
    gc::track(a);
    a->next = a;
    watch = a;
  }
  EXPECT_EQ(gc::collect(), 1u);
  EXPECT_TRUE(watch.expired());
}

TEST_F(GcTest, CollectFreesASelfCycle) {
  std::weak_ptr<Node> watch;
  {
    auto a = gc::make_tracked<Node>();
    a->next = a;
    watch = a;
  }
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(gc::collect(), 1u);
  EXPECT_TRUE(watch.expired());
  EXPECT_EQ(nodes_alive(), 0);
}

TEST_F(GcTest, CollectFreesAPairAndKeepsAReachableOne) {
  auto garbage = make_garbage_pair();
  auto kept = gc::make_tracked<Node>();
  kept->next = gc::make_tracked<Node>();
  kept->next->next = kept;
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(garbage.expired());
  EXPECT_EQ(nodes_alive(), 2);
  EXPECT_EQ(kept->next->next, kept);  // untouched
}

TEST_F(GcTest, CollectRejectsABadGeneration) {
  EXPECT_THROW(gc::collect(3), std::invalid_argument);
  EXPECT_THROW(gc::collect(-1), std::invalid_argument);
  EXPECT_THROW(gc::get_objects(5), std::invalid_argument);
}

TEST_F(GcTest, EnableDisableIsEnabled) {
  EXPECT_FALSE(gc::isenabled());  // the fixture disabled it
  gc::enable();
  EXPECT_TRUE(gc::isenabled());
  gc::disable();
  EXPECT_FALSE(gc::isenabled());
}

TEST_F(GcTest, CountFollowsAllocationsMinusDeallocations) {
  gc::collect();
  EXPECT_EQ(gc::get_count()[0], 0u);
  auto a = gc::make_tracked<Node>();
  auto b = gc::make_tracked<Node>();
  EXPECT_EQ(gc::get_count()[0], 2u);
  b.reset();
  EXPECT_EQ(gc::get_count()[0], 1u);
  gc::collect(0);
  EXPECT_EQ(gc::get_count()[0], 0u);
  EXPECT_EQ(gc::get_count()[1], 1u);
  gc::collect(1);
  EXPECT_EQ(gc::get_count()[1], 0u);
  EXPECT_EQ(gc::get_count()[2], 1u);
}

TEST_F(GcTest, ThresholdsCanBeSetInPart) {
  EXPECT_EQ(gc::get_threshold(), (std::array<std::size_t, 3>{700, 10, 10}));
  gc::set_threshold(100);
  EXPECT_EQ(gc::get_threshold(), (std::array<std::size_t, 3>{100, 10, 10}));
  gc::set_threshold(5, 6);
  EXPECT_EQ(gc::get_threshold(), (std::array<std::size_t, 3>{5, 6, 10}));
  gc::set_threshold(1, 2, 3);
  EXPECT_EQ(gc::get_threshold(), (std::array<std::size_t, 3>{1, 2, 3}));
}

TEST_F(GcTest, AutomaticCollectionRunsPastThreshold0) {
  gc::set_threshold(10);
  gc::enable();
  auto before = gc::get_stats()[0].collections;
  std::vector<std::weak_ptr<Node>> garbage;
  for (int i = 0; i < 30; ++i) garbage.push_back(make_garbage_pair());
  EXPECT_GE(gc::get_stats()[0].collections, before + 2);
  std::size_t freed = 0;
  for (auto& w : garbage) freed += w.expired();
  EXPECT_GE(freed, 20u);
  EXPECT_LE(gc::get_count()[0], 10u);
}

TEST_F(GcTest, DeallocationsDoNotTriggerCollection) {
  gc::set_threshold(10);
  gc::enable();
  auto before = gc::get_stats();
  for (int i = 0; i < 100; ++i) gc::make_tracked<Node>();  // each dies at once
  EXPECT_EQ(gc::get_stats()[0].collections, before[0].collections);
}

TEST_F(GcTest, NoAutomaticCollectionWhenDisabledOrThresholdZero) {
  gc::set_threshold(5);
  auto before = gc::get_stats()[0].collections;
  std::vector<std::shared_ptr<Node>> keep;
  for (int i = 0; i < 20; ++i) keep.push_back(gc::make_tracked<Node>());
  EXPECT_EQ(gc::get_stats()[0].collections, before);
  gc::enable();
  gc::set_threshold(0);
  for (int i = 0; i < 20; ++i) keep.push_back(gc::make_tracked<Node>());
  EXPECT_EQ(gc::get_stats()[0].collections, before);
}

TEST_F(GcTest, AutomaticCollectionPicksTheOldestGenerationDue) {
  gc::set_threshold(4, 2, 1);
  gc::enable();
  std::vector<std::shared_ptr<Node>> keep;
  for (int i = 0; i < 60; ++i) keep.push_back(gc::make_tracked<Node>());
  auto stats = gc::get_stats();
  EXPECT_GT(stats[0].collections, 0u);
  EXPECT_GT(stats[1].collections, 0u);
  EXPECT_GT(stats[2].collections, 0u);
}

TEST_F(GcTest, SurvivorsMoveUpOneGeneration) {
  auto a = gc::make_tracked<Node>();
  EXPECT_TRUE(contains(gc::get_objects(0), a.get()));
  gc::collect(0);
  EXPECT_TRUE(contains(gc::get_objects(1), a.get()));
  gc::collect(1);
  EXPECT_TRUE(contains(gc::get_objects(2), a.get()));
  gc::collect(2);
  EXPECT_TRUE(contains(gc::get_objects(2), a.get()));
}

TEST_F(GcTest, YoungCollectionsLeaveOlderGarbageAlone) {
  auto old_garbage = make_garbage_pair();
  gc::collect(0);  // the pair is garbage already, and freed
  EXPECT_TRUE(old_garbage.expired());

  // A pair that becomes garbage only after it moved to generation 1.
  auto a = gc::make_tracked<Node>();
  a->next = gc::make_tracked<Node>();
  a->next->next = a;
  std::weak_ptr<Node> watch = a;
  gc::collect(0);
  a.reset();
  EXPECT_EQ(gc::collect(0), 0u);
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(gc::collect(1), 2u);  // 1 covers 0 and 1
  EXPECT_TRUE(watch.expired());
}

TEST_F(GcTest, OlderGenerationReferencesCountAsExternal) {
  auto old = gc::make_tracked<Node>();
  gc::collect(1);  // old is in generation 2
  {
    auto young = gc::make_tracked<Node>();
    young->next = young;
    old->next = young;
  }
  EXPECT_EQ(gc::collect(0), 0u);
  ASSERT_TRUE(old->next);
  EXPECT_EQ(old->next->next, old->next);
}

TEST_F(GcTest, FreezeHidesObjectsFromCollections) {
  auto watch = make_garbage_pair();
  gc::freeze();
  EXPECT_GE(gc::get_freeze_count(), 2u);
  EXPECT_EQ(gc::get_count()[0], 0u);
  EXPECT_EQ(gc::collect(), 0u);
  EXPECT_FALSE(watch.expired());
  gc::unfreeze();
  EXPECT_EQ(gc::get_freeze_count(), 0u);
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(watch.expired());
}

TEST_F(GcTest, StatsCountCollectionsAndGarbage) {
  auto before = gc::get_stats();
  make_garbage_pair();
  gc::collect(0);
  gc::collect(2);
  auto after = gc::get_stats();
  EXPECT_EQ(after[0].collections, before[0].collections + 1);
  EXPECT_EQ(after[0].collected, before[0].collected + 2);
  EXPECT_EQ(after[2].collections, before[2].collections + 1);
  EXPECT_EQ(after[2].collected, before[2].collected);
  EXPECT_EQ(after[0].uncollectable, before[0].uncollectable);
}

TEST_F(GcTest, CallbacksSeeStartAndStop) {
  std::vector<std::string> phases;
  gc::CollectionInfo last;
  auto id = gc::add_callback([&](std::string_view phase, const gc::CollectionInfo& info) {
    phases.emplace_back(phase);
    last = info;
  });
  make_garbage_pair();
  EXPECT_EQ(gc::collect(1), 2u);
  EXPECT_EQ(phases, (std::vector<std::string>{"start", "stop"}));
  EXPECT_EQ(last.generation, 1);
  EXPECT_EQ(last.collected, 2u);
  EXPECT_EQ(last.uncollectable, 0u);
  EXPECT_TRUE(gc::remove_callback(id));
  EXPECT_FALSE(gc::remove_callback(id));
  gc::collect();
  EXPECT_EQ(phases.size(), 2u);
}

TEST_F(GcTest, DebugFlags) {
  EXPECT_EQ(gc::get_debug(), 0u);
  gc::set_debug(gc::DEBUG_STATS | gc::DEBUG_SAVEALL);
  EXPECT_EQ(gc::get_debug(), 33u);
  EXPECT_EQ(unsigned(gc::DEBUG_LEAK), 38u);  // CPython's values
  gc::set_debug(0);
}

TEST_F(GcTest, DebugStatsAndCollectablePrint) {
  gc::set_debug(gc::DEBUG_STATS | gc::DEBUG_COLLECTABLE);
  make_garbage_pair();
  testing::internal::CaptureStderr();
  gc::collect();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("gc: collecting generation 2..."), std::string::npos) << err;
  EXPECT_NE(err.find("gc: objects in each generation:"), std::string::npos) << err;
  EXPECT_NE(err.find("gc: collectable <Node 0x"), std::string::npos) << err;
  EXPECT_NE(err.find("gc: done, 2 unreachable, 0 uncollectable"), std::string::npos) << err;
}

TEST_F(GcTest, SaveAllKeepsGarbageInGarbageList) {
  gc::set_debug(gc::DEBUG_SAVEALL);
  auto watch = make_garbage_pair();
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_FALSE(watch.expired());
  auto kept = gc::garbage();
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_TRUE(contains(kept, watch.lock().get()));
  EXPECT_EQ(watch.lock()->next->next, watch.lock());  // not cleared
  EXPECT_EQ(gc::collect(), 0u);                          // held by the list now
  kept.clear();
  gc::set_debug(0);
  gc::clear_garbage();
  EXPECT_TRUE(gc::garbage().empty());
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(watch.expired());
}

TEST_F(GcTest, GetObjectsByGeneration) {
  auto a = gc::make_tracked<Node>();
  gc::collect(0);
  auto b = gc::make_tracked<Node>();
  EXPECT_TRUE(contains(gc::get_objects(0), b.get()));
  EXPECT_FALSE(contains(gc::get_objects(0), a.get()));
  EXPECT_TRUE(contains(gc::get_objects(1), a.get()));
  EXPECT_TRUE(contains(gc::get_objects(-1), a.get()));
  EXPECT_TRUE(contains(gc::get_objects(-1), b.get()));
}

TEST_F(GcTest, RecordName) {
  auto a = gc::make_tracked<Node>();
  EXPECT_EQ(gc::record_name(a), "Node");
  EXPECT_EQ(gc::record_name(std::make_shared<Node>()), "");
  auto untraced = gc::make_tracked<std::string>("x");
  EXPECT_EQ(gc::record_name(untraced), "");
  EXPECT_TRUE(gc::is_tracked(untraced));
}

TEST_F(GcTest, ReferrersAndReferents) {
  auto a = gc::make_tracked<Node>(1);
  auto b = gc::make_tracked<Node>(2);
  auto c = gc::make_tracked<Node>(3);
  a->next = b;
  c->children = {b, a};
  b->parent = a;  // weak: not a referent
  auto referrers = gc::get_referrers(b);
  EXPECT_EQ(referrers.size(), 2u);
  EXPECT_TRUE(contains(referrers, a.get()));
  EXPECT_TRUE(contains(referrers, c.get()));
  EXPECT_TRUE(gc::get_referrers(c).empty());

  auto referents = gc::get_referents(c);
  ASSERT_EQ(referents.size(), 2u);
  EXPECT_EQ(referents[0].get(), b.get());
  EXPECT_EQ(referents[1].get(), a.get());
  EXPECT_TRUE(gc::get_referents(b).empty());
  // Works on untracked objects too.
  auto loose = std::make_shared<Node>();
  loose->next = a;
  EXPECT_EQ(gc::get_referents(loose).size(), 1u);
  EXPECT_TRUE(gc::get_referrers(loose).empty());
}

struct Box {
  int header = 0;
  int value = 0;
  std::shared_ptr<const void> ref;
  LEAKCHECK_TRACE(Box, ref);
};

TEST_F(GcTest, ReferrersThroughAliasingPointers) {
  auto target = gc::make_tracked<Box>();
  auto holder = gc::make_tracked<Box>();
  holder->ref = std::shared_ptr<const int>(target, &target->value);  // aliasing
  auto referrers = gc::get_referrers(target);
  ASSERT_EQ(referrers.size(), 1u);
  EXPECT_EQ(referrers[0].get(), holder.get());
}

}  // namespace

namespace {

// A derived class without its own LEAKCHECK_TRACE is traced through its base's.
struct DerivedNode : Node {
  using Node::Node;
  std::string extra = "not a reference";
};

TEST_F(GcTest, DerivedClassUsesItsBaseTrace) {
  std::weak_ptr<DerivedNode> watch;
  {
    auto a = gc::make_tracked<DerivedNode>(1);
    auto b = gc::make_tracked<DerivedNode>(2);
    a->next = b;
    b->next = a;
    watch = a;
    EXPECT_EQ(gc::record_name(a), "Node");
  }
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(watch.expired());
}

// References typed as a polymorphic base that sits at an offset inside the object.
struct Padding {
  virtual ~Padding() = default;
  long pad[3] = {};
};
struct Shape {
  virtual ~Shape() = default;
  std::shared_ptr<Shape> peer;
};
struct Square : Padding, Shape {
  std::vector<std::shared_ptr<Shape>> others;
  LEAKCHECK_TRACE(Square, peer, others);
};

TEST_F(GcTest, ReferencesThroughABaseAtAnOffsetAreMatched) {
  std::weak_ptr<Square> watch;
  {
    auto a = gc::make_tracked<Square>();
    auto b = gc::make_tracked<Square>();
    std::shared_ptr<Shape> b_as_shape = b;
    ASSERT_NE(static_cast<const void*>(b_as_shape.get()), static_cast<const void*>(b.get()));
    a->peer = b_as_shape;
    b->others = {a};
    watch = a;
    EXPECT_TRUE(gc::is_tracked(b_as_shape));
    EXPECT_EQ(gc::get_referrers(b).size(), 1u);
  }
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(watch.expired());
}

}  // namespace

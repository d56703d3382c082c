// The safety rule (an object held by a reference the collector cannot see survives every
// collection), destructors that touch other garbage, and user code running during a
// collection (callbacks, destructors) that allocates, drops references or collects.
#include <functional>

#include "support.h"

namespace {

void collect_every_generation_twice() {
  for (int round = 0; round < 2; ++round) {
    for (int g = 0; g < 3; ++g) gc::collect(g);
  }
}

// Builds a -> b -> a, lets `hold` keep a by some unseen means, drops the rest.
template <class Hold>
void expect_survives(Hold hold) {
  std::weak_ptr<Node> watch;
  std::weak_ptr<Node> partner;
  {
    auto a = gc::make_tracked<Node>(1);
    auto b = gc::make_tracked<Node>(2);
    a->next = b;
    b->next = a;
    hold(a);
    watch = a;
    partner = b;
  }
  collect_every_generation_twice();
  ASSERT_FALSE(watch.expired());
  ASSERT_FALSE(partner.expired());
  EXPECT_EQ(watch.lock()->next, partner.lock());  // not cleared either
  EXPECT_EQ(partner.lock()->next, watch.lock());
}

TEST_F(GcTest, RawOwnerKeepsCycleAlive) {
  std::shared_ptr<Node>* raw_owner = nullptr;
  expect_survives([&](const std::shared_ptr<Node>& a) { raw_owner = new std::shared_ptr<Node>(a); });
  delete raw_owner;
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, LambdaCaptureKeepsCycleAlive) {
  std::function<int()> callback;
  expect_survives([&](const std::shared_ptr<Node>& a) { callback = [a] { return a->id; }; });
  EXPECT_EQ(callback(), 1);
  callback = nullptr;
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, UntracedFieldKeepsCycleAlive) {
  auto outsider = gc::make_tracked<Node>();
  expect_survives([&](const std::shared_ptr<Node>& a) { outsider->hidden = a; });
  outsider->hidden.reset();
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, UntracedFieldOfGarbageKeepsItsTargetForOneCollection) {
  // c is garbage itself, but its untraced field keeps the a<->b pair alive; once c is
  // freed the pair is garbage for the next collection.
  std::weak_ptr<Node> pair = make_garbage_pair();
  {
    auto c = gc::make_tracked<Node>(3);
    c->next = c;
    c->hidden = pair.lock();
  }
  EXPECT_EQ(gc::collect(), 1u);
  EXPECT_FALSE(pair.expired());
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_TRUE(pair.expired());
}

TEST_F(GcTest, UntrackedObjectKeepsCycleAlive) {
  auto untracked = std::make_shared<Node>();  // traced type, but not tracked
  expect_survives([&](const std::shared_ptr<Node>& a) { untracked->next = a; });
  untracked.reset();
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, AliasingPointerToAMemberKeepsCycleAlive) {
  std::shared_ptr<int> alias;
  expect_survives([&](const std::shared_ptr<Node>& a) { alias = std::shared_ptr<int>(a, &a->id); });
  EXPECT_EQ(*alias, 1);
  alias.reset();
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, FrozenObjectKeepsYoungCycleAlive) {
  auto frozen = gc::make_tracked<Node>();
  gc::freeze();
  expect_survives([&](const std::shared_ptr<Node>& a) { frozen->next = a; });
  gc::unfreeze();
  frozen->next.reset();
  EXPECT_EQ(gc::collect(), 2u);
}

TEST_F(GcTest, SavedGarbageKeepsWhatItReferencesAlive) {
  gc::set_debug(gc::DEBUG_SAVEALL);
  auto watch = make_garbage_pair();
  EXPECT_EQ(gc::collect(), 2u);
  gc::set_debug(0);
  collect_every_generation_twice();
  EXPECT_FALSE(watch.expired());
}

// --- destructors ---------------------------------------------------------------------

struct Fussy : Counted<Fussy> {
  std::shared_ptr<Fussy> next;
  std::vector<std::shared_ptr<Fussy>> friends;
  std::weak_ptr<Fussy> peer;
  std::function<void(Fussy&)> on_destroy;
  int value = 42;
  LEAKCHECK_TRACE(Fussy, next, friends, peer);
  ~Fussy() {
    if (on_destroy) on_destroy(*this);
  }
};

TEST_F(GcTest, DestructorsSeeClearedFieldsAndLiveOrExpiredPeers) {
  int destroyed = 0, peers_seen_alive = 0;
  {
    auto a = gc::make_tracked<Fussy>();
    auto b = gc::make_tracked<Fussy>();
    auto c = gc::make_tracked<Fussy>();
    a->next = b;
    b->next = c;
    c->next = a;
    a->friends = {b, c};
    a->peer = c;
    b->peer = a;
    c->peer = b;
    auto check = [&](Fussy& self) {
      ++destroyed;
      EXPECT_EQ(self.next, nullptr);  // every edge was cleared before any destructor
      EXPECT_TRUE(self.friends.empty());
      for (auto& f : self.friends) EXPECT_EQ(f->value, 42);
      if (auto peer = self.peer.lock()) {  // another garbage object: alive, cleared
        ++peers_seen_alive;
        EXPECT_EQ(peer->value, 42);
        EXPECT_EQ(peer->next, nullptr);
      }
    };
    a->on_destroy = b->on_destroy = c->on_destroy = check;
  }
  EXPECT_EQ(gc::collect(), 3u);
  EXPECT_EQ(destroyed, 3);
  EXPECT_GE(peers_seen_alive, 1);
  EXPECT_EQ(Fussy::alive, 0);
}

TEST_F(GcTest, DestructorsMayAllocateTrackedObjectsAndCollect) {
  std::vector<std::weak_ptr<Node>> born;
  std::size_t nested = 99;
  {
    auto a = gc::make_tracked<Fussy>();
    a->next = a;
    a->on_destroy = [&](Fussy&) {
      for (int i = 0; i < 50; ++i) born.push_back(make_garbage_pair());  // new garbage
      nested = gc::collect();  // inside a collection: does nothing
      auto keep = gc::make_tracked<Node>();
      EXPECT_TRUE(gc::is_tracked(keep));
    };
  }
  gc::enable();
  gc::set_threshold(10);  // destructors' allocations pass it: no automatic collection inside
  EXPECT_EQ(gc::collect(), 1u);
  EXPECT_EQ(nested, 0u);
  EXPECT_EQ(born.size(), 50u);
  for (auto& w : born) EXPECT_FALSE(w.expired());
  gc::disable();
  EXPECT_EQ(gc::collect(), 100u);
}

TEST_F(GcTest, DestructorThatResurrectsAPeerMakesItUncollectable) {
  std::shared_ptr<Fussy> resurrected;
  {
    auto a = gc::make_tracked<Fussy>();
    auto b = gc::make_tracked<Fussy>();
    a->next = b;
    b->next = a;
    b->peer = a;
    a->peer = b;
    auto grab = [&](Fussy& self) {
      if (!resurrected) resurrected = self.peer.lock();
    };
    a->on_destroy = b->on_destroy = grab;
  }
  gc::set_debug(gc::DEBUG_UNCOLLECTABLE);
  testing::internal::CaptureStderr();
  EXPECT_EQ(gc::collect(), 2u);
  std::string err = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(resurrected);
  EXPECT_EQ(resurrected->next, nullptr);  // cleared, but alive and valid
  EXPECT_EQ(gc::get_stats()[2].uncollectable >= 1, true);
  EXPECT_TRUE(contains(gc::garbage(), resurrected.get()));
  EXPECT_NE(err.find("gc: uncollectable <Fussy"), std::string::npos) << err;
  resurrected->on_destroy = nullptr;
}

// A reference the visitor sees through a const view: it cannot be cleared.
struct Stubborn : Counted<Stubborn> {
  std::shared_ptr<Stubborn> storage;                  // not traced by itself
  const std::shared_ptr<Stubborn>& pinned = storage;  // traced, but const
  std::shared_ptr<Stubborn> loop;
  LEAKCHECK_TRACE(Stubborn, pinned, loop);
};

TEST_F(GcTest, CycleThroughConstFieldIsUncollectable) {
  int baseline = Stubborn::alive;
  {
    auto a = gc::make_tracked<Stubborn>();
    auto b = gc::make_tracked<Stubborn>();
    a->storage = b;  // a -> b, const
    b->loop = a;     // b -> a, clearable
  }
  auto before = gc::get_stats()[2].uncollectable;
  EXPECT_EQ(gc::collect(), 2u);
  // Clearing b->loop broke the cycle after all: nothing is uncollectable.
  EXPECT_EQ(gc::get_stats()[2].uncollectable, before);
  EXPECT_EQ(Stubborn::alive, baseline);

  {
    auto self = gc::make_tracked<Stubborn>();
    self->storage = self;  // a cycle through the const view only
  }
  EXPECT_EQ(gc::collect(), 1u);
  EXPECT_EQ(gc::get_stats()[2].uncollectable, before + 1);
  auto kept = gc::garbage();
  ASSERT_EQ(kept.size(), 1u);
  auto self = std::const_pointer_cast<Stubborn>(std::static_pointer_cast<const Stubborn>(kept[0]));
  self->storage.reset();
  self.reset();
  kept.clear();
  gc::clear_garbage();
  EXPECT_EQ(Stubborn::alive, baseline);
}

// --- callbacks -----------------------------------------------------------------------

TEST_F(GcTest, CallbacksMayCreateObjectsAndCollect) {
  std::vector<std::weak_ptr<Node>> from_start, from_stop;
  std::vector<std::shared_ptr<Node>> kept;
  std::size_t nested = 99;
  auto id = gc::add_callback([&](std::string_view phase, const gc::CollectionInfo&) {
    for (int i = 0; i < 20; ++i) {
      (phase == "start" ? from_start : from_stop).push_back(make_garbage_pair());
      kept.push_back(gc::make_tracked<Node>());
    }
    nested = gc::collect();
  });
  gc::enable();
  gc::set_threshold(5);
  gc::collect();
  gc::remove_callback(id);
  gc::disable();
  EXPECT_EQ(nested, 0u);
  for (auto& w : from_start) EXPECT_TRUE(w.expired());  // created before gathering: collected
  for (auto& w : from_stop) EXPECT_FALSE(w.expired());  // created after
  EXPECT_EQ(gc::collect(), 40u);
  for (auto& k : kept) EXPECT_EQ(k.use_count(), 1);
}

TEST_F(GcTest, CallbackMayAddAndRemoveCallbacks) {
  int calls = 0, added_calls = 0;
  std::size_t self = 0, added = 0;
  self = gc::add_callback([&](std::string_view, const gc::CollectionInfo&) {
    ++calls;
    gc::remove_callback(self);
    added = gc::add_callback([&](std::string_view, const gc::CollectionInfo&) { ++added_calls; });
  });
  gc::collect();
  EXPECT_EQ(calls, 1);        // removed itself during "start"
  EXPECT_EQ(added_calls, 1);  // the one it added sees "stop"
  EXPECT_TRUE(gc::remove_callback(added));
}

}  // namespace

// Debug mode's report: each garbage cycle as its (record, field) edges in cycle order,
// with instance counts and bytes; written on demand and (see the example's test) at exit.
#include <fstream>
#include <sstream>

#include "state.h"  // parse_debug_flags
#include "support.h"

namespace {

struct ReportCar;
struct ReportPerson {
  std::vector<std::shared_ptr<ReportCar>> cars_;
  std::string name_;
  LEAKCHECK_TRACE(ReportPerson, cars_, name_);
};
struct ReportCar {
  std::shared_ptr<ReportPerson> owner;
  LEAKCHECK_TRACE(ReportCar, owner);
};

struct Ring1;
struct Ring2;
struct Ring3;
struct Ring1 {
  std::shared_ptr<Ring2> to2;
  LEAKCHECK_TRACE(Ring1, to2);
};
struct Ring2 {
  std::shared_ptr<Ring3> to3;
  LEAKCHECK_TRACE(Ring2, to3);
};
struct Ring3 {
  std::optional<std::shared_ptr<Ring1>> back;
  LEAKCHECK_TRACE(Ring3, back);
};

namespace ns {
struct Qualified {
  std::shared_ptr<Qualified> self;
  LEAKCHECK_TRACE(ns::Qualified, self);
};
}  // namespace ns

std::string edge(const char* record, const char* field) {
  return std::string("{\"record\": \"") + record + "\", \"field\": \"" + field + "\"}";
}

TEST_F(GcTest, ReportListsCycleEdgesCountsAndBytes) {
  gc::set_debug(gc::DEBUG_LEAK);
  testing::internal::CaptureStderr();
  for (int i = 0; i < 2; ++i) {
    auto person = gc::make_tracked<ReportPerson>();
    auto car1 = gc::make_tracked<ReportCar>();
    auto car2 = gc::make_tracked<ReportCar>();
    person->cars_ = {car1, car2};
    car1->owner = car2->owner = person;
  }
  EXPECT_EQ(gc::collect(), 6u);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("gc: collectable <ReportPerson 0x"), std::string::npos);
  EXPECT_EQ(gc::garbage().size(), 6u);

  std::string report = gc::report_json();
  std::string edges = "\"edges\": [" + edge("ReportCar", "owner") + ", " + edge("ReportPerson", "cars_") + "]";
  EXPECT_NE(report.find(edges), std::string::npos) << report;
  auto at = report.find(edges);
  std::string records = "\"records\": [{\"record\": \"ReportCar\", \"instances\": 4, \"bytes\": " +
                        std::to_string(4 * sizeof(ReportCar)) +
                        "}, {\"record\": \"ReportPerson\", \"instances\": 2, \"bytes\": " +
                        std::to_string(2 * sizeof(ReportPerson)) + "}]";
  EXPECT_NE(report.find(records, at), std::string::npos) << report;
  EXPECT_NE(report.find("\"occurrences\": 2,\n      \"instances\": 6,\n      \"bytes\": " +
                            std::to_string(4 * sizeof(ReportCar) + 2 * sizeof(ReportPerson)),
                        at),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("\"tool\": \"leakcheck-gc\""), std::string::npos);
  EXPECT_NE(report.find("\"garbage\": 6"), std::string::npos);
}

TEST_F(GcTest, ReportEdgesFollowTheCycle) {
  gc::set_debug(gc::DEBUG_SAVEALL);
  {
    auto r1 = gc::make_tracked<Ring1>();
    auto r2 = gc::make_tracked<Ring2>();
    auto r3 = gc::make_tracked<Ring3>();
    r1->to2 = r2;
    r2->to3 = r3;
    r3->back = r1;
    auto q = gc::make_tracked<ns::Qualified>();
    q->self = q;
  }
  EXPECT_EQ(gc::collect(), 4u);
  std::string report = gc::report_json();
  EXPECT_NE(report.find("\"edges\": [" + edge("Ring1", "to2") + ", " + edge("Ring2", "to3") + ", " +
                        edge("Ring3", "back") + "]"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("\"edges\": [" + edge("ns::Qualified", "self") + "]"), std::string::npos)
      << report;
}

TEST_F(GcTest, GarbageThatIsNotACycleIsCountedButNotListed) {
  struct Counter {
    std::size_t shapes(const std::string& report) {
      std::size_t n = 0;
      for (auto at = report.find("\"edges\""); at != std::string::npos; at = report.find("\"edges\"", at + 1)) ++n;
      return n;
    }
  } counter;
  gc::set_debug(gc::DEBUG_SAVEALL);
  auto before = counter.shapes(gc::report_json());
  {
    auto a = gc::make_tracked<Node>();  // a <-> b, plus c owned by the pair only
    auto b = gc::make_tracked<Node>();
    a->next = b;
    b->next = a;
    a->children = {gc::make_tracked<Node>()};
  }
  EXPECT_EQ(gc::collect(), 3u);
  std::string report = gc::report_json();
  EXPECT_LE(counter.shapes(report), before + 1);
  EXPECT_NE(report.find("\"edges\": [" + edge("Node", "next") + "]"), std::string::npos) << report;
}

TEST_F(GcTest, WithoutSaveAllNothingIsRecorded) {
  std::string before = gc::report_json();
  auto cut = [](const std::string& r) { return r.substr(r.find("\"cycles\"")); };
  make_garbage_pair();
  EXPECT_EQ(gc::collect(), 2u);
  EXPECT_EQ(cut(gc::report_json()), cut(before));
}

TEST_F(GcTest, WriteReportWritesTheJson) {
  std::string path = testing::TempDir() + "leakcheck_gc_report_test.json";
  ASSERT_TRUE(gc::write_report(path));
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(), gc::report_json());
  EXPECT_FALSE(gc::write_report("/nonexistent-directory/x.json"));
}

TEST(GcDebugFlags, ParsesNamesAndNumbers) {
  using leakcheck::gc::detail::parse_debug_flags;
  EXPECT_EQ(parse_debug_flags("leak"), unsigned(gc::DEBUG_LEAK));
  EXPECT_EQ(parse_debug_flags("stats,saveall"), unsigned(gc::DEBUG_STATS | gc::DEBUG_SAVEALL));
  EXPECT_EQ(parse_debug_flags("STATS | Collectable"), unsigned(gc::DEBUG_STATS | gc::DEBUG_COLLECTABLE));
  EXPECT_EQ(parse_debug_flags("DEBUG_UNCOLLECTABLE"), unsigned(gc::DEBUG_UNCOLLECTABLE));
  EXPECT_EQ(parse_debug_flags("34"), 34u);
  EXPECT_EQ(parse_debug_flags(""), 0u);
  EXPECT_EQ(parse_debug_flags("nonsense"), 0u);
}

}  // namespace

// --confirm: the join of a runtime collector report into the static findings.
#include "reporting/Confirmation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace leakcheck {
namespace {

Finding cycleFinding(std::vector<std::pair<std::string, std::string>> Edges) {
  Finding F;
  F.check = "leakcheck-shared-ptr-cycle";
  F.loc = {"src/person.h", 12, 3};
  for (auto &[Record, Field] : Edges) {
    CycleEdge E;
    E.record = Record;
    E.field = Field;
    F.cycle.push_back(E);
  }
  F.symbol = F.cycle.front().record + "::" + F.cycle.front().field;
  return F;
}

RuntimeReport report(std::vector<std::vector<std::pair<std::string, std::string>>> Cycles) {
  RuntimeReport R;
  R.path = "gc.json";
  unsigned N = 2;
  for (auto &Edges : Cycles) {
    RuntimeCycle C;
    C.edges = Edges;
    C.counts = {N, N / 2, 100ull * N};
    N += 2;
    R.cycles.push_back(C);
  }
  return R;
}

TEST(Confirmation, StaticCycleWhoseEdgesAllRanAtRunTimeIsConfirmed) {
  std::vector<Finding> Findings{cycleFinding({{"app::Person", "cars_"}, {"app::Car", "owner"}}),
                                cycleFinding({{"Tree", "kids"}, {"Tree", "parent"}})};
  // The runtime names records as LEAKCHECK_TRACE wrote them: here without the namespace.
  unsigned Confirmed = applyRuntimeReport(
      Findings, report({{{"Car", "owner"}, {"Person", "cars_"}}}), ProgramModel());
  EXPECT_EQ(Confirmed, 1u);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].confirmed, true);
  ASSERT_TRUE(Findings[0].runtime);
  EXPECT_EQ(Findings[0].runtime->instances, 2u);
  EXPECT_EQ(Findings[0].notes.back().message, "confirmed at run time (2 instances)");
  EXPECT_EQ(Findings[1].confirmed, false);
  EXPECT_FALSE(Findings[1].runtime);
}

TEST(Confirmation, PartlySeenCycleIsNotConfirmed) {
  std::vector<Finding> Findings{cycleFinding({{"A", "b"}, {"B", "c"}, {"C", "a"}})};
  applyRuntimeReport(Findings, report({{{"A", "b"}, {"B", "x"}}}), ProgramModel());
  ASSERT_GE(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].confirmed, false);
}

TEST(Confirmation, RuntimeCycleNoStaticFindingNamesIsReported) {
  ProgramModel Model;
  RecordFact Node;
  Node.key = Node.name = "net::Node";
  FieldFact Peer;
  Peer.name = "peer";
  Peer.loc = {"src/node.h", 7, 3};
  Node.fields.push_back(Peer);
  Model.records[Node.key] = Node;
  std::vector<Finding> Findings;
  applyRuntimeReport(Findings, report({{{"Node", "peer"}}, {{"Untraced", "x"}}}), Model);
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].check, "leakcheck-shared-ptr-cycle");
  EXPECT_EQ(Findings[0].symbol, "net::Node::peer");
  EXPECT_EQ(Findings[0].loc.file, "src/node.h");
  EXPECT_EQ(Findings[0].loc.line, 7u);
  EXPECT_EQ(Findings[0].confirmed, true);
  EXPECT_EQ(Findings[0].message, "cycle seen at run time that no static finding names: "
                                 "net::Node::peer -> net::Node (2 instances, 200 bytes)");
  // A record the static side never saw: located at the report itself.
  EXPECT_EQ(Findings[1].loc.file, "gc.json");
  EXPECT_EQ(Findings[1].loc.line, 0u);
}

TEST(Confirmation, ReadsTheRuntimeReportFormatAndRejectsOthers) {
  std::filesystem::path P = std::filesystem::temp_directory_path() / "leakcheck-gc-test.json";
  std::ofstream(P) << R"({"tool": "leakcheck-gc", "version": 1, "cycles": [
      {"edges": [{"record": "Car", "field": "owner"}, {"record": "Person", "field": "cars_"}],
       "occurrences": 3, "instances": 6, "bytes": 216}]})";
  RuntimeReport R;
  std::string Error;
  ASSERT_TRUE(readRuntimeReport(P.string(), R, Error)) << Error;
  ASSERT_EQ(R.cycles.size(), 1u);
  EXPECT_EQ(R.cycles[0].edges[1], std::make_pair(std::string("Person"), std::string("cars_")));
  EXPECT_EQ(R.cycles[0].counts.instances, 6u);
  EXPECT_EQ(R.cycles[0].counts.bytes, 216u);

  std::ofstream(P) << R"({"tool": "leakcheck", "findings": []})";
  EXPECT_FALSE(readRuntimeReport(P.string(), R, Error));
  EXPECT_NE(Error.find("not a leakcheck runtime report"), std::string::npos) << Error;
  std::ofstream(P) << "{not json";
  EXPECT_FALSE(readRuntimeReport(P.string(), R, Error));
  std::filesystem::remove(P);
  EXPECT_FALSE(readRuntimeReport(P.string(), R, Error));
  EXPECT_NE(Error.find("leakcheck-gc-test.json"), std::string::npos) << Error;
}

} // namespace
} // namespace leakcheck

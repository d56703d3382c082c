// NOLINT comments (clang-tidy's semantics), Suppress: entries and Exclude: globs, and the
// identities baselines match findings by.
#include "reporting/Baseline.h"
#include "RunCommand.h"
#include "reporting/Suppressions.h"

#include <gtest/gtest.h>

namespace leakcheck::test {
namespace {

const std::string Cycle = "leakcheck-shared-ptr-cycle";

// Whether the finding of Check on the line marked "<-" is silenced.
bool silenced(const std::vector<std::string> &Lines, const std::string &Check = Cycle) {
  for (unsigned I = 0; I < Lines.size(); ++I)
    if (contains(Lines[I], "<-"))
      return isSuppressedByNolint(Lines, I + 1, Check);
  ADD_FAILURE() << "no line marked <-";
  return false;
}

TEST(Nolint, OnTheReportedLine) {
  EXPECT_TRUE(silenced({"std::shared_ptr<A> a;  // NOLINT <-"}));
  EXPECT_TRUE(silenced({"std::shared_ptr<A> a;  // NOLINT(leakcheck-shared-ptr-cycle) <-"}));
  EXPECT_TRUE(silenced({"std::shared_ptr<A> a;  // NOLINT(leakcheck-*) <-"}));
  EXPECT_TRUE(silenced({"std::shared_ptr<A> a;  // NOLINT(bugprone-*, leakcheck-shared-*) <-"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a;  // NOLINT(bugprone-*) <-"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a;  // NOLINT(-leakcheck-*) <-"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a;  // NOLINT() <-"}));
  EXPECT_TRUE(silenced({"std::shared_ptr<A> a;  // NOLINT(leakcheck-* <- unclosed: every check"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a;  // NOLINTSOMETHING <-"}));
  EXPECT_FALSE(silenced({"// NOLINT", "std::shared_ptr<A> a; <-"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a; <-", "// NOLINT"}));
}

TEST(Nolint, NextLine) {
  EXPECT_TRUE(silenced({"// NOLINTNEXTLINE", "std::shared_ptr<A> a; <-"}));
  EXPECT_TRUE(silenced({"// NOLINTNEXTLINE(leakcheck-*)", "std::shared_ptr<A> a; <-"}));
  EXPECT_FALSE(silenced({"// NOLINTNEXTLINE(misc-*)", "std::shared_ptr<A> a; <-"}));
  EXPECT_FALSE(silenced({"// NOLINTNEXTLINE", "", "std::shared_ptr<A> a; <-"}));
  EXPECT_FALSE(silenced({"std::shared_ptr<A> a; // NOLINTNEXTLINE <-"}));
}

TEST(Nolint, BeginEndBlocks) {
  EXPECT_TRUE(silenced({"// NOLINTBEGIN(leakcheck-*)", "struct A {", "std::shared_ptr<A> a; <-",
                        "};", "// NOLINTEND(leakcheck-*)"}));
  EXPECT_TRUE(silenced({"// NOLINTBEGIN", "std::shared_ptr<A> a; <-", "// NOLINTEND"}));
  EXPECT_FALSE(silenced({"// NOLINTBEGIN", "// NOLINTEND", "std::shared_ptr<A> a; <-"}));
  EXPECT_FALSE(silenced({"// NOLINTBEGIN(misc-*)", "std::shared_ptr<A> a; <-", "// NOLINTEND(misc-*)"}));
  // An END must repeat its BEGIN's checks, and a BEGIN without END silences nothing.
  EXPECT_FALSE(silenced({"// NOLINTBEGIN(leakcheck-*)", "std::shared_ptr<A> a; <-", "// NOLINTEND"}));
  EXPECT_FALSE(silenced({"// NOLINTBEGIN", "std::shared_ptr<A> a; <-"}));
}

Finding cycleFinding() {
  Finding F;
  F.check = Cycle;
  F.symbol = "Person::cars";
  F.loc = {"src/person.h", 12, 3};
  F.cycle = {{"Person", "cars", {"src/person.h", 12, 3}, "Car", OwnKind::Shared},
             {"Car", "owner", {"src/car.h", 7, 3}, "Person", OwnKind::Shared}};
  return F;
}

TEST(Suppress, BySymbolGlobAndCheck) {
  Finding F = cycleFinding();
  EXPECT_TRUE((SuppressEntry{"Person::cars", "", ""}.matches(F)));
  EXPECT_TRUE((SuppressEntry{"Person::*", "", ""}.matches(F)));
  EXPECT_TRUE((SuppressEntry{"Car::owner", "", ""}.matches(F))) << "any edge of the cycle";
  EXPECT_TRUE((SuppressEntry{"Person::cars", "leakcheck-*", ""}.matches(F)));
  EXPECT_FALSE((SuppressEntry{"Person::cars", "leakcheck-unbounded-static-cache", ""}.matches(F)));
  EXPECT_FALSE((SuppressEntry{"Person", "", ""}.matches(F)));
  EXPECT_FALSE((SuppressEntry{"Car::wheels", "", ""}.matches(F)));
}

TEST(Exclude, PathGlobsRelativeToTheConfiguration) {
  PathGlobs G("/repo", {"third_party", "gen/*.pb.h", "*.generated.cpp", "/opt/vendor/*"});
  EXPECT_TRUE(G.matches("/repo/third_party/json/json.hpp"));
  EXPECT_TRUE(G.matches("/repo/gen/msg.pb.h"));
  EXPECT_TRUE(G.matches("/repo/src/ui/form.generated.cpp"));
  EXPECT_TRUE(G.matches("/opt/vendor/lib/x.h"));
  EXPECT_FALSE(G.matches("/repo/src/third_party_adapter.cpp"));
  EXPECT_FALSE(G.matches("/repo/src/gen/msg.pb.h"));
  EXPECT_FALSE(G.matches("/elsewhere/third_party/x.h"));
  EXPECT_FALSE(PathGlobs().matches("/repo/a.cpp"));
}

TEST(ApplySuppressions, CountsWhatEachRuleDrops) {
  std::vector<Finding> Findings(3, cycleFinding());
  Findings[1].symbol = "Other::x";
  Findings[1].cycle.clear();
  Findings[2].loc.file = "/repo/third_party/y.h";
  Findings[2].symbol = "Third::y";
  Findings[2].cycle.clear();
  SuppressionPolicy P;
  P.suppress = {{"Car::owner", "", ""}};
  P.exclude = PathGlobs("/repo", {"third_party"});
  SuppressionCounts C = applySuppressions(Findings, P);
  EXPECT_EQ(C.config, 1u);
  EXPECT_EQ(C.excluded, 1u);
  EXPECT_EQ(C.nolint, 0u);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].symbol, "Other::x");
}

TEST(Baseline, IdentityIgnoresPlacesAndWhichEdgeIsReported) {
  Finding A = cycleFinding();
  Finding Moved = A;
  Moved.loc.line = 40;
  Moved.cycle[0].loc.line = 40;
  Moved.cycle[1].loc = {"src/vehicle.h", 3, 1};
  EXPECT_EQ(findingIdentity(A), findingIdentity(Moved));
  Finding Rotated = A;
  std::swap(Rotated.cycle[0], Rotated.cycle[1]);
  Rotated.symbol = "Car::owner";
  EXPECT_EQ(findingIdentity(A), findingIdentity(Rotated));
  Finding Longer = A;
  Longer.cycle.push_back({"Garage", "cars", {}, "Car", OwnKind::Shared});
  EXPECT_NE(findingIdentity(A), findingIdentity(Longer));
  Finding OtherCheck = A;
  OtherCheck.check = "leakcheck-missing-weak-backref";
  EXPECT_NE(findingIdentity(A), findingIdentity(OtherCheck));
  Finding Cache;
  Cache.check = "leakcheck-unbounded-static-cache";
  Cache.symbol = "intern()::pool";
  EXPECT_EQ(findingIdentity(Cache), "leakcheck-unbounded-static-cache|intern()::pool");
}

class BaselineFile : public ScratchTest {};

TEST_F(BaselineFile, ReadsAReportAndDropsWhatItHolds) {
  fs::path P = write("base.json", R"({"tool": "leakcheck", "findings": [
    {"check": "leakcheck-shared-ptr-cycle", "symbol": "Car::owner", "line": 99,
     "cycle": [{"record": "Car", "field": "owner"}, {"record": "Person", "field": "cars"}]}]})");
  Baseline B;
  std::string Error;
  ASSERT_TRUE(readBaseline(P.string(), B, Error)) << Error;
  std::vector<Finding> Findings{cycleFinding(), cycleFinding()};
  Findings[1].cycle.pop_back();
  EXPECT_EQ(applyBaseline(Findings, B), 1u);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].cycle.size(), 1u);
}

TEST_F(BaselineFile, BadFilesAreErrorsNamingTheFile) {
  Baseline B;
  std::string Error;
  EXPECT_FALSE(readBaseline((Dir / "missing.json").string(), B, Error));
  EXPECT_TRUE(contains(Error, "missing.json: cannot read the baseline")) << Error;
  EXPECT_FALSE(readBaseline(write("x.json", "{not json").string(), B, Error));
  EXPECT_TRUE(contains(Error, "x.json: the baseline is not JSON")) << Error;
  EXPECT_FALSE(readBaseline(write("y.json", "{\"runs\": []}").string(), B, Error));
  EXPECT_TRUE(contains(Error, "y.json: the baseline is not a leakcheck JSON report")) << Error;
  EXPECT_FALSE(readBaseline(write("z.json", "{\"findings\": [{\"check\": \"c\"}]}").string(), B, Error));
  EXPECT_TRUE(contains(Error, "finding 1 of the baseline has no \"check\" or \"symbol\"")) << Error;
}

} // namespace
} // namespace leakcheck::test

// Applying every fix-it to a copy of the test inputs breaks every cycle whose back-reference
// got a fix, and the fixed code still compiles (leakcheck parses it again). Cycles whose
// back-reference has no automatic fix (stored callbacks, pointers inside members held by
// value) are all that may remain.
#include "AnnotatedCase.h"
#include "Driver.h"
#include "reporting/Fixes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;

namespace leakcheck::test {
namespace {

const char *const Backref = "leakcheck-missing-weak-backref";
const char *const Cycle = "leakcheck-shared-ptr-cycle";

class FixBreaksCycles : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    Dir = fs::temp_directory_path() /
          ("leakcheck-fix-" + std::to_string(::getpid()) + "-" + caseTestName(GetParam()));
    fs::remove_all(Dir);
    fs::create_directories(Dir);
  }
  void TearDown() override { fs::remove_all(Dir); }

  AnalysisResult analyze(const AnnotatedCase &Case) {
    AnalysisRequest Request;
    Request.sources = Case.sources;
    Request.compilerArgs = Case.args;
    Request.jobs = 1;
    return analyzeProgram(Request);
  }

  fs::path Dir;
};

std::set<std::string> unfixedBackrefs(const std::vector<Finding> &Findings) {
  std::set<std::string> Out;
  for (const Finding &F : Findings)
    if (F.check == Backref && !F.fix)
      Out.insert(F.symbol);
  return Out;
}

TEST_P(FixBreaksCycles, EveryFixBreaksItsCycle) {
  fs::path Copy = Dir / fs::path(GetParam()).filename();
  fs::copy(GetParam(), Copy, fs::copy_options::recursive);
  AnnotatedCase Case = AnnotatedCase::load(Copy.string());
  AnalysisResult Before = analyze(Case);
  ASSERT_TRUE(Before.ok()) << Before.diagnostics;
  std::set<std::string> Fixed;
  for (const Finding &F : Before.findings)
    if (F.check == Backref && F.fix)
      Fixed.insert(F.fix->loc.file + ":" + std::to_string(F.fix->loc.line) + ":" +
                   std::to_string(F.fix->loc.column));

  FixOutcome Outcome = applyFixes(Before.findings);
  EXPECT_TRUE(Outcome.errors.empty()) << Outcome.errors.front();
  EXPECT_EQ(Outcome.applied, Fixed.size());

  AnalysisResult After = analyze(Case);
  ASSERT_TRUE(After.ok()) << "the fixed code does not compile:\n" << After.diagnostics;
  std::set<std::string> Unfixed = unfixedBackrefs(Before.findings);
  for (const Finding &F : After.findings) {
    EXPECT_FALSE(F.fix) << "a fix is still offered after --fix: " << F.symbol;
    if (F.check == Cycle)
      EXPECT_FALSE(Unfixed.empty()) << "cycle left after the fixes: " << F.message;
  }
  EXPECT_EQ(unfixedBackrefs(After.findings), Unfixed);
}

std::vector<std::string> cases() {
  std::vector<std::string> Out;
  for (const char *Dir : {"/missing-weak-backref", "/shared-ptr-cycle"})
    for (const std::string &Case : listCases(std::string(LEAKCHECK_TEST_INPUTS) + Dir))
      Out.push_back(Case);
  return Out;
}

INSTANTIATE_TEST_SUITE_P(Inputs, FixBreaksCycles, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<std::string> &Info) {
                           return caseTestName(Info.param);
                         });

} // namespace
} // namespace leakcheck::test

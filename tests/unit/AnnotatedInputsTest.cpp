// Every annotated input under tests/inputs/<check>/ is one test: leakcheck must report
// exactly what its annotations say (AnnotatedCase.h), no more, no less.
#include "AnnotatedCase.h"
#include "Driver.h"

#include <gtest/gtest.h>

namespace leakcheck::test {
namespace {

class AnnotatedInputs : public ::testing::TestWithParam<std::string> {};

std::string joinLines(const std::vector<std::string> &Lines) {
  std::string Out;
  for (const std::string &L : Lines)
    Out += "  " + L + "\n";
  return Out.empty() ? "  (none)\n" : Out;
}

TEST_P(AnnotatedInputs, ReportsExactlyTheAnnotatedFindings) {
  AnnotatedCase Case = AnnotatedCase::load(GetParam());
  ASSERT_TRUE(Case.problems.empty()) << joinLines(Case.problems);
  ASSERT_FALSE(Case.sources.empty()) << "no .cpp file in " << GetParam();
  AnalysisRequest Request;
  Request.sources = Case.sources;
  Request.compilerArgs = Case.args;
  Request.jobs = 1;
  AnalysisResult Result = analyzeProgram(Request);
  ASSERT_TRUE(Result.ok()) << Result.diagnostics << joinLines(Result.errors);
  std::vector<std::string> Actual = Case.describeAll(Result.findings);
  EXPECT_EQ(Actual, Case.expected) << "expected:\n"
                                   << joinLines(Case.expected) << "actual:\n"
                                   << joinLines(Actual);
}

std::string caseName(const ::testing::TestParamInfo<std::string> &Info) {
  return caseTestName(Info.param);
}

INSTANTIATE_TEST_SUITE_P(SharedPtrCycle, AnnotatedInputs,
                         ::testing::ValuesIn(listCases(LEAKCHECK_TEST_INPUTS "/shared-ptr-cycle")),
                         caseName);
INSTANTIATE_TEST_SUITE_P(MissingWeakBackref, AnnotatedInputs,
                         ::testing::ValuesIn(listCases(LEAKCHECK_TEST_INPUTS
                                                       "/missing-weak-backref")),
                         caseName);
INSTANTIATE_TEST_SUITE_P(UnboundedStaticCache, AnnotatedInputs,
                         ::testing::ValuesIn(listCases(LEAKCHECK_TEST_INPUTS
                                                       "/unbounded-static-cache")),
                         caseName);

} // namespace
} // namespace leakcheck::test

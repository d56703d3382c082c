// Results do not depend on the order of translation units, nor on -j: every multi-file
// input of tests/order is analysed in its sorted order and in 20 random orders, with -j1
// and -j2, and every JSON report (without stats.seconds, the one field that may differ)
// must be byte-identical to the first. Each case also names findings the report must (and
// must not) hold, so that an input that stopped producing findings cannot pass vacuously.
#include "RunCommand.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <random>

namespace leakcheck::test {
namespace {

struct OrderCase {
  const char *dir;
  std::vector<std::string> present;  // substrings of the JSON report
  std::vector<std::string> absent;
};

void PrintTo(const OrderCase &C, std::ostream *OS) { *OS << C.dir; }

const std::vector<OrderCase> &orderCases() {
  static const std::vector<OrderCase> Cases = {
      {"xtu_cycle",
       {"\"message\": \"strong shared_ptr cycle Canvas::layers -> Layer::brush -> "
        "Brush::canvas -> Canvas\""},
       {}},
      {"xtu_cache", {"\"symbol\": \"g_log\""}, {"\"symbol\": \"g_pending\""}},
      {"template_specializations",
       {"\"message\": \"strong shared_ptr cycle Car::engine -> Engine::car -> Car\""},
       {"Wheel::car"}},
      {"broken_tu",
       {"\"message\": \"strong shared_ptr cycle Car::owner -> Person::cars -> Car\"",
        "\"error\": \"car.h:5:19: use of undeclared identifier 'Person'\"",
        "\"file\": \"broken.cpp\""},
       {}},
      {"header_many_tus", {"\"symbol\": \"Timer::onFire\"", "\"symbol\": \"Session::peers\""}, {}},
  };
  return Cases;
}

class OrderIndependence : public LeakcheckTest,
                          public ::testing::WithParamInterface<OrderCase> {
protected:
  // The report of one run, without stats.seconds.
  std::string report(const fs::path &CaseDir, const std::vector<std::string> &Files,
                     unsigned Jobs) {
    std::string Args = "--format=json --keep-going --fail-on=none -j" + std::to_string(Jobs);
    for (const std::string &F : Files)
      Args += " " + F;
    Outcome R = leakcheck(Args + " -- -std=c++17", CaseDir);
    EXPECT_EQ(R.status, 0) << R.err;
    auto Doc = llvm::json::parse(R.out);
    if (!Doc) {
      ADD_FAILURE() << llvm::toString(Doc.takeError()) << "\n" << R.out << R.err;
      return "";
    }
    Doc->getAsObject()->getObject("stats")->erase("seconds");
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << llvm::formatv("{0:2}", *Doc);
    return Text;
  }
};

TEST_P(OrderIndependence, SameReportForEveryOrderAndJobs) {
  const OrderCase &C = GetParam();
  fs::path CaseDir = fs::path(LEAKCHECK_SOURCE_DIR) / "tests" / "order" / C.dir;
  std::vector<std::string> Files;
  for (const auto &E : fs::directory_iterator(CaseDir))
    if (E.path().extension() == ".cpp")
      Files.push_back(E.path().filename().string());
  std::sort(Files.begin(), Files.end());
  ASSERT_GE(Files.size(), 3u);

  std::string First = report(CaseDir, Files, 1);
  for (const std::string &P : C.present)
    EXPECT_TRUE(contains(First, P)) << P << "\n" << First;
  for (const std::string &A : C.absent)
    EXPECT_FALSE(contains(First, A)) << A << "\n" << First;

  std::mt19937 Random(20261202);
  for (unsigned Round = 0; Round < 20; ++Round) {
    std::shuffle(Files.begin(), Files.end(), Random);
    unsigned Jobs = 1 + Round % 2;
    std::string Order;
    for (const std::string &F : Files)
      Order += " " + F;
    EXPECT_EQ(report(CaseDir, Files, Jobs), First) << "order:" << Order << ", -j" << Jobs;
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, OrderIndependence, ::testing::ValuesIn(orderCases()),
                         [](const auto &Info) { return std::string(Info.param.dir); });

} // namespace
} // namespace leakcheck::test

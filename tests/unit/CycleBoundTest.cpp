// A strongly connected component with more simple cycles than anyone could read: the
// enumeration stops at its bound, yet every edge still lies on a reported cycle.
#include "Driver.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace leakcheck {
namespace {

// N records, each owning every other: (N-1)! Hamiltonian cycles alone.
fs::path writeCompleteGraph(unsigned N) {
  fs::path P = fs::temp_directory_path() / ("leakcheck-complete-" + std::to_string(N) + "-" +
                                            std::to_string(::getpid()) + ".cpp");
  std::ofstream Out(P);
  Out << "#include <memory>\n";
  for (unsigned I = 0; I < N; ++I)
    Out << "struct R" << I << ";\n";
  for (unsigned I = 0; I < N; ++I) {
    Out << "struct R" << I << " {\n";
    for (unsigned J = 0; J < N; ++J)
      if (J != I)
        Out << "  std::shared_ptr<R" << J << "> to" << J << ";\n";
    Out << "};\n";
  }
  return P;
}

std::set<std::string> cycleEdges(const std::vector<Finding> &Findings) {
  std::set<std::string> Edges;
  for (const Finding &F : Findings)
    for (const CycleEdge &E : F.cycle)
      Edges.insert(E.record + "::" + E.field);
  return Edges;
}

TEST(CycleBound, HugeComponentStaysBoundedAndCoversEveryEdge) {
  const unsigned N = 14;  // 13! cycles through all nodes; 182 edges
  fs::path Source = writeCompleteGraph(N);
  AnalysisRequest Request;
  Request.sources = {Source.string()};
  Request.compilerArgs = std::vector<std::string>{"-std=c++17"};
  Request.options.set("leakcheck-shared-ptr-cycle.MaxCyclesPerComponent", "50");
  auto Start = std::chrono::steady_clock::now();
  AnalysisResult Result = analyzeProgram(Request);
  double Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  fs::remove(Source);
  ASSERT_TRUE(Result.ok()) << Result.diagnostics;
  std::vector<Finding> Cycles;
  for (const Finding &F : Result.findings)
    if (F.check == "leakcheck-shared-ptr-cycle")
      Cycles.push_back(F);
  // 50 enumerated, then at most one more per edge not yet on a reported cycle.
  EXPECT_GE(Cycles.size(), 50u);
  EXPECT_LE(Cycles.size(), 50u + N * (N - 1));
  EXPECT_EQ(cycleEdges(Cycles).size(), N * (N - 1u)) << "every edge lies on a reported cycle";
  EXPECT_LT(Seconds, 30.0);
}

TEST(CycleBound, SmallComponentIsEnumeratedCompletely) {
  // 4 records owning each other: 20 simple cycles (6 of length 2, 8 of 3, 6 of 4).
  fs::path Source = writeCompleteGraph(4);
  AnalysisRequest Request;
  Request.sources = {Source.string()};
  Request.compilerArgs = std::vector<std::string>{"-std=c++17"};
  AnalysisResult Result = analyzeProgram(Request);
  fs::remove(Source);
  ASSERT_TRUE(Result.ok()) << Result.diagnostics;
  unsigned Cycles = 0;
  for (const Finding &F : Result.findings)
    Cycles += F.check == "leakcheck-shared-ptr-cycle";
  EXPECT_EQ(Cycles, 20u);
}

} // namespace
} // namespace leakcheck

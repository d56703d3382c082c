// The options of the back-reference and cache checks change what they report.
#include "Driver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace leakcheck {
namespace {

std::vector<Finding> analyze(const std::string &Name, const std::string &Code,
                             const CheckOptions &Options) {
  fs::path File = fs::temp_directory_path() /
                  ("leakcheck-options-" + std::to_string(::getpid()) + "-" + Name);
  std::ofstream(File) << Code;
  AnalysisRequest Request;
  Request.sources = {File.string()};
  Request.compilerArgs = std::vector<std::string>{"-std=c++17"};
  Request.options = Options;
  AnalysisResult Result = analyzeProgram(Request);
  fs::remove(File);
  EXPECT_TRUE(Result.ok()) << Result.diagnostics;
  return Result.findings;
}

std::vector<std::string> symbols(const std::vector<Finding> &Findings, const std::string &Check) {
  std::vector<std::string> Out;
  for (const Finding &F : Findings)
    if (F.check == Check)
      Out.push_back(F.symbol);
  return Out;
}

// What Check reports on Code, by symbol, without options and then with Option = Value.
void expectOptionChanges(const std::string &Name, const std::string &Code,
                         const std::string &Check, const std::string &Option,
                         const std::string &Value, const std::vector<std::string> &Before,
                         const std::vector<std::string> &After) {
  EXPECT_EQ(symbols(analyze(Name, Code, {}), Check), Before);
  CheckOptions Options;
  Options.set(Check + "." + Option, Value);
  EXPECT_EQ(symbols(analyze(Name, Code, Options), Check), After);
}

TEST(CheckOptions, BackReferenceNamesChooseTheEdge) {
  expectOptionChanges("names.cpp",
                      "#include <memory>\n"
                      "struct B;\n"
                      "struct A { std::shared_ptr<B> peer; };\n"
                      "struct B { std::shared_ptr<A> mate; };\n",
                      "leakcheck-missing-weak-backref", "BackReferenceNames", "peer",
                      {"B::mate"}, {"A::peer"});
}

TEST(CheckOptions, ContainersSayWhatCanBeACache) {
  expectOptionChanges("containers.cpp",
                      "#include <map>\n#include <vector>\n"
                      "std::vector<int> g_list;\n"
                      "std::map<int, int> g_map;\n"
                      "void grow(int i) { g_list.push_back(i); g_map[i] = i; }\n",
                      "leakcheck-unbounded-static-cache", "Containers", "std::map",
                      {"g_list", "g_map"}, {"g_map"});
}

} // namespace
} // namespace leakcheck

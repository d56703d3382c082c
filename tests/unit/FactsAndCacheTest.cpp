// `leakcheck facts` / `leakcheck merge` and the fact cache, through the executable: facts
// then merge report exactly what one run reports; a run re-parses only the TUs whose inputs
// changed and still reports the whole program; concurrent runs share a cache safely; a bad
// fact file is an error naming it, a bad cache entry only a miss.
#include "RunCommand.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <thread>

namespace leakcheck::test {
namespace {

class FactsAndCache : public LeakcheckTest {
protected:
  // A program of four TUs: a cycle across two of them, and a cache grown in one and cleared
  // in another.
  void writeProgram() {
    write("shapes.h", "#pragma once\n#include <memory>\n#include <vector>\nstruct Layer;\n"
                      "struct Canvas {\n  std::vector<std::shared_ptr<Layer>> layers;\n};\n"
                      "struct Layer {\n  std::shared_ptr<Canvas> canvas;\n};\n");
    write("log.h", "#pragma once\n#include <string>\n#include <vector>\n"
                   "extern std::vector<std::string> g_log;\n");
    write("canvas.cpp", "#include \"shapes.h\"\nvoid add(Canvas &c) { c.layers.push_back("
                        "std::make_shared<Layer>()); }\n");
    write("layer.cpp", "#include \"shapes.h\"\n");
    write("log.cpp", "#include \"log.h\"\nstd::vector<std::string> g_log;\n"
                     "void note(std::string s) { g_log.push_back(std::move(s)); }\n");
    write("flush.cpp", "#include \"log.h\"\nvoid flush() { g_log.clear(); }\n");
    writeCompileCommands("build", {"canvas.cpp", "layer.cpp", "log.cpp", "flush.cpp"},
                         "g++ -std=c++17");
  }
  // The JSON report without what may differ between runs of the same findings.
  static std::string findingsOf(const std::string &Json) {
    auto Doc = llvm::json::parse(Json);
    if (!Doc) {
      ADD_FAILURE() << llvm::toString(Doc.takeError()) << Json;
      return "";
    }
    llvm::json::Object *Stats = Doc->getAsObject()->getObject("stats");
    for (const char *Key : {"seconds", "parsed", "from_cache"})
      Stats->erase(Key);
    return llvm::formatv("{0:2}", *Doc).str();
  }
  static int64_t stat(const std::string &Json, const char *Key) {
    auto Doc = llvm::json::parse(Json);
    if (!Doc)
      return -1;
    return Doc->getAsObject()->getObject("stats")->getInteger(Key).value_or(-1);
  }
};

TEST_F(FactsAndCache, FactsThenMergeReportWhatOneRunReports) {
  writeProgram();
  Outcome Whole = leakcheck("--no-cache --format=json -p build", Dir);
  ASSERT_EQ(Whole.status, 1) << Whole.err;
  EXPECT_TRUE(contains(Whole.out, "Canvas::layers -> Layer::canvas")) << Whole.out;
  EXPECT_FALSE(contains(Whole.out, "g_log")) << "cleared in flush.cpp\n" << Whole.out;

  Outcome Facts = leakcheck("facts -p build --out=facts", Dir);
  ASSERT_EQ(Facts.status, 0) << Facts.err;
  EXPECT_EQ(Facts.out, "");
  unsigned Files = 0;
  for (const auto &E : fs::directory_iterator(Dir / "facts"))
    Files += E.path().extension() == ".facts";
  EXPECT_EQ(Files, 4u);
  Outcome Merged = leakcheck("merge --format=json facts", Dir);
  EXPECT_EQ(Merged.status, 1) << Merged.err;
  EXPECT_EQ(findingsOf(Merged.out), findingsOf(Whole.out));

  // Per library first: two groups of facts, merged as files in any order.
  fs::create_directories(Dir / "lib1");
  fs::create_directories(Dir / "lib2");
  for (const auto &E : fs::directory_iterator(Dir / "facts")) {
    std::string Name = E.path().filename().string();
    fs::copy_file(E.path(), Dir / (Name.rfind("canvas", 0) == 0 || Name.rfind("log", 0) == 0
                                       ? "lib1" : "lib2") / Name);
  }
  Outcome Grouped = leakcheck("merge --format=json lib2 lib1", Dir);
  EXPECT_EQ(findingsOf(Grouped.out), findingsOf(Whole.out));

  // Text, SARIF and the exit status come from the same merge.
  Outcome Text = leakcheck("merge facts", Dir);
  EXPECT_EQ(Text.status, 1);
  EXPECT_TRUE(contains(Text.out, "warning: strong shared_ptr cycle Canvas::layers")) << Text.out;
  EXPECT_EQ(leakcheck("merge --fail-on=none facts", Dir).status, 0);
}

TEST_F(FactsAndCache, FactsOfOneUnitToOneFile) {
  writeProgram();
  Outcome R = leakcheck("facts --out-file=canvas.facts canvas.cpp -- -std=c++17", Dir);
  ASSERT_EQ(R.status, 0) << R.err;
  std::string Bytes = slurp(Dir / "canvas.facts");
  EXPECT_TRUE(contains(Bytes, "\"format\":\"leakcheck-facts\"")) << Bytes.substr(0, 200);
  EXPECT_TRUE(contains(Bytes, "\"unit\":\"canvas.cpp\""));
  EXPECT_TRUE(contains(Bytes, "\"dependencies\":[]")) << "no machine paths in a fact file";
  // The same inputs give the same bytes.
  ASSERT_EQ(leakcheck("facts --out-file=again.facts canvas.cpp -- -std=c++17", Dir).status, 0);
  EXPECT_EQ(slurp(Dir / "again.facts"), Bytes);
}

TEST_F(FactsAndCache, MisusesAndBadFactFilesAreErrors) {
  writeProgram();
  EXPECT_EQ(leakcheck("facts canvas.cpp -- -std=c++17", Dir).status, 2);
  EXPECT_EQ(leakcheck("facts --out=f --out-file=g canvas.cpp -- -std=c++17", Dir).status, 2);
  EXPECT_EQ(leakcheck("facts --out-file=g canvas.cpp layer.cpp -- -std=c++17", Dir).status, 2);
  Outcome Misplaced = leakcheck("facts --format=json --out=f canvas.cpp -- -std=c++17", Dir);
  EXPECT_EQ(Misplaced.status, 2);
  EXPECT_TRUE(contains(Misplaced.err, "--format does not apply to leakcheck facts")) << Misplaced.err;
  EXPECT_TRUE(contains(leakcheck("merge --keep-going x.facts", Dir).err,
                       "--keep-going does not apply to leakcheck merge"));
  EXPECT_EQ(leakcheck("merge", Dir).status, 2);
  EXPECT_EQ(leakcheck("merge empty-dir", Dir).status, 2);

  ASSERT_EQ(leakcheck("facts --out=facts canvas.cpp -- -std=c++17", Dir).status, 0);
  fs::path File = fs::directory_iterator(Dir / "facts")->path();
  std::string Bytes = slurp(File);
  write("facts/cut.facts", Bytes.substr(0, Bytes.size() / 2));
  Outcome Cut = leakcheck("merge facts", Dir);
  EXPECT_EQ(Cut.status, 2);
  EXPECT_TRUE(contains(Cut.err, "cut.facts: not a fact file")) << Cut.err;
  EXPECT_EQ(Cut.out, "");
  fs::remove(Dir / "facts/cut.facts");
  std::string Old = Bytes;
  Old.replace(Old.find("\"version\":1"), 11, "\"version\":0");
  write("facts/old.facts", Old);
  Outcome Version = leakcheck("merge facts", Dir);
  EXPECT_EQ(Version.status, 2);
  EXPECT_TRUE(contains(Version.err, "old.facts: fact file of version 0")) << Version.err;
}

// The cache: a rerun parses nothing, a change re-parses only the TUs that read the changed
// file, and the report is always that of a cold run of the whole program.
TEST_F(FactsAndCache, RerunsParseOnlyWhatChanged) {
  writeProgram();
  auto Run = [&] { return leakcheck("--format=json --fail-on=none -p build", Dir); };
  auto Cold = [&] { return leakcheck("--no-cache --format=json --fail-on=none -p build", Dir); };
  Outcome First = Run();
  ASSERT_EQ(First.status, 0) << First.err;
  EXPECT_EQ(stat(First.out, "parsed"), 4);
  EXPECT_EQ(stat(First.out, "from_cache"), 0);
  EXPECT_TRUE(fs::is_directory(Dir / "build/.leakcheck-cache"));

  Outcome Again = Run();
  EXPECT_EQ(stat(Again.out, "parsed"), 0) << Again.err;
  EXPECT_EQ(stat(Again.out, "from_cache"), 4);
  EXPECT_EQ(findingsOf(Again.out), findingsOf(First.out));

  // One .cpp: the clear of g_log goes away; only flush.cpp is parsed again, and the cache
  // grown in log.cpp (whose facts come from the cache) is now reported.
  write("flush.cpp", "#include \"log.h\"\nvoid flush() {}\n");
  Outcome OneFile = Run();
  EXPECT_EQ(stat(OneFile.out, "parsed"), 1) << OneFile.err;
  EXPECT_TRUE(contains(OneFile.out, "\"symbol\": \"g_log\"")) << OneFile.out;
  EXPECT_EQ(findingsOf(OneFile.out), findingsOf(Cold().out));

  // A header: the two TUs that include it.
  write("shapes.h", "#pragma once\n#include <memory>\n#include <vector>\nstruct Layer;\n"
                    "struct Canvas {\n  std::vector<std::shared_ptr<Layer>> layers;\n};\n"
                    "struct Layer {\n  std::weak_ptr<Canvas> canvas;\n};\n");
  Outcome Header = Run();
  EXPECT_EQ(stat(Header.out, "parsed"), 2) << Header.err;
  EXPECT_FALSE(contains(Header.out, "Canvas::layers")) << Header.out;
  EXPECT_EQ(findingsOf(Header.out), findingsOf(Cold().out));

  // An option the fact collectors read: every TU; one only the checks read: none.
  write(".leakcheck.yaml", "CheckOptions:\n  leakcheck.SharedPointers: Ref\n");
  EXPECT_EQ(stat(Run().out, "parsed"), 4);
  write(".leakcheck.yaml", "CheckOptions:\n  leakcheck.SharedPointers: Ref\n"
                           "  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: 7\n");
  EXPECT_EQ(stat(Run().out, "parsed"), 0);
  // Other flags: every TU.
  writeCompileCommands("build", {"canvas.cpp", "layer.cpp", "log.cpp", "flush.cpp"},
                       "g++ -std=c++17 -DX=1");
  EXPECT_EQ(stat(Run().out, "parsed"), 4);

  // --no-cache neither reads nor writes it; --cache-dir puts it elsewhere.
  EXPECT_EQ(stat(Cold().out, "from_cache"), 0);
  EXPECT_EQ(stat(leakcheck("--format=json --fail-on=none --cache-dir=elsewhere -p build", Dir).out,
                 "parsed"),
            4);
  EXPECT_TRUE(fs::is_directory(Dir / "elsewhere"));
}

TEST_F(FactsAndCache, ABadCacheEntryIsAMiss) {
  writeProgram();
  ASSERT_EQ(leakcheck("--fail-on=none -p build", Dir).status, 0);
  unsigned Damaged = 0;
  for (const auto &E : fs::directory_iterator(Dir / "build/.leakcheck-cache")) {
    std::string Bytes = slurp(E.path());
    std::ofstream(E.path(), std::ios::trunc) << (Damaged++ % 2 ? Bytes.substr(0, 40) : "garbage");
  }
  Outcome R = leakcheck("--format=json --fail-on=none -p build", Dir);
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_EQ(stat(R.out, "parsed"), 4);
  EXPECT_FALSE(contains(R.err, "error")) << R.err;
  EXPECT_EQ(stat(leakcheck("--format=json --fail-on=none -p build", Dir).out, "from_cache"), 4);
}

TEST_F(FactsAndCache, ConcurrentRunsShareACache) {
  writeProgram();
  std::string Command = "'" LEAKCHECK_BINARY "' --format=json --fail-on=none -p build";
  // Four runs at once, twice: no run fails, every run reports the same, nothing is left
  // half-written.
  for (int Round = 0; Round < 2; ++Round) {
    Outcome R = run("for i in 1 2 3 4; do " + Command + " >out$i.json 2>err$i.txt & done; wait; "
                    "cat err1.txt err2.txt err3.txt err4.txt",
                    Dir);
    EXPECT_EQ(R.status, 0);
    EXPECT_EQ(R.out, "") << "warnings or errors:\n" << R.out;
    std::string First = findingsOf(slurp(Dir / "out1.json"));
    EXPECT_TRUE(contains(First, "Canvas::layers"));
    for (int I = 2; I <= 4; ++I)
      EXPECT_EQ(findingsOf(slurp(Dir / ("out" + std::to_string(I) + ".json"))), First);
  }
  for (const auto &E : fs::directory_iterator(Dir / "build/.leakcheck-cache"))
    EXPECT_EQ(E.path().extension(), ".facts") << "a temporary left behind: " << E.path();
  EXPECT_EQ(stat(leakcheck("--format=json --fail-on=none -p build", Dir).out, "from_cache"), 4);
}

} // namespace
} // namespace leakcheck::test

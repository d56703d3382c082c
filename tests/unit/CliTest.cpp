// The command line as users and CI scripts meet it: exit status, report formats, bad input.
#include "RunCommand.h"

#include "llvm/Support/JSON.h"

namespace leakcheck::test {
namespace {

class Cli : public LeakcheckTest {};

TEST_F(Cli, FindingsExitOneWithClangStyleDiagnostics) {
  Outcome R = leakcheck(input("person_car.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_NE(R.out.find("person_car.cpp:10:3: warning: strong shared_ptr cycle Person::cars -> "
                       "Car::owner -> Person [leakcheck-shared-ptr-cycle]"),
            std::string::npos)
      << R.out;
  EXPECT_NE(R.out.find("person_car.cpp:14:3: note: 'Car::owner' (std::shared_ptr<Person>) owns "
                       "'Person' through a shared_ptr, closing the cycle"),
            std::string::npos)
      << R.out;
  EXPECT_NE(R.out.find("   10 |   std::vector<std::shared_ptr<Car>> cars;"), std::string::npos);
  EXPECT_NE(R.out.find("      |   ^\n"), std::string::npos);
  // The back-reference finding, with a clang-style fix-it hint under the caret line.
  EXPECT_NE(R.out.find("person_car.cpp:14:3: warning: back-reference 'Car::owner' should be a "
                       "std::weak_ptr"),
            std::string::npos)
      << R.out;
  EXPECT_NE(R.out.find("   14 |   std::shared_ptr<Person> owner;  // EDGE: Car::owner"),
            std::string::npos);
  EXPECT_NE(R.out.find("      |   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                       "      |   std::weak_ptr<Person> owner;\n"),
            std::string::npos)
      << R.out;
  EXPECT_NE(R.out.find("2 warnings generated."), std::string::npos);
}

TEST_F(Cli, NoFindingExitsZeroAndPrintsNothing) {
  Outcome R = leakcheck(input("person_car_weak.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_EQ(R.out, "");
}

TEST_F(Cli, FailOnNoneReportsButExitsZero) {
  Outcome R = leakcheck("--fail-on=none " + input("person_car.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 0);
  EXPECT_NE(R.out.find("[leakcheck-shared-ptr-cycle]"), std::string::npos);
}

// Measured on 0.1.0: both ran with no check at all and exited 0 ("clean").
TEST_F(Cli, NoCheckEnabledIsAnError) {
  Outcome R = leakcheck("--checks='-*' " + input("person_car.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 2);
  EXPECT_EQ(R.out, "");
  EXPECT_TRUE(contains(R.err, "leakcheck: error: no checks enabled (by '-*')")) << R.err;
  R = leakcheck("--checks='-*,leakcheck-nonexistent' " + input("person_car.cpp") +
                " -- -std=c++17");
  EXPECT_EQ(R.status, 2);
  EXPECT_EQ(R.out, "");
  EXPECT_TRUE(contains(R.err, "--checks: no check is named 'leakcheck-nonexistent'")) << R.err;
  R = leakcheck("--checks='-*,leakcheck-shared-ptr-cylce' " + input("person_car.cpp") +
                " -- -std=c++17");
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "(did you mean leakcheck-shared-ptr-cycle?)")) << R.err;
}

TEST_F(Cli, ListChecksShowsEachChecksOptions) {
  Outcome R = leakcheck("--list-checks --checks='-*,leakcheck-shared-ptr-cycle'");
  EXPECT_EQ(R.status, 0);
  EXPECT_TRUE(contains(R.out, "    option leakcheck-shared-ptr-cycle.MaxCyclesPerComponent "
                              "(default: 100)\n"))
      << R.out;
  EXPECT_TRUE(contains(R.out, "    option leakcheck.SharedPointers (default: none)\n")) << R.out;
  EXPECT_FALSE(contains(R.out, "leakcheck-unbounded-static-cache.Containers")) << R.out;
}

TEST_F(Cli, ChecksGlobDisablesChecks) {
  Outcome R = leakcheck("--checks='-*,leakcheck-unbounded-static-cache' " +
                        input("person_car.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_EQ(R.out, "");
  Outcome Listed = leakcheck("--list-checks --checks='-*,leakcheck-shared-ptr-cycle'");
  EXPECT_EQ(Listed.status, 0);
  EXPECT_EQ(Listed.out.rfind("leakcheck-shared-ptr-cycle\n", 0), 0u) << Listed.out;
}

TEST_F(Cli, MissingFileIsExitTwoNamingTheFile) {
  Outcome R = leakcheck("nope.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_NE(R.err.find("nope.cpp: no such file"), std::string::npos) << R.err;
  EXPECT_EQ(R.out, "");
}

TEST_F(Cli, CodeThatDoesNotCompileIsExitTwoWithTheCompilersDiagnostics) {
  write("broken.cpp", "#include <memory>\nstruct A { std::shared_ptr<A> a; };\nint f() { return undeclared; }\n");
  write("fine.cpp", "#include <memory>\nstruct B { std::shared_ptr<B> b; };\n");
  Outcome R = leakcheck("fine.cpp broken.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_NE(R.err.find("broken.cpp:3:18: error: use of undeclared identifier 'undeclared'"),
            std::string::npos)
      << R.err;
  EXPECT_NE(R.err.find("broken.cpp: does not compile (1 error)"), std::string::npos) << R.err;
  EXPECT_EQ(R.out, "") << "no half-written report";
}

TEST_F(Cli, KeepGoingSkipsWhatDoesNotCompile) {
  write("broken.cpp", "int f() { return undeclared; }\n");
  Outcome R = leakcheck("--keep-going broken.cpp " + input("person_car.cpp") + " -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1);
  EXPECT_TRUE(contains(R.err, "warning: broken.cpp: does not compile (1 error); only its "
                              "declarations that parsed are used, marked partial"))
      << R.err;
  EXPECT_NE(R.out.find("Person::cars"), std::string::npos);
  EXPECT_TRUE(contains(R.out, "leakcheck: analysed 1 of 2 translation units; 1 did not compile: "
                              "broken.cpp (first error: broken.cpp:1:18: use of undeclared "
                              "identifier 'undeclared')\n"))
      << R.out;
}

TEST_F(Cli, UsageErrorsAreExitTwo) {
  EXPECT_EQ(leakcheck("").status, 2);
  EXPECT_EQ(leakcheck("--format=xml " + input("person_car.cpp")).status, 2);
  EXPECT_EQ(leakcheck("--fail-on=sometimes " + input("person_car.cpp")).status, 2);
  EXPECT_EQ(leakcheck("--no-such-option " + input("person_car.cpp")).status, 2);
  EXPECT_EQ(leakcheck("-p " + Dir.string() + "/nowhere").status, 2);
}

TEST_F(Cli, JsonReportFollowsTheContract) {
  Outcome R = leakcheck("--format=json " + input("person_car.cpp") + " -- -std=c++17", Dir);
  ASSERT_EQ(R.status, 1) << R.err;
  auto Doc = llvm::json::parse(R.out);
  ASSERT_TRUE(bool(Doc)) << llvm::toString(Doc.takeError()) << R.out;
  const llvm::json::Object &Top = *Doc->getAsObject();
  EXPECT_EQ(Top.getString("tool"), "leakcheck");
  EXPECT_TRUE(Top.getString("version"));
  const llvm::json::Array &Findings = *Top.getArray("findings");
  ASSERT_EQ(Findings.size(), 2u);  // the cycle, and its back-reference
  const llvm::json::Object &F = *Findings[0].getAsObject();
  EXPECT_EQ(F.getString("check"), "leakcheck-shared-ptr-cycle");
  EXPECT_EQ(F.getString("severity"), "warning");
  EXPECT_EQ(F.getString("file"), input("person_car.cpp"));
  EXPECT_EQ(F.getInteger("line"), 10);
  EXPECT_EQ(F.getInteger("column"), 3);
  EXPECT_EQ(F.getString("symbol"), "Person::cars");
  EXPECT_EQ(F.getString("message"), "strong shared_ptr cycle Person::cars -> Car::owner -> Person");
  const llvm::json::Array &Cycle = *F.getArray("cycle");
  ASSERT_EQ(Cycle.size(), 2u);
  EXPECT_EQ(Cycle[0].getAsObject()->getString("record"), "Person");
  EXPECT_EQ(Cycle[0].getAsObject()->getString("field"), "cars");
  EXPECT_EQ(Cycle[0].getAsObject()->getInteger("line"), 10);
  EXPECT_EQ(Cycle[1].getAsObject()->getString("record"), "Car");
  EXPECT_EQ(Cycle[1].getAsObject()->getString("field"), "owner");
  EXPECT_EQ(Cycle[1].getAsObject()->getString("file"), input("person_car.cpp"));
  EXPECT_EQ(Cycle[1].getAsObject()->getInteger("line"), 14);
  ASSERT_TRUE(F.get("confirmed"));
  EXPECT_EQ(*F.get("confirmed"), llvm::json::Value(nullptr));
  const llvm::json::Object &B = *Findings[1].getAsObject();
  EXPECT_EQ(B.getString("check"), "leakcheck-missing-weak-backref");
  EXPECT_EQ(B.getString("symbol"), "Car::owner");
  EXPECT_EQ(B.getInteger("line"), 14);
  const llvm::json::Object &Fix = *B.getObject("fix");
  EXPECT_EQ(Fix.getString("file"), input("person_car.cpp"));
  EXPECT_EQ(Fix.getInteger("line"), 14);
  EXPECT_EQ(Fix.getInteger("column"), 3);
  EXPECT_EQ(Fix.getInteger("length"), 30);
  EXPECT_EQ(Fix.getString("replacement"), "std::weak_ptr<Person> owner;");
  const llvm::json::Object &Stats = *Top.getObject("stats");
  EXPECT_EQ(Stats.getInteger("translation_units"), 1);
  EXPECT_EQ(Stats.getInteger("records"), 2);
  EXPECT_TRUE(Stats.getNumber("seconds"));
}

TEST_F(Cli, FilesAreNamedAsTheUserNamedThem) {
  fs::copy(input("person_car.cpp"), Dir / "src" / "person_car.cpp",
           (fs::create_directories(Dir / "src"), fs::copy_options::none));
  Outcome R = leakcheck("src/person_car.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.out.rfind("src/person_car.cpp:10:3: warning:", 0), 0u) << R.out;
}

TEST_F(Cli, OutputFileHoldsTheReport) {
  Outcome R = leakcheck("--format=json --output=" + (Dir / "report.json").string() + " " +
                    input("person_car.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 1);
  EXPECT_EQ(R.out, "");
  EXPECT_NE(slurp(Dir / "report.json").find("\"symbol\": \"Person::cars\""), std::string::npos);
}

TEST_F(Cli, FindsBuiltinHeadersFromAnyDirectory) {
  fs::path Src = write("uses_std.cpp", "#include <cstddef>\n#include <functional>\n#include <map>\n"
                                       "#include <memory>\n#include <stdarg.h>\n"
                                       "struct N { std::map<int, std::shared_ptr<N>> kids; "
                                       "std::function<void()> f; };\n");
  Outcome R = leakcheck(Src.string() + " -- -std=c++17", "/");
  EXPECT_EQ(R.status, 0) << R.err;
}

TEST_F(Cli, NoCompilerArgumentsMeansCxx17) {
  Outcome R = leakcheck(input("person_car.cpp"), Dir);
  EXPECT_EQ(R.status, 1) << R.err;
}

TEST_F(Cli, ReadsACompilationDatabase) {
  fs::path A = write("src/a.cpp", "#include \"shared.h\"\nstruct A { std::shared_ptr<B> b; };\n");
  fs::path B = write("src/b.cpp", "#include \"shared.h\"\n");
  write("include/shared.h", "#pragma once\n#include <memory>\nstruct A;\nstruct B { "
                            "std::shared_ptr<A> a; };\n");
  write("other.cpp", "int x;\n");
  writeCompileCommands("build", {"src/a.cpp", "src/b.cpp"},
                       "g++ -std=c++17 -Iinclude -fconcepts-diagnostics-depth=2");
  Outcome All = leakcheck("-p build", Dir);
  EXPECT_EQ(All.status, 1) << All.err;
  EXPECT_NE(All.out.find("strong shared_ptr cycle B::a -> A::b -> B"), std::string::npos) << All.out;
  Outcome One = leakcheck("-p build src/a.cpp", Dir);
  EXPECT_EQ(One.status, 1) << One.err;
  Outcome Outside = leakcheck("-p build other.cpp", Dir);
  EXPECT_EQ(Outside.status, 0) << Outside.err;
  EXPECT_NE(Outside.err.find("warning: other.cpp: not in the compilation database of 'build'; "
                             "using the flags of the most similar file in it"),
            std::string::npos)
      << Outside.err;
}

TEST_F(Cli, ParallelRunsReportWhatSerialRunsReport) {
  std::string Files;
  for (const char *F : {"person_car.cpp", "three_records.cpp", "wrappers.cpp", "xtu_stage/layer.cpp",
                        "xtu_stage/stage.cpp", "callback_list_and_ctor.cpp"})
    Files += " " + input(F);
  Outcome Serial = leakcheck("-j 1 --format=json" + Files + " -- -std=c++17");
  Outcome Parallel = leakcheck("-j 4 --format=json" + Files + " -- -std=c++17");
  auto WithoutTiming = [](std::string S) { return S.substr(0, S.find("\"stats\"")); };
  EXPECT_EQ(Serial.status, 1);
  EXPECT_EQ(WithoutTiming(Serial.out), WithoutTiming(Parallel.out));
}

TEST_F(Cli, ListsEveryCheck) {
  Outcome R = leakcheck("--list-checks");
  EXPECT_EQ(R.status, 0);
  for (const char *Check : {"leakcheck-shared-ptr-cycle", "leakcheck-missing-weak-backref",
                            "leakcheck-unbounded-static-cache"})
    EXPECT_NE(R.out.find(std::string(Check) + "\n"), std::string::npos) << R.out;
}

// A header seen by two translation units: its back-reference is rewritten once, the fixed
// program compiles and has no cycle left.
TEST_F(Cli, FixRewritesAHeaderOnceForAllItsTranslationUnits) {
  write("scene.h", "#pragma once\n#include <memory>\n#include <vector>\nstruct Scene;\n"
                   "struct Sprite {\n  std::shared_ptr<Scene> scene;\n};\n"
                   "struct Scene {\n  std::vector<std::shared_ptr<Sprite>> sprites;\n};\n");
  write("a.cpp", "#include \"scene.h\"\nvoid add(const std::shared_ptr<Scene> &s) {\n"
                 "  auto p = std::make_shared<Sprite>();\n  p->scene = s;\n"
                 "  s->sprites.push_back(p);\n}\n");
  write("b.cpp", "#include \"scene.h\"\nstd::shared_ptr<Scene> make() { return "
                 "std::make_shared<Scene>(); }\n");
  Outcome Fixed = leakcheck("--fix a.cpp b.cpp -- -std=c++17", Dir);
  EXPECT_EQ(Fixed.status, 1) << Fixed.err;  // the findings, as found
  EXPECT_NE(Fixed.err.find("leakcheck: applied 1 fix in 1 file"), std::string::npos) << Fixed.err;
  EXPECT_NE(slurp(Dir / "scene.h").find("struct Sprite {\n  std::weak_ptr<Scene> scene;\n};"),
            std::string::npos)
      << slurp(Dir / "scene.h");
  Outcome After = leakcheck("a.cpp b.cpp -- -std=c++17", Dir);
  EXPECT_EQ(After.status, 0) << After.out << After.err;
  EXPECT_EQ(After.out, "");
}

TEST_F(Cli, CacheFindingSaysWhereItGrows) {
  write("memo.cpp", "#include <map>\nint slow(int n) {\n  static std::map<int, int> memo;\n"
                    "  auto it = memo.find(n);\n  if (it != memo.end()) return it->second;\n"
                    "  return memo[n] = n * n;\n}\n");
  Outcome R = leakcheck("memo.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_NE(R.out.find("memo.cpp:3:3: warning: unbounded cache 'memo' (a static local of 'slow') "
                       "grows (operator[] in 'slow') but nothing in the program erases, clears "
                       "or pops it"),
            std::string::npos)
      << R.out;
  EXPECT_NE(R.out.find("memo.cpp:6:10: note: 'memo' grows here (operator[] in 'slow')"),
            std::string::npos)
      << R.out;
}

} // namespace
} // namespace leakcheck::test

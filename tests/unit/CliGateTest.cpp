// leakcheck as a CI gate: NOLINT, the configuration file, Suppress:, Exclude:, baselines,
// the exit status of each outcome, and the progress line.
#include "RunCommand.h"

#include "llvm/Support/JSON.h"

namespace leakcheck::test {
namespace {

const char *PersonCar = R"(#include <memory>
#include <vector>
struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;%s
};
struct Car {
  std::shared_ptr<Person> owner;
};
)";

// PersonCar with Comment at the end of the reported line (Person::cars, line 5).
std::string personCar(const std::string &Comment = "") {
  std::string Text = PersonCar;
  return Text.replace(Text.find("%s"), 2, Comment);
}

const char *SecondCycle = R"(#include <memory>
struct Leaf;
struct Tree { std::shared_ptr<Leaf> leaf; };
struct Leaf { std::shared_ptr<Tree> tree; };
)";

class CliGate : public LeakcheckTest {
protected:
  Outcome lc(const std::string &Args) { return leakcheck(Args, Dir); }
  // The findings of a JSON report, as "symbol" strings.
  static std::vector<std::string> symbols(const std::string &Json) {
    std::vector<std::string> Out;
    auto Doc = llvm::json::parse(Json);
    if (!Doc) {
      ADD_FAILURE() << llvm::toString(Doc.takeError()) << Json;
      return Out;
    }
    for (const llvm::json::Value &F : *Doc->getAsObject()->getArray("findings"))
      Out.push_back(F.getAsObject()->getString("symbol")->str());
    return Out;
  }
  static int64_t stat(const std::string &Json, const char *Name) {
    auto Doc = llvm::json::parse(Json);
    if (!Doc) {
      llvm::consumeError(Doc.takeError());
      return -1;
    }
    return Doc->getAsObject()->getObject("stats")->getInteger(Name).value_or(-1);
  }
};

TEST_F(CliGate, NolintOnTheReportedLineSilencesAFinding) {
  write("plain.cpp", personCar());
  write("nolint.cpp", personCar("  // NOLINT(leakcheck-shared-ptr-cycle): owner resets it"));
  write("nolint_all.cpp", personCar("  // NOLINT"));
  write("nolint_other.cpp", personCar("  // NOLINT(bugprone-*)"));
  std::string Next = personCar();
  Next.replace(Next.find("  std::vector"), 0, "  // NOLINTNEXTLINE(leakcheck-*)\n");
  write("nolintnextline.cpp", Next);
  // Only the cycle check: the back-reference finding sits on another line (Car::owner).
  const std::string Cycle = "--checks='-*,leakcheck-shared-ptr-cycle' ";
  EXPECT_EQ(lc(Cycle + "plain.cpp").status, 1);
  for (const char *F : {"nolint.cpp", "nolint_all.cpp", "nolintnextline.cpp"}) {
    Outcome R = lc(Cycle + F);
    EXPECT_EQ(R.status, 0) << F << R.out << R.err;
    EXPECT_EQ(R.out, "") << F;
    EXPECT_TRUE(contains(R.err, "leakcheck: not reported: 1 suppressed, 0 in the baseline")) << R.err;
  }
  EXPECT_EQ(lc(Cycle + "nolint_other.cpp").status, 1);
  Outcome Json = lc(Cycle + "--format=json nolint.cpp");
  EXPECT_EQ(stat(Json.out, "suppressed"), 1) << Json.out;
}

TEST_F(CliGate, ConfigurationIsFoundAboveTheFirstFile) {
  write("project/.leakcheck.yaml", "Checks: '-*'\n");
  write("project/src/a.cpp", personCar());
  // Every check off: a gate that could only say "clean" is an error.
  Outcome Off = lc("project/src/a.cpp");
  EXPECT_EQ(Off.status, 2) << Off.err;
  EXPECT_EQ(Off.out, "");
  EXPECT_TRUE(contains(Off.err, "no checks enabled")) << Off.err;
  // Command-line globs come after the file's, and win.
  EXPECT_EQ(lc("--checks=leakcheck-* project/src/a.cpp").status, 1);
  EXPECT_EQ(lc("--list-checks project/src/a.cpp").status, 2);
  // --config names another file; the nearest one is then not read.
  write("loud.yaml", "Checks: 'leakcheck-*'\n");
  EXPECT_EQ(lc("--config=loud.yaml project/src/a.cpp").status, 1);
}

TEST_F(CliGate, FailOnFromTheConfigurationAndTheCommandLine) {
  write(".leakcheck.yaml", "FailOn: none\n");
  write("a.cpp", personCar());
  Outcome R = lc("a.cpp");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_TRUE(contains(R.out, "[leakcheck-shared-ptr-cycle]"));
  EXPECT_EQ(lc("--fail-on=warning a.cpp").status, 1);
}

TEST_F(CliGate, CheckOptionsReachTheChecks) {
  write("ref.cpp", R"(template <class T> struct Ref { T *object; };
struct B;
struct A { Ref<B> b; };
struct B { Ref<A> a; };
)");
  EXPECT_EQ(lc("ref.cpp").status, 0) << "a raw pointer inside: no ownership by default";
  write(".leakcheck.yaml", "CheckOptions:\n  leakcheck.SharedPointers: Ref\n");
  Outcome R = lc("ref.cpp");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(contains(R.out, "strong shared_ptr cycle A::b -> B::a -> A")) << R.out;
}

TEST_F(CliGate, SuppressEntriesSilenceBySymbol) {
  write("a.cpp", personCar());
  write(".leakcheck.yaml", "Suppress:\n  - symbol: Car::owner\n    reason: reset in ~Garage\n");
  Outcome R = lc("a.cpp");
  EXPECT_EQ(R.status, 0) << R.out << R.err;
  EXPECT_EQ(R.out, "");
  write(".leakcheck.yaml", "Suppress:\n  - {symbol: 'Car::*', check: leakcheck-unbounded-static-cache}\n");
  EXPECT_EQ(lc("a.cpp").status, 1) << "another check's suppression";
}

TEST_F(CliGate, ExcludeSkipsFilesAndDropsTheirFindings) {
  write("third_party/lib.h", SecondCycle);
  write("third_party/lib.cpp", "#include \"lib.h\"\n");
  write("src/main.cpp", "#include \"../third_party/lib.h\"\n" + personCar());
  write(".leakcheck.yaml", "Exclude:\n  - third_party\n");
  Outcome R = lc("--format=json src/main.cpp third_party/lib.cpp");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_EQ(symbols(R.out), (std::vector<std::string>{"Person::cars", "Car::owner"}));
  EXPECT_EQ(stat(R.out, "translation_units"), 1) << "third_party/lib.cpp is not analysed";
  EXPECT_EQ(stat(R.out, "suppressed"), 2) << "the cycle in third_party/lib.h, its back-reference";
  Outcome OnlyExcluded = lc("third_party/lib.cpp");
  EXPECT_EQ(OnlyExcluded.status, 2) << "nothing analysed is not a clean run\n" << OnlyExcluded.err;
  EXPECT_TRUE(contains(OnlyExcluded.err, "every file is excluded by")) << OnlyExcluded.err;
}

TEST_F(CliGate, ExcludeSkipsEntriesOfTheCompilationDatabase) {
  write("src/main.cpp", personCar());
  write("third_party/lib.cpp", SecondCycle);
  writeCompileCommands("build", {"src/main.cpp", "third_party/lib.cpp"}, "c++ -std=c++17");
  write(".leakcheck.yaml", "Exclude: third_party/*\n");
  Outcome R = lc("-p build --format=json");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_EQ(symbols(R.out), (std::vector<std::string>{"Person::cars", "Car::owner"}));
  EXPECT_EQ(stat(R.out, "translation_units"), 1);
}

TEST_F(CliGate, ConfigurationErrorsAreExitTwoNamingFileLineAndKey) {
  write("a.cpp", personCar());
  write(".leakcheck.yaml", "Checks: leakcheck-*\nBogus: 1\n");
  Outcome R = lc("--format=json a.cpp");
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, ".leakcheck.yaml:2:1: unknown key 'Bogus'")) << R.err;
  EXPECT_EQ(R.out, "");
  write(".leakcheck.yaml", "Exclude: {a: b}\n");
  R = lc("a.cpp");
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, ".leakcheck.yaml:1:10: 'Exclude' must be")) << R.err;
  R = lc("--config=missing.yaml a.cpp");
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "missing.yaml: cannot read the configuration")) << R.err;
}

TEST_F(CliGate, BaselineReportsOnlyNewFindings) {
  write("a.cpp", personCar());
  Outcome First = lc("--write-baseline=base.json a.cpp");
  EXPECT_EQ(First.status, 1) << "writing a baseline does not change the exit status";
  EXPECT_EQ(symbols(slurp(Dir / "base.json")),
            (std::vector<std::string>{"Person::cars", "Car::owner"}));

  Outcome Same = lc("--baseline=base.json a.cpp");
  EXPECT_EQ(Same.status, 0) << Same.out << Same.err;
  EXPECT_EQ(Same.out, "");
  EXPECT_TRUE(contains(Same.err, "0 suppressed, 2 in the baseline")) << Same.err;

  // Unrelated edits move the cycle: still the same finding.
  write("a.cpp", "// a new header comment\n\n\n" + personCar());
  EXPECT_EQ(lc("--baseline=base.json a.cpp").status, 0);

  // A new cycle is reported, alone, and fails the gate.
  write("b.cpp", SecondCycle);
  Outcome New = lc("--baseline=base.json --format=json a.cpp b.cpp");
  EXPECT_EQ(New.status, 1);
  EXPECT_EQ(symbols(New.out), (std::vector<std::string>{"Tree::leaf", "Leaf::tree"}));
  EXPECT_EQ(stat(New.out, "baselined"), 2);

  // --write-baseline with --baseline writes every current finding: the new baseline.
  EXPECT_EQ(lc("--baseline=base.json --write-baseline=base2.json a.cpp b.cpp").status, 1);
  EXPECT_EQ(symbols(slurp(Dir / "base2.json")).size(), 4u);
  EXPECT_EQ(lc("--baseline=base2.json a.cpp b.cpp").status, 0);
}

TEST_F(CliGate, WritesThroughLinksAndPipesWithoutReplacingThem) {
  write("a.cpp", personCar());
  write("real.json", "");
  fs::create_symlink("real.json", Dir / "link.json");
  ASSERT_EQ(run("mkfifo pipe").status, 0);
  // A reader for the pipe; it would wait for ever (here: 60 s) if leakcheck replaced it.
  Outcome R = run("{ timeout 60 cat pipe > piped.json & } && '" LEAKCHECK_BINARY
                  "' --output=link.json --write-baseline=pipe a.cpp; status=$?; wait; "
                  "exit $status");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(fs::is_symlink(Dir / "link.json"));
  EXPECT_TRUE(fs::is_fifo(Dir / "pipe"));
  EXPECT_TRUE(contains(slurp(Dir / "real.json"), "Person::cars"));
  EXPECT_EQ(symbols(slurp(Dir / "piped.json")),
            (std::vector<std::string>{"Person::cars", "Car::owner"}));
}

TEST_F(CliGate, BadBaselineIsExitTwo) {
  write("a.cpp", personCar());
  write("bad.json", "[1, 2]");
  Outcome R = lc("--baseline=bad.json a.cpp");
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "bad.json: the baseline is not a leakcheck JSON report")) << R.err;
  EXPECT_EQ(R.out, "");
  EXPECT_EQ(lc("--baseline=none.json a.cpp").status, 2);
}

TEST_F(CliGate, ExitStatusOfEveryOutcome) {
  write("a.cpp", personCar());
  write("clean.cpp", "#include <memory>\nstruct A { std::weak_ptr<A> self; };\n");
  write("broken.cpp", "int f() { return undeclared; }\n");
  EXPECT_EQ(lc("clean.cpp").status, 0) << "no finding";
  EXPECT_EQ(lc("a.cpp").status, 1) << "findings";
  EXPECT_EQ(lc("--fail-on=none a.cpp").status, 0) << "findings, --fail-on=none";
  EXPECT_EQ(lc("--format=sarif a.cpp").status, 1) << "findings, any format";
  EXPECT_EQ(lc("--format=yaml a.cpp").status, 2) << "usage";
  EXPECT_EQ(lc("broken.cpp").status, 2) << "does not compile";
  EXPECT_EQ(lc("missing.cpp").status, 2) << "no such file";
  EXPECT_EQ(lc("--output=no/such/dir/r.json a.cpp").status, 2) << "cannot write the report";
  EXPECT_EQ(lc("--write-baseline=no/such/dir/b.json a.cpp").status, 2) << "cannot write the baseline";
  EXPECT_EQ(lc("--list-checks").status, 0);
}

class Progress : public LeakcheckTest {
protected:
  std::string fiveFiles() {
    std::string Files;
    for (int I = 0; I < 5; ++I)
      Files += " " + write("tu" + std::to_string(I) + ".cpp", "struct S" + std::to_string(I) + " {};\n").string();
    return Files;
  }
};

TEST_F(Progress, NothingWhenStderrIsNotATerminal) {
  Outcome R = leakcheck("-j 1" + fiveFiles(), Dir);
  EXPECT_EQ(R.status, 0);
  EXPECT_EQ(R.err, "");
}

TEST_F(Progress, OneLineOnATerminal) {
  if (run("command -v script").status != 0)
    GTEST_SKIP() << "script (util-linux) is not installed";
  // script gives leakcheck a terminal for stdout and stderr; the report goes to a file.
  // (script needs a standard input, which CI may not have: /dev/null.)
  std::string Files = fiveFiles();
  Outcome R = run("script -qec \"'" LEAKCHECK_BINARY "' -j 1 --output=r.txt" + Files +
                  "\" /dev/null < /dev/null");
  EXPECT_EQ(R.status, 0) << R.out << R.err;
  for (int I = 1; I <= 5; ++I)
    EXPECT_TRUE(contains(R.out, "[" + std::to_string(I) + "/5] ")) << R.out;
  EXPECT_TRUE(contains(R.out, "tu4.cpp")) << R.out;
  // Three files are too few to bother.
  Outcome Few = run("script -qec \"'" LEAKCHECK_BINARY "' -j 1 --output=r.txt " +
                    (Dir / "tu0.cpp").string() + " " + (Dir / "tu1.cpp").string() + " " +
                    (Dir / "tu2.cpp").string() + "\" /dev/null < /dev/null");
  EXPECT_FALSE(contains(Few.out, "[1/3]")) << Few.out;
}

} // namespace
} // namespace leakcheck::test

// What a new user meets around the analysis: --version, where the builtin headers come
// from, colours, the per-check documentation, and the Graphviz pictures.
#include "RunCommand.h"

#include "analyses/Check.h"
#include "reporting/CheckDocs.h"
#include "reporting/Report.h"
#include "ResourceDir.h"

#include <sys/stat.h>

namespace leakcheck::test {
namespace {

// A cycle (Person <-> Car, linked in main) and a record on no cycle (Garage owns Cars).
const char *PersonCar = R"(#include <memory>
#include <vector>
struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};
struct Car {
  std::shared_ptr<Person> owner;
};
struct Garage {
  std::vector<std::unique_ptr<Car>> parked;
};
int main() {
  auto ann = std::make_shared<Person>();
  auto car = std::make_shared<Car>();
  car->owner = ann;
  ann->cars.push_back(car);
}
)";

class Product : public LeakcheckTest {};

TEST_F(Product, VersionNamesTheLlvmItWasBuiltWith) {
  Outcome R = leakcheck("--version");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_TRUE(contains(R.out, "leakcheck " + std::string(leakcheckVersion()))) << R.out;
  EXPECT_TRUE(contains(R.out, "built with LLVM 19.")) << R.out;
}

TEST_F(Product, PrintsTheResourceDirItParsesWith) {
  Outcome R = leakcheck("--print-resource-dir");
  ASSERT_EQ(R.status, 0) << R.err;
  std::string Dir = R.out.substr(0, R.out.find('\n'));
  EXPECT_TRUE(fs::exists(fs::path(Dir) / "include" / "stddef.h")) << Dir;
}

// The lookup order of ResourceDir.h, on directories made up for the test.
TEST_F(Product, ResourceDirIsLookedUpNextToTheExecutableFirst) {
  write("prefix/lib/clang/19/include/stddef.h", "");
  write("configured/include/stddef.h", "");
  write("asked/include/stddef.h", "");
  fs::path FakeClang = write("bin/fake-clang", "#!/bin/sh\necho '" + (Dir / "asked").string() + "'\n");
  fs::permissions(FakeClang, fs::perms::owner_all);

  ResourceDirSearch S;
  S.major = "19";
  S.executable = (Dir / "prefix/bin/leakcheck").string();
  S.configured = (Dir / "configured").string();
  S.clangProgram = FakeClang.string();
  EXPECT_EQ(findResourceDir(S), (Dir / "prefix/lib/clang/19").string());
  // An install elsewhere: the configure-time directory.
  S.executable = (Dir / "elsewhere/bin/leakcheck").string();
  EXPECT_EQ(findResourceDir(S), (Dir / "configured").string());
  // That one gone too (another machine): ask clang.
  S.configured = (Dir / "gone").string();
  std::vector<std::string> Tried;
  EXPECT_EQ(findResourceDir(S, &Tried), (Dir / "asked").string());
  EXPECT_EQ(Tried.size(), 3u);
  // Nothing anywhere: "", and where it looked.
  S.clangProgram = "leakcheck-no-such-clang";
  Tried.clear();
  EXPECT_EQ(findResourceDir(S, &Tried), "");
  ASSERT_EQ(Tried.size(), 3u);
  EXPECT_TRUE(contains(Tried[2], "leakcheck-no-such-clang -print-resource-dir")) << Tried[2];
}

TEST_F(Product, ColorAlwaysNeverAndNoColor) {
  write("pc.cpp", PersonCar);
  Outcome Always = leakcheck("--color=always pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(Always.status, 1) << Always.err;
  EXPECT_TRUE(contains(Always.out, "\x1b[")) << Always.out;
  EXPECT_TRUE(contains(Always.out, "\x1b[0;1;35mwarning: ")) << "clang's bold magenta warning";
  Outcome Never = leakcheck("--color=never pc.cpp -- -std=c++17", Dir);
  EXPECT_FALSE(contains(Never.out, "\x1b[")) << Never.out;
  // Not a terminal: auto writes none.
  Outcome Auto = leakcheck("pc.cpp -- -std=c++17", Dir);
  EXPECT_FALSE(contains(Auto.out, "\x1b["));
  EXPECT_EQ(Auto.out, Never.out);
  // On a terminal (script from util-linux): colours, unless NO_COLOR is set.
  Outcome Tty = run("script -qec \"'" LEAKCHECK_BINARY "' pc.cpp -- -std=c++17\" /dev/null");
  EXPECT_TRUE(contains(Tty.out, "\x1b[0;1;35mwarning: ")) << Tty.out;
  Outcome NoColor =
      run("NO_COLOR=1 script -qec \"'" LEAKCHECK_BINARY "' pc.cpp -- -std=c++17\" /dev/null");
  EXPECT_TRUE(contains(NoColor.out, "warning: ")) << NoColor.out;
  EXPECT_FALSE(contains(NoColor.out, "\x1b[0;1;35m")) << NoColor.out;
  // --color=always wins over NO_COLOR (no-color.org: a command-line flag overrides it).
  Outcome Forced = run("NO_COLOR=1 '" LEAKCHECK_BINARY "' --color=always pc.cpp -- -std=c++17");
  EXPECT_TRUE(contains(Forced.out, "\x1b[0;1;35mwarning: "));
  Outcome Bad = leakcheck("--color=sometimes pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(Bad.status, 2);
  EXPECT_TRUE(contains(Bad.err, "unknown --color 'sometimes' (expected auto, always or never)"))
      << Bad.err;
}

TEST_F(Product, CaretsLineUpAfterWideCharacters) {
  write("wide.cpp", "#include <memory>\nstruct Car;\nstruct Person {\n"
                    "  /* Größe */ std::shared_ptr<Car> car;\n};\nstruct Car {\n"
                    "  /* 😀 */ std::shared_ptr<Person> owner;\n};\n");
  Outcome R = leakcheck("--checks=-*,leakcheck-missing-weak-backref wide.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  // An emoji is two columns wide on a terminal: the caret is under `std`.
  EXPECT_TRUE(contains(R.out, "  /* 😀 */ std::shared_ptr<Person> owner;\n"
                              "      |            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"))
      << R.out;
}

TEST_F(Product, ListChecksNamesEachChecksPage) {
  Outcome R = leakcheck("--list-checks");
  EXPECT_EQ(R.status, 0) << R.err;
  for (const CheckInfo &C : allChecks()) {
    std::string Page = std::string(LEAKCHECK_SOURCE_DIR) + "/checks/docs/" + C.name + ".md";
    EXPECT_TRUE(contains(R.out, "    documentation: " + Page + "\n")) << R.out;
    EXPECT_TRUE(fs::exists(Page)) << Page;
  }
}

// The option tables of the check pages are the declared options (model/CheckOptions.cpp).
TEST(CheckDocs, OptionTablesMatchTheDeclaredOptions) {
  const std::string Begin = "<!-- options: generated from checks/model/CheckOptions.cpp;";
  const std::string End = "<!-- end options -->";
  for (const CheckInfo &C : allChecks()) {
    std::string Page = slurp(std::string(LEAKCHECK_SOURCE_DIR) + "/checks/docs/" + C.name + ".md");
    ASSERT_FALSE(Page.empty()) << C.name << ": no page checks/docs/" << C.name << ".md";
    size_t B = Page.find(Begin), E = Page.find(End);
    ASSERT_NE(B, std::string::npos) << C.name << ": no options table marker";
    ASSERT_NE(E, std::string::npos) << C.name << ": no end of options marker";
    B = Page.find('\n', B) + 1;
    EXPECT_EQ(Page.substr(B, E - B), optionsTableMarkdown(C.name))
        << "checks/docs/" << C.name << ".md: its options table must read:\n"
        << optionsTableMarkdown(C.name);
    // The compiled-in page (SARIF help) is the file's text.
    EXPECT_EQ(std::string(checkDocMarkdown(C.name)), Page)
        << "rebuild: the embedded page is stale";
    for (const char *Section : {"## Why it leaks", "## Example", "## Options", "## Known limits"})
      EXPECT_TRUE(contains(Page, Section)) << C.name << " lacks " << Section;
  }
}

TEST(CheckDocs, ReadmeLinksEveryPage) {
  std::string Readme = slurp(std::string(LEAKCHECK_SOURCE_DIR) + "/README.md");
  for (const CheckInfo &C : allChecks())
    EXPECT_TRUE(contains(Readme, "(checks/docs/" + C.name + ".md)")) << C.name;
}

TEST_F(Product, DotFormatDrawsEachCycleWithTheBackReferenceDashed) {
  write("pc.cpp", PersonCar);
  Outcome R = leakcheck("--format=dot pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(contains(R.out, "digraph leakcheck_cycles {")) << R.out;
  EXPECT_TRUE(contains(R.out, "subgraph cluster_1 {")) << R.out;
  EXPECT_TRUE(contains(R.out, "\"c1_Person\" -> \"c1_Car\" [label=\"cars\"")) << R.out;
  EXPECT_TRUE(contains(R.out, "\"c1_Car\" -> \"c1_Person\" [label=\"owner\", tooltip=\"Car::owner "
                              "at pc.cpp:8\", style=dashed"))
      << R.out;
  EXPECT_FALSE(contains(R.out, "Garage")) << "only the reported cycles";
  // It renders (Debian's graphviz).
  write("cycles.dot", R.out);
  Outcome Svg = run("dot -Tsvg cycles.dot -o cycles.svg");
  ASSERT_EQ(Svg.status, 0) << Svg.err;
  std::string Picture = slurp(Dir / "cycles.svg");
  EXPECT_TRUE(contains(Picture, "<svg")) << Picture;
  EXPECT_TRUE(contains(Picture, ">owner</text>")) << Picture;
  EXPECT_TRUE(contains(Picture, "stroke-dasharray")) << "the dashed back-reference";
}

TEST_F(Product, GraphBesideAnotherFormatAndGraphAll) {
  write("pc.cpp", PersonCar);
  Outcome R = leakcheck("--format=json --graph=g.dot pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(contains(R.out, "\"findings\"")) << R.out;
  std::string Graph = slurp(Dir / "g.dot");
  EXPECT_TRUE(contains(Graph, "digraph leakcheck_cycles {")) << Graph;
  // Every record of the program, the cycle's edges red, the back-reference dashed.
  R = leakcheck("--format=dot --graph-all pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(contains(R.out, "digraph leakcheck_program {")) << R.out;
  EXPECT_TRUE(contains(R.out, "\"Garage\" -> \"Car\" [label=\"parked (unique_ptr)\"")) << R.out;
  EXPECT_TRUE(contains(R.out, "\"Car\" -> \"Person\" [label=\"owner\", tooltip=\"Car::owner at "
                              "pc.cpp:8\", color=\"#c0392b\", fontcolor=\"#c0392b\", "
                              "penwidth=1.6, style=dashed]"))
      << R.out;
  write("all.dot", R.out);
  EXPECT_EQ(run("dot -Tsvg all.dot -o all.svg").status, 0);
  // No finding: a valid empty graph.
  write("weak.cpp", "#include <memory>\nstruct A;\nstruct B { std::weak_ptr<A> a; };\n"
                    "struct A { std::shared_ptr<B> b; };\n");
  R = leakcheck("--format=dot weak.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 0) << R.err;
  write("empty.dot", R.out);
  EXPECT_EQ(run("dot -Tsvg empty.dot -o empty.svg").status, 0) << R.out;
}

TEST_F(Product, BadPictureAndSrcrootOptionsAreUsageErrors) {
  write("pc.cpp", PersonCar);
  Outcome R = leakcheck("--graph-all pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "--graph-all needs --format=dot or --graph=<file>")) << R.err;
  R = leakcheck("--format=svg pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "expected text, json, sarif or dot")) << R.err;
  R = leakcheck("--format=sarif --srcroot=no/such/dir pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "--srcroot: 'no/such/dir' is not a directory")) << R.err;
  R = leakcheck("--graph=no/such/dir/g.dot pc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2);
  EXPECT_TRUE(contains(R.err, "cannot write 'no/such/dir/g.dot'")) << R.err;
}

} // namespace
} // namespace leakcheck::test

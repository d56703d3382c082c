// Never a silent "clean": what a run says when it could not analyse everything. A TU that
// does not compile never overrides one that did, a run that analysed nothing fails, the
// report names what was not analysed (text, JSON, SARIF), a missing header is named with
// the records it cost, and a check never claims more than it saw.
#include "RunCommand.h"

#include "llvm/Support/JSON.h"

namespace leakcheck::test {
namespace {

class IncompleteCode : public LeakcheckTest {
protected:
  void writePersonCar() {
    write("person.h", "#pragma once\n#include <memory>\n#include <vector>\nstruct Car;\n"
                      "struct Person {\n  std::vector<std::shared_ptr<Car>> cars;\n};\n");
    // car.h uses Person without including person.h.
    write("car.h", "#pragma once\n#include <memory>\nstruct Car {\n"
                   "  std::shared_ptr<Person> owner;\n};\n");
    write("good.cpp", "#include \"person.h\"\n#include \"car.h\"\n");
    write("broken.cpp", "#include \"car.h\"\n");
  }
  llvm::json::Object json(const Outcome &R) {
    auto Doc = llvm::json::parse(R.out);
    if (!Doc) {
      ADD_FAILURE() << llvm::toString(Doc.takeError()) << R.out << R.err;
      return {};
    }
    return std::move(*Doc->getAsObject());
  }
};

// Measured on 0.1.0: "good.cpp broken.cpp" reported the cycle and "broken.cpp good.cpp"
// nothing, the broken TU's Car (without its owner) replacing the good TU's.
TEST_F(IncompleteCode, ABrokenTuNeverOverridesOneThatCompiled) {
  writePersonCar();
  for (const char *Order : {"good.cpp broken.cpp", "broken.cpp good.cpp"}) {
    Outcome R = leakcheck(std::string("--keep-going ") + Order + " -- -std=c++17", Dir);
    EXPECT_EQ(R.status, 1) << Order << "\n" << R.err;
    EXPECT_TRUE(contains(R.out, "warning: strong shared_ptr cycle Car::owner -> Person::cars -> "
                                "Car [leakcheck-shared-ptr-cycle]"))
        << Order << "\n" << R.out << R.err;
    EXPECT_FALSE(contains(R.out, "partial facts")) << "Car is known from good.cpp\n" << R.out;
    EXPECT_TRUE(contains(R.out, "leakcheck: analysed 1 of 2 translation units; 1 did not "
                                "compile: broken.cpp (first error: car.h:4:19: use of "
                                "undeclared identifier 'Person')"))
        << R.out;
  }
  // Without --keep-going it is an error, as ever.
  Outcome Strict = leakcheck("good.cpp broken.cpp -- -std=c++17", Dir);
  EXPECT_EQ(Strict.status, 2);
  EXPECT_EQ(Strict.out, "");
}

// Measured on 0.1.0: two broken TUs gave exit 1 with a finding while the run said that 0
// translation units were analysed.
TEST_F(IncompleteCode, NothingAnalysedIsAnErrorWithNoReport) {
  write("a.cpp", "#include <memory>\nstruct A { std::shared_ptr<struct B> b; };\n"
                 "struct B { std::shared_ptr<A> a; };\nint f() { return nope; }\n");
  write("b.cpp", "int g() { return nope; }\n");
  Outcome R = leakcheck("--keep-going --format=json a.cpp b.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2) << R.err;
  EXPECT_EQ(R.out, "");
  EXPECT_TRUE(contains(R.err, "leakcheck: error: no translation unit could be analysed")) << R.err;
  EXPECT_TRUE(contains(R.err, "leakcheck: no report written")) << R.err;
}

TEST_F(IncompleteCode, EveryFileExcludedIsAnError) {
  write(".leakcheck.yaml", "Exclude: ['*.cpp']\n");
  write("a.cpp", "int x;\n");
  Outcome R = leakcheck("a.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 2) << R.err;
  EXPECT_TRUE(contains(R.err, "nothing analysed: every file is excluded")) << R.err;
  EXPECT_EQ(R.out, "");
}

// A missing third-party header: the parse goes on past it, the declarations that do not
// need it are read (marked partial), and the report names the header and the records that
// could not be analysed.
TEST_F(IncompleteCode, MissingHeaderIsNamedWithTheRecordsItCost) {
  write("doc.cpp", "#include \"third_party/widget.h\"\n#include <memory>\n#include <vector>\n"
                   "struct Gadget {\n  Widget w;\n  std::shared_ptr<Gadget> self;\n};\n"
                   "struct Page;\nstruct Doc {\n  std::vector<std::shared_ptr<Page>> pages;\n};\n"
                   "struct Page {\n  std::shared_ptr<Doc> doc;\n};\n");
  write("main.cpp", "int main() {}\n");
  Outcome R = leakcheck("--keep-going --format=json main.cpp doc.cpp -- -std=c++17", Dir);
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_TRUE(contains(R.err, "doc.cpp: does not compile (2 errors); missing header "
                              "third_party/widget.h; only its declarations that parsed are used"))
      << R.err;
  llvm::json::Object Top = json(R);
  const llvm::json::Array *Skipped = Top.getObject("stats")->getArray("skipped");
  ASSERT_TRUE(Skipped && Skipped->size() == 1) << R.out;
  const llvm::json::Object &U = *(*Skipped)[0].getAsObject();
  EXPECT_EQ(U.getString("file"), "doc.cpp");
  EXPECT_EQ(U.getString("error"), "doc.cpp:1:10: 'third_party/widget.h' file not found");
  EXPECT_EQ(*U.getArray("missing_headers"), llvm::json::Array{"third_party/widget.h"});
  EXPECT_EQ(*U.getArray("records_not_analysed"), llvm::json::Array{"Gadget"});
  // The cycle after the missing include is found, and says what it rests on.
  EXPECT_TRUE(contains(R.out, "strong shared_ptr cycle Doc::pages -> Page::doc -> Doc")) << R.out;
  EXPECT_TRUE(contains(R.out, "'Doc' is known only from translation units that do not compile "
                              "(doc.cpp): this finding rests on their partial facts"))
      << R.out;
  EXPECT_FALSE(contains(R.out, "Gadget::self")) << "Clang could not read Gadget\n" << R.out;
  EXPECT_EQ(*Top.getObject("stats")->getInteger("translation_units"), 1);
}

TEST_F(IncompleteCode, JsonAndSarifSayWhatWasNotAnalysed) {
  writePersonCar();
  Outcome Clean = leakcheck("--format=sarif good.cpp -- -std=c++17", Dir);
  llvm::json::Object Log = json(Clean);
  const llvm::json::Object &Run = *(*Log.getArray("runs"))[0].getAsObject();
  const llvm::json::Object &Inv = *(*Run.getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Inv.getBoolean("executionSuccessful"), true) << Clean.out;
  EXPECT_FALSE(Inv.get("toolExecutionNotifications"));

  Outcome Partial = leakcheck("--format=sarif --keep-going good.cpp broken.cpp -- -std=c++17", Dir);
  Log = json(Partial);
  const llvm::json::Object &Run2 = *(*Log.getArray("runs"))[0].getAsObject();
  const llvm::json::Object &Inv2 = *(*Run2.getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Inv2.getBoolean("executionSuccessful"), false) << Partial.out;
  const llvm::json::Array *Notes = Inv2.getArray("toolExecutionNotifications");
  ASSERT_TRUE(Notes && Notes->size() == 1) << Partial.out;
  std::string Text(*(*Notes)[0].getAsObject()->getObject("message")->getString("text"));
  EXPECT_EQ(Text, "broken.cpp did not compile and was analysed only partially: car.h:4:19: use "
                  "of undeclared identifier 'Person'");

  Outcome Json = leakcheck("--format=json --keep-going good.cpp broken.cpp -- -std=c++17", Dir);
  llvm::json::Object Top = json(Json);
  const llvm::json::Object &Stats = *Top.getObject("stats");
  EXPECT_EQ(Stats.getInteger("translation_units"), 1);
  EXPECT_EQ(Stats.getBoolean("whole_program"), false);
  ASSERT_EQ(Stats.getArray("skipped")->size(), 1u);
  Outcome All = leakcheck("--format=json good.cpp -- -std=c++17", Dir);
  EXPECT_EQ(json(All).getObject("stats")->getArray("skipped")->size(), 0u);
  EXPECT_EQ(json(All).getObject("stats")->getBoolean("whole_program"), true);
}

// Only part of the program: the cache check says "in the analysed files", never "in the
// program".
TEST_F(IncompleteCode, PartialRunsClaimOnlyWhatTheySaw) {
  write("cache.h", "#pragma once\n#include <vector>\nextern std::vector<int> g_seen;\n");
  write("grow.cpp", "#include \"cache.h\"\nstd::vector<int> g_seen;\nvoid see(int i) { "
                    "g_seen.push_back(i); }\n");
  write("other.cpp", "#include \"cache.h\"\nint size() { return int(g_seen.size()); }\n");
  writeCompileCommands("build", {"grow.cpp", "other.cpp"}, "g++ -std=c++17");
  Outcome One = leakcheck("-p build grow.cpp", Dir);
  EXPECT_EQ(One.status, 1) << One.err;
  EXPECT_TRUE(contains(One.out, "but nothing in the analysed files erases, clears or pops it"))
      << One.out;
  Outcome Whole = leakcheck("-p build", Dir);
  EXPECT_EQ(Whole.status, 1) << Whole.err;
  EXPECT_TRUE(contains(Whole.out, "but nothing in the program erases, clears or pops it"))
      << Whole.out;
  Outcome Given = leakcheck("grow.cpp other.cpp -- -std=c++17", Dir);
  EXPECT_TRUE(contains(Given.out, "but nothing in the program erases")) << Given.out;
}

} // namespace
} // namespace leakcheck::test

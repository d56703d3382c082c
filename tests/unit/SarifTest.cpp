// SARIF 2.1.0: every report validates against the official schema (tests/sarif), and
// carries rules, locations, related locations for each cycle edge, fixes, fingerprints.
#include "reporting/Report.h"
#include "RunCommand.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include "llvm/Support/FormatVariadic.h"

#include <functional>
#include <gtest/gtest.h>

namespace leakcheck::test {
namespace {

class Sarif : public LeakcheckTest {
protected:
  // Validates File against the SARIF 2.1.0 schema; "" when valid, else the validator's words.
  std::string schemaErrors(const fs::path &File) {
    Outcome R = run("'" LEAKCHECK_PYTHON "' '" LEAKCHECK_SOURCE_DIR
                    "/tests/sarif/validate_sarif.py' '" + File.string() + "'");
    return R.status == 0 ? "" : R.out + R.err + " (exit " + std::to_string(R.status) + ")";
  }
  llvm::json::Value parse(const std::string &Text) {
    auto V = llvm::json::parse(Text);
    if (!V) {
      ADD_FAILURE() << llvm::toString(V.takeError()) << "\n" << Text;
      return nullptr;
    }
    return std::move(*V);
  }
};

std::vector<Finding> syntheticFindings() {
  Finding Cycle;
  Cycle.check = "leakcheck-shared-ptr-cycle";
  Cycle.loc = {"src/person.h", 12, 3};
  Cycle.symbol = "Person::cars";
  Cycle.message = "strong shared_ptr cycle Person::cars -> Car::owner -> Person";
  Cycle.cycle = {{"Person", "cars", {"src/person.h", 12, 3}, "Car", OwnKind::Shared},
                 {"Car", "owner", {"/abs dir/car#1.h", 7, 3}, "Person", OwnKind::Shared}};
  Cycle.notes = {{{"/abs dir/car#1.h", 7, 3}, "'Car::owner' owns 'Person', closing the cycle"},
                 {{"src/person.cpp", 30, 12}, "the program links them here"}};
  Finding Backref;
  Backref.check = "leakcheck-missing-weak-backref";
  Backref.loc = {"/abs dir/car#1.h", 7, 3};
  Backref.symbol = "Car::owner";
  Backref.message = "'Car::owner' points back to its owner: make it std::weak_ptr";
  Backref.fix = FixIt{{"/abs dir/car#1.h", 7, 3}, 30, "std::weak_ptr<Person> owner"};
  Finding Cache;
  Cache.check = "leakcheck-unbounded-static-cache";
  Cache.loc = {"src/intern.cpp", 5, 0};
  Cache.symbol = "intern()::pool";
  Cache.message = "static cache 'intern()::pool' grows and is never evicted";
  return {Cycle, Backref, Cache};
}

TEST_F(Sarif, SyntheticReportValidatesAndCarriesEverything) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeSarifReport(OS, syntheticFindings(), {"leakcheck-shared-ptr-cycle"}, ReportStats());
  OS.flush();
  fs::path File = write("report.sarif", Text);
  EXPECT_EQ(schemaErrors(File), "");

  llvm::json::Value Log = parse(Text);
  const llvm::json::Object &Top = *Log.getAsObject();
  EXPECT_EQ(Top.getString("version"), "2.1.0");
  const llvm::json::Object &Run = *(*Top.getArray("runs"))[0].getAsObject();
  const llvm::json::Object &Driver = *Run.getObject("tool")->getObject("driver");
  EXPECT_EQ(Driver.getString("name"), "leakcheck");
  const llvm::json::Array &Rules = *Driver.getArray("rules");
  ASSERT_EQ(Rules.size(), 3u) << "the listed rule, then one per other check that reported";
  EXPECT_EQ(Rules[0].getAsObject()->getString("id"), "leakcheck-shared-ptr-cycle");
  EXPECT_EQ(Rules[0].getAsObject()->getString("name"), "SharedPtrCycle");
  EXPECT_EQ(Rules[0].getAsObject()->getObject("defaultConfiguration")->getString("level"),
            "warning");
  EXPECT_TRUE(contains(Rules[0].getAsObject()->getObject("help")->getString("text")->str(),
                       "// NOLINT(leakcheck-shared-ptr-cycle)"));
  EXPECT_EQ(Rules[1].getAsObject()->getString("id"), "leakcheck-missing-weak-backref");

  const llvm::json::Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 3u);
  const llvm::json::Object &R0 = *Results[0].getAsObject();
  EXPECT_EQ(R0.getString("ruleId"), "leakcheck-shared-ptr-cycle");
  EXPECT_EQ(R0.getInteger("ruleIndex"), 0);
  EXPECT_EQ(R0.getString("level"), "warning");
  const llvm::json::Object &Loc =
      *(*R0.getArray("locations"))[0].getAsObject()->getObject("physicalLocation");
  EXPECT_EQ(Loc.getObject("artifactLocation")->getString("uri"), "src/person.h");
  EXPECT_EQ(Loc.getObject("artifactLocation")->getString("uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(Loc.getObject("region")->getInteger("startLine"), 12);
  EXPECT_EQ(Loc.getObject("region")->getInteger("startColumn"), 3);
  // One related location per edge (the edge's note explains it), then the other notes.
  const llvm::json::Array &Related = *R0.getArray("relatedLocations");
  ASSERT_EQ(Related.size(), 3u);
  const llvm::json::Object &Edge1 = *Related[1].getAsObject();
  EXPECT_EQ(Edge1.getInteger("id"), 1);
  EXPECT_EQ(Edge1.getObject("message")->getString("text"),
            "'Car::owner' owns 'Person', closing the cycle.")
      << "SARIF messages are sentences (they end with a period)";
  EXPECT_EQ(Edge1.getObject("physicalLocation")->getObject("artifactLocation")->getString("uri"),
            "file:///abs%20dir/car%231.h");
  EXPECT_EQ(Related[0].getAsObject()->getObject("message")->getString("text"),
            "'Person::cars' keeps 'Car' alive (shared).");
  EXPECT_EQ(Related[2].getAsObject()->getObject("message")->getString("text"),
            "the program links them here.");
  EXPECT_TRUE(R0.getObject("partialFingerprints")->getString("leakcheckIdentity/v1"));

  const llvm::json::Object &R1 = *Results[1].getAsObject();
  EXPECT_EQ(R1.getInteger("ruleIndex"), 1);
  const llvm::json::Object &Change =
      *(*(*R1.getArray("fixes"))[0].getAsObject()->getArray("artifactChanges"))[0].getAsObject();
  const llvm::json::Object &Replacement = *(*Change.getArray("replacements"))[0].getAsObject();
  EXPECT_EQ(Replacement.getObject("deletedRegion")->getInteger("startColumn"), 3);
  EXPECT_EQ(Replacement.getObject("deletedRegion")->getInteger("endColumn"), 33);
  EXPECT_EQ(Replacement.getObject("insertedContent")->getString("text"),
            "std::weak_ptr<Person> owner");
  EXPECT_FALSE(Results[2].getAsObject()->get("relatedLocations"));
}

TEST_F(Sarif, FingerprintsFollowTheFindingNotItsLine) {
  std::vector<Finding> A = syntheticFindings(), B = syntheticFindings();
  B[0].loc.line = B[0].cycle[0].loc.line = 80;
  auto Fingerprints = [&](const std::vector<Finding> &F) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    writeSarifReport(OS, F, {}, ReportStats());
    OS.flush();
    llvm::json::Value Log = parse(Text);
    std::vector<std::string> Out;
    for (const llvm::json::Value &R :
         *(*Log.getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results"))
      Out.push_back(
          R.getAsObject()->getObject("partialFingerprints")->getString("leakcheckIdentity/v1")->str());
    return Out;
  };
  std::vector<std::string> FA = Fingerprints(A), FB = Fingerprints(B);
  EXPECT_EQ(FA, FB);
  EXPECT_NE(FA[0], FA[1]);
}

TEST_F(Sarif, CliReportOnEveryCycleInputValidates) {
  fs::path Out = Dir / "cli.sarif";
  std::string Files;
  for (const char *F : {"person_car.cpp", "callback_shared_from_this.cpp", "three_records.cpp",
                        "xtu_stage/layer.cpp", "xtu_stage/stage.cpp", "person_car_weak.cpp"})
    Files += " " + input(F);
  Outcome R = leakcheck("--format=sarif --output=" + Out.string() + Files + " -- -std=c++17");
  EXPECT_EQ(R.status, 1) << R.err;
  EXPECT_EQ(schemaErrors(Out), "");
  llvm::json::Value Log = parse(slurp(Out));
  const llvm::json::Object &Run = *(*Log.getAsObject()->getArray("runs"))[0].getAsObject();
  EXPECT_GE(Run.getArray("results")->size(), 3u);
  const llvm::json::Array &Rules = *Run.getObject("tool")->getObject("driver")->getArray("rules");
  EXPECT_GE(Rules.size(), 1u) << "one rule per enabled check";
  for (const llvm::json::Value &Result : *Run.getArray("results")) {
    const llvm::json::Object &Res = *Result.getAsObject();
    if (Res.getString("ruleId") != "leakcheck-shared-ptr-cycle")
      continue;
    ASSERT_TRUE(Res.getArray("relatedLocations")) << "a cycle's edges";
    EXPECT_GE(Res.getArray("relatedLocations")->size(), 1u) << "a cycle's edges";
  }
}

TEST_F(Sarif, NoFindingIsAValidEmptyRun) {
  fs::path Out = Dir / "empty.sarif";
  Outcome R = leakcheck("--format=sarif --output=" + Out.string() + " " +
                        input("person_car_weak.cpp") + " -- -std=c++17");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_EQ(schemaErrors(Out), "");
}

TEST_F(Sarif, ValidatorRejectsWhatTheSchemaForbids) {
  fs::path Bad = write("bad.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})");
  EXPECT_TRUE(contains(schemaErrors(Bad), "'name' is a required property")) << schemaErrors(Bad);
}


// A cycle whose declarations follow non-ASCII text on their lines (2-byte and 4-byte UTF-8),
// linked in main.
const char *WideInput = "#include <memory>\n#include <vector>\nstruct Car;\nstruct Person {\n"
                        "  /* Größe 😀 */ std::vector<std::shared_ptr<Car>> cars;\n};\n"
                        "struct Car {\n  /* Größe 😀 */ std::shared_ptr<Person> owner;\n};\n"
                        "int main() {\n  auto ann = std::make_shared<Person>();\n"
                        "  auto car = std::make_shared<Car>();\n  car->owner = ann;\n"
                        "  ann->cars.push_back(car);\n}\n";

const llvm::json::Object &firstRun(const llvm::json::Value &Log) {
  return *(*Log.getAsObject()->getArray("runs"))[0].getAsObject();
}

// Replaces [StartColumn, EndColumn) of Line, counted in UTF-16 code units, by Text.
std::string applyUtf16(const std::string &Line, int64_t StartColumn, int64_t EndColumn,
                       const std::string &Text) {
  llvm::SmallVector<llvm::UTF16, 64> Units;
  EXPECT_TRUE(llvm::convertUTF8ToUTF16String(Line, Units));
  std::string Before, After;
  llvm::ArrayRef<llvm::UTF16> All(Units);
  llvm::convertUTF16ToUTF8String(All.take_front(StartColumn - 1), Before);
  llvm::convertUTF16ToUTF8String(All.drop_front(EndColumn - 1), After);
  return Before + Text + After;
}

TEST_F(Sarif, ColumnsAreUtf16CodeUnitsAndRegionsHaveAnEnd) {
  write("wide.cpp", WideInput);
  Outcome R = leakcheck("--format=sarif --output=wide.sarif wide.cpp -- -std=c++17", Dir);
  ASSERT_EQ(R.status, 1) << R.err;
  EXPECT_EQ(schemaErrors(Dir / "wide.sarif"), "");
  llvm::json::Value Log = parse(slurp(Dir / "wide.sarif"));
  const llvm::json::Object &Run = firstRun(Log);
  EXPECT_EQ(Run.getString("columnKind"), "utf16CodeUnits");
  const llvm::json::Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 2u);
  // Byte column 22 (after "Größe", 2 bytes each for ö and ß, and a 4-byte emoji) is UTF-16
  // column 18 (the emoji is a surrogate pair): "  /* Größe 😀 */ " is 17 code units.
  const llvm::json::Object &Region = *(*Results[0].getAsObject()->getArray("locations"))[0]
                                          .getAsObject()->getObject("physicalLocation")
                                          ->getObject("region");
  EXPECT_EQ(Region.getInteger("startLine"), 5);
  EXPECT_EQ(Region.getInteger("startColumn"), 18);
  EXPECT_EQ(Region.getInteger("endLine"), 5);
  EXPECT_EQ(Region.getInteger("endColumn"), 18 + 39) << "the declaration, ';' included";
  EXPECT_EQ(Region.getObject("snippet")->getString("text"),
            "std::vector<std::shared_ptr<Car>> cars;");
  // Every region of the log has an end.
  std::function<void(const llvm::json::Value &)> Walk = [&](const llvm::json::Value &V) {
    if (const llvm::json::Object *O = V.getAsObject()) {
      for (const auto &[Key, Child] : *O) {
        if (Key == "region" || Key == "deletedRegion") {
          EXPECT_TRUE(Child.getAsObject()->getInteger("endLine")) << llvm::formatv("{0}", Child).str();
          EXPECT_TRUE(Child.getAsObject()->getInteger("endColumn")) << llvm::formatv("{0}", Child).str();
        }
        Walk(Child);
      }
    } else if (const llvm::json::Array *A = V.getAsArray()) {
      for (const llvm::json::Value &Child : *A)
        Walk(Child);
    }
  };
  Walk(Log);
  // The fix, applied in UTF-16 columns as a SARIF consumer does, gives the right line.
  const llvm::json::Object &Replacement =
      *(*(*(*Results[1].getAsObject()->getArray("fixes"))[0].getAsObject()
             ->getArray("artifactChanges"))[0].getAsObject()->getArray("replacements"))[0]
           .getAsObject();
  const llvm::json::Object &Deleted = *Replacement.getObject("deletedRegion");
  EXPECT_EQ(Deleted.getInteger("startLine"), 8);
  EXPECT_EQ(Deleted.getInteger("endLine"), 8);
  EXPECT_EQ(applyUtf16("  /* Größe 😀 */ std::shared_ptr<Person> owner;",
                       *Deleted.getInteger("startColumn"), *Deleted.getInteger("endColumn"),
                       Replacement.getObject("insertedContent")->getString("text")->str()),
            "  /* Größe 😀 */ std::weak_ptr<Person> owner;");
}

TEST_F(Sarif, CodeFlowStepsThroughTheCycleAndWhereItIsLinked) {
  write("wide.cpp", WideInput);
  Outcome R = leakcheck("--format=sarif --checks=-*,leakcheck-shared-ptr-cycle wide.cpp -- "
                        "-std=c++17", Dir);
  ASSERT_EQ(R.status, 1) << R.err;
  llvm::json::Value Log = parse(R.out);
  const llvm::json::Object &Result = *(*firstRun(Log).getArray("results"))[0].getAsObject();
  const llvm::json::Array *Flows = Result.getArray("codeFlows");
  ASSERT_TRUE(Flows && Flows->size() == 1) << "one codeFlow per cycle";
  const llvm::json::Array &Threads = *(*Flows)[0].getAsObject()->getArray("threadFlows");
  ASSERT_EQ(Threads.size(), 1u);
  const llvm::json::Array &Steps = *Threads[0].getAsObject()->getArray("locations");
  std::vector<std::string> Seen;
  for (const llvm::json::Value &Step : Steps) {
    const llvm::json::Object &L = *Step.getAsObject()->getObject("location");
    Seen.push_back(std::to_string(*L.getObject("physicalLocation")->getObject("region")
                                       ->getInteger("startLine")) +
                   ": " + L.getObject("message")->getString("text")->str());
  }
  EXPECT_EQ(Seen, (std::vector<std::string>{
                      "5: 'Person::cars' keeps 'Car' alive (shared).",
                      "14: 'Person::cars' is given its 'Car' here (in 'main').",
                      "8: 'Car::owner' keeps 'Person' alive (shared).",
                      "13: 'Car::owner' is given its 'Person' here (in 'main')."}));
  // The JSON report carries the same link sites.
  R = leakcheck("--format=json --checks=-*,leakcheck-shared-ptr-cycle wide.cpp -- -std=c++17", Dir);
  llvm::json::Value Json = parse(R.out);
  const llvm::json::Object &Edge =
      *(*(*Json.getAsObject()->getArray("findings"))[0].getAsObject()->getArray("cycle"))[0]
           .getAsObject();
  EXPECT_EQ(Edge.getObject("linked")->getInteger("line"), 14);
  EXPECT_EQ(Edge.getObject("linked")->getString("function"), "main");
}

TEST_F(Sarif, CallbackCycleFlowsThroughTheLambda) {
  Outcome R = leakcheck("--format=sarif --checks=-*,leakcheck-shared-ptr-cycle " +
                        input("callback_shared_from_this.cpp") + " -- -std=c++17");
  ASSERT_EQ(R.status, 1) << R.err;
  llvm::json::Value Log = parse(R.out);
  bool Lambda = false;
  for (const llvm::json::Value &Res : *firstRun(Log).getArray("results"))
    for (const llvm::json::Value &Step : *(*(*Res.getAsObject()->getArray("codeFlows"))[0]
                                              .getAsObject()->getArray("threadFlows"))[0]
                                             .getAsObject()->getArray("locations"))
      Lambda |= contains(Step.getAsObject()->getObject("location")->getObject("message")
                             ->getString("text")->str(),
                         "captures a strong pointer to");
  EXPECT_TRUE(Lambda) << R.out;
}

TEST_F(Sarif, UrisAreRelativeToTheSourceRoot) {
  write("repo/src/wide.cpp", WideInput);
  write("elsewhere/.keep", "");
  // --srcroot above the working directory: the URI is relative to it.
  Outcome R = leakcheck("--format=sarif --srcroot=.. wide.cpp -- -std=c++17", Dir / "repo/src");
  ASSERT_EQ(R.status, 1) << R.err;
  llvm::json::Value Log = parse(R.out);
  const llvm::json::Object &Run = firstRun(Log);
  EXPECT_EQ(Run.getObject("originalUriBaseIds")->getObject("%SRCROOT%")->getString("uri"),
            "file://" + (Dir / "repo").string() + "/");
  auto Uri = [](const llvm::json::Object &Run) {
    return (*(*Run.getArray("results"))[0].getAsObject()->getArray("locations"))[0]
        .getAsObject()->getObject("physicalLocation")->getObject("artifactLocation");
  };
  EXPECT_EQ(Uri(Run)->getString("uri"), "src/wide.cpp");
  EXPECT_EQ(Uri(Run)->getString("uriBaseId"), "%SRCROOT%");
  // Default: the working directory.
  R = leakcheck("--format=sarif wide.cpp -- -std=c++17", Dir / "repo/src");
  Log = parse(R.out);
  EXPECT_EQ(Uri(firstRun(Log))->getString("uri"), "wide.cpp");
  // A file outside the source root: an absolute file:// URI.
  R = leakcheck("--format=sarif --srcroot=" + (Dir / "elsewhere").string() + " wide.cpp -- -std=c++17",
                Dir / "repo/src");
  Log = parse(R.out);
  EXPECT_EQ(Uri(firstRun(Log))->getString("uri"), "file://" + (Dir / "repo/src/wide.cpp").string());
  EXPECT_FALSE(Uri(firstRun(Log))->get("uriBaseId"));
}

TEST_F(Sarif, RulesCarryTheirDocumentationPage) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeSarifReport(OS, {}, {"leakcheck-shared-ptr-cycle"}, ReportStats());
  OS.flush();
  llvm::json::Value Log = parse(Text);
  const llvm::json::Object &Driver = *firstRun(Log).getObject("tool")->getObject("driver");
  EXPECT_EQ(Driver.getString("informationUri"), "file://" LEAKCHECK_SOURCE_DIR "/README.md");
  const llvm::json::Object &Rule = *(*Driver.getArray("rules"))[0].getAsObject();
  EXPECT_EQ(Rule.getString("helpUri"),
            "file://" LEAKCHECK_SOURCE_DIR "/checks/docs/leakcheck-shared-ptr-cycle.md");
  EXPECT_TRUE(contains(Rule.getObject("help")->getString("markdown")->str(), "## Why it leaks"));
  EXPECT_TRUE(contains(Rule.getObject("help")->getString("text")->str(),
                       "Documentation: file://" LEAKCHECK_SOURCE_DIR "/checks/docs/"));
}

} // namespace
} // namespace leakcheck::test

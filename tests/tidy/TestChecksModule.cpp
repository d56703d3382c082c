// A clang-tidy module for the tests only, built into build/lib/libleakcheck-tidy-test.so
// together with the real plugin's objects. Its check, leakcheck-test-fixit, reports every
// shared_ptr field whose name starts with "fixme" with a fix-it that makes it a weak_ptr,
// through the plugin's own bridge (tool/TidyModule.h): --fix and --export-fixes are tested
// on the exact path every leakcheck check's fix-its take.
#include "TidyModule.h"

#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace leakcheck {
namespace {

class FixItTestCheck : public LeakCheck {
public:
  FixItTestCheck() : LeakCheck("leakcheck-test-fixit") {}
  void analyze(const ProgramModel &Model, std::vector<Finding> &Out) const override {
    for (const auto &[Key, Record] : Model.records)
      for (const FieldFact &Field : Record.fields) {
        size_t At = Field.declText.find("std::shared_ptr");
        if (Field.name.rfind("fixme", 0) != 0 || At == std::string::npos)
          continue;
        Finding F;
        F.check = name();
        F.loc = Field.loc;
        F.symbol = Record.name + "::" + Field.name;
        F.message = "100% a test: '" + F.symbol + "' should be a std::weak_ptr";
        std::string Fixed = Field.declText;
        Fixed.replace(At, 15, "std::weak_ptr");
        F.fix = FixIt{Field.loc, static_cast<unsigned>(Field.declText.size()), Fixed};
        F.notes.push_back({Record.loc, "in record '" + Record.name + "'"});
        Out.push_back(std::move(F));
      }
  }
};

class TestModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    static const std::vector<CheckInfo> Checks = {
        {"leakcheck-test-fixit", "test only: shared_ptr fields named fixme*",
         [] { return std::make_unique<FixItTestCheck>(); }}};
    addTidyChecks(Factories, Checks);
  }
};

} // namespace
} // namespace leakcheck

static clang::tidy::ClangTidyModuleRegistry::Add<leakcheck::TestModule>
    TestModuleRegistration("leakcheck-test-module", "leakcheck: checks for its own tests");

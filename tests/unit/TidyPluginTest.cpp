// The clang-tidy plugin through the real clang-tidy binary (the LLVM version leakcheck is
// built against): warnings and notes, exit status, NOLINT, .clang-tidy options, fix-its.
#include "analyses/Check.h"
#include "RunCommand.h"

namespace leakcheck::test {
namespace {

class TidyPlugin : public ScratchTest {
protected:
  // Copies a test input into the scratch directory (where a .clang-tidy may be written).
  std::string copyInput(const std::string &Name) {
    fs::copy_file(fs::path(LEAKCHECK_SOURCE_DIR "/tests/tidy/inputs") / Name, Dir / Name,
                  fs::copy_options::overwrite_existing);
    return Name;
  }
  // clang-tidy with Plugin loaded, in the scratch directory.
  Outcome tidy(const std::string &Args, const char *Plugin = LEAKCHECK_TIDY_PLUGIN) {
    return run("'" LEAKCHECK_CLANG_TIDY "' --load='" + std::string(Plugin) + "' " + Args);
  }
  static size_t count(const std::string &Text, const std::string &Needle) {
    size_t N = 0;
    for (size_t At = Text.find(Needle); At != std::string::npos; At = Text.find(Needle, At + 1))
      ++N;
    return N;
  }
};

TEST_F(TidyPlugin, RegistersEveryCheckOfTheRegistry) {
  Outcome R = tidy("--checks='-*,leakcheck-*' --list-checks");
  EXPECT_EQ(R.status, 0) << R.err;
  for (const CheckInfo &C : allChecks())
    EXPECT_TRUE(contains(R.out, "    " + C.name + "\n")) << C.name << "\n" << R.out;
}

TEST_F(TidyPlugin, ReportsACycleWithItsNotes) {
  std::string File = copyInput("person_car.cpp");
  Outcome R = tidy("--checks='-*,leakcheck-*' " + File + " -- -std=c++17");
  EXPECT_EQ(R.status, 0) << "warnings alone do not fail clang-tidy\n" << R.err;
  EXPECT_TRUE(contains(R.out, "person_car.cpp:8:3: warning: strong shared_ptr cycle Person::cars "
                              "-> Car::owner -> Person [leakcheck-shared-ptr-cycle]"))
      << R.out << R.err;
  EXPECT_TRUE(contains(R.out, "person_car.cpp:12:3: note: 'Car::owner' (std::shared_ptr<Person>) "
                              "owns 'Person' through a shared_ptr, closing the cycle"))
      << R.out;
  EXPECT_EQ(count(R.out, "[leakcheck-shared-ptr-cycle]"), 1u)
      << "Node::next is recursion, not a cycle\n" << R.out;
  EXPECT_TRUE(contains(R.out, "person_car.cpp:12:3: warning: back-reference 'Car::owner' should "
                              "be a std::weak_ptr"))
      << R.out;
  EXPECT_TRUE(contains(R.out, "      |   std::weak_ptr<Person> owner;\n")) << "the fix-it\n" << R.out;
}

// One TU is never the whole program: the cache check says what it saw, no more.
TEST_F(TidyPlugin, ClaimsOnlyWhatOneTranslationUnitShows) {
  std::string File = copyInput("history.cpp");
  Outcome R = tidy("--checks='-*,leakcheck-unbounded-static-cache' " + File + " -- -std=c++17");
  EXPECT_TRUE(contains(R.out, "history.cpp:6:3: warning: unbounded cache 'history'")) << R.out << R.err;
  EXPECT_TRUE(contains(R.out, "but nothing in the analysed files erases, clears or pops it")) << R.out;
  EXPECT_FALSE(contains(R.out, "nothing in the program")) << R.out;
}

TEST_F(TidyPlugin, WarningsAsErrorsFailTheRun) {
  std::string File = copyInput("person_car.cpp");
  Outcome R = tidy("--checks='-*,leakcheck-*' --warnings-as-errors='leakcheck-*' " + File +
                   " -- -std=c++17");
  EXPECT_NE(R.status, 0) << R.out << R.err;
  EXPECT_TRUE(contains(R.out, "error: strong shared_ptr cycle")) << R.out;
  std::string Quiet = copyInput("fixme.cpp");
  EXPECT_EQ(tidy("--checks='-*,leakcheck-*' --warnings-as-errors='*' " + Quiet + " -- -std=c++17")
                .status,
            0);
}

TEST_F(TidyPlugin, HonoursNolint) {
  std::string File = copyInput("nolint.cpp");
  Outcome R = tidy("--checks='-*,leakcheck-shared-ptr-cycle' " + File + " -- -std=c++17");
  EXPECT_EQ(count(R.out, "warning:"), 1u) << R.out;
  EXPECT_TRUE(contains(R.out, "nolint.cpp:23:3: warning: strong shared_ptr cycle E::f -> F::e -> E"))
      << R.out;
  EXPECT_TRUE(contains(R.err, "Suppressed 2 warnings (2 NOLINT)")) << R.err;
}

TEST_F(TidyPlugin, ReadsOptionsFromDotClangTidy) {
  std::string File = copyInput("in_house_ref.cpp");
  EXPECT_EQ(count(tidy("--checks='-*,leakcheck-*' " + File + " -- -std=c++17").out, "warning:"), 0u);
  write(".clang-tidy", R"(Checks: '-*,leakcheck-shared-ptr-cycle'
CheckOptions:
  leakcheck.SharedPointers: Ref
  leakcheck-shared-ptr-cycle.BackReferenceNames: 'boss;parent'
)");
  Outcome R = tidy(File + " -- -std=c++17");
  EXPECT_EQ(count(R.out, "warning:"), 2u) << R.out << R.err;
  EXPECT_TRUE(contains(R.out, "in_house_ref.cpp:13:3: warning: strong shared_ptr cycle "
                              "Window::widget -> Widget::window -> Window"))
      << R.out;
  EXPECT_TRUE(contains(R.out, "('boss' points back to its owner) [leakcheck-shared-ptr-cycle]"))
      << R.out;
}

// The options of model/CheckOptions.h, the clang-tidy way: --verify-config knows every
// declared one and flags a misspelled one; --dump-config writes each with its value.
TEST_F(TidyPlugin, VerifyConfigKnowsTheOptionsAndFlagsTypos) {
  write(".clang-tidy", R"(Checks: '-*,leakcheck-*'
CheckOptions:
  leakcheck.SharedPointers: Ref
  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: 20
  leakcheck-unbounded-static-cache.Containers: 'std::vector;QList'
)");
  Outcome Good = tidy("--verify-config");
  EXPECT_EQ(Good.status, 0) << Good.out << Good.err;
  EXPECT_FALSE(contains(Good.out + Good.err, "unknown check option")) << Good.out << Good.err;

  Outcome Dump = tidy("--dump-config");
  EXPECT_TRUE(contains(Dump.out, "leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: '20'")) << Dump.out;
  EXPECT_TRUE(contains(Dump.out, "leakcheck-missing-weak-backref.BackReferenceNames:")) << Dump.out;

  write(".clang-tidy", R"(Checks: '-*,leakcheck-*'
CheckOptions:
  leakcheck.SharedPointer: Ref
)");
  std::string File = copyInput("person_car.cpp");
  write(".clang-tidy", R"(Checks: '-*,leakcheck-shared-ptr-cycle'
CheckOptions:
  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: lots
)");
  Outcome Bad = tidy(File + " -- -std=c++17");
  EXPECT_TRUE(contains(Bad.out + Bad.err, "invalid value of option "
                                          "'leakcheck-shared-ptr-cycle.MaxCyclesPerComponent': "
                                          "'lots' is not a non-negative integer"))
      << Bad.out << Bad.err;

  write(".clang-tidy", R"(Checks: '-*,leakcheck-*'
CheckOptions:
  leakcheck.SharedPointer: Ref
)");
  Outcome Typo = tidy("--verify-config");
  EXPECT_NE(Typo.status, 0) << Typo.out << Typo.err;
  EXPECT_TRUE(contains(Typo.out + Typo.err, "unknown check option 'leakcheck.SharedPointer'"))
      << Typo.out << Typo.err;
}

TEST_F(TidyPlugin, FixItsAreExportedAndApplied) {
  std::string File = copyInput("fixme.cpp");
  Outcome Export = tidy("--checks='-*,leakcheck-test-fixit' --export-fixes=fixes.yaml " + File +
                            " -- -std=c++17",
                        LEAKCHECK_TIDY_TEST_PLUGIN);
  EXPECT_TRUE(contains(Export.out, "fixme.cpp:5:3: warning: 100% a test: 'Part::fixme_owner' "
                                   "should be a std::weak_ptr [leakcheck-test-fixit]"))
      << Export.out << Export.err;
  EXPECT_TRUE(contains(Export.out, "fixme.cpp:4:8: note: in record 'Part'")) << Export.out;
  std::string Fixes = slurp(Dir / "fixes.yaml");
  EXPECT_TRUE(contains(Fixes, "DiagnosticName:  leakcheck-test-fixit")) << Fixes;
  EXPECT_TRUE(contains(Fixes, "ReplacementText: 'std::weak_ptr<Owner> fixme_owner'")) << Fixes;

  Outcome Fix = tidy("--checks='-*,leakcheck-test-fixit' --fix " + File + " -- -std=c++17",
                     LEAKCHECK_TIDY_TEST_PLUGIN);
  EXPECT_EQ(Fix.status, 0) << Fix.err;
  std::string Fixed = slurp(Dir / File);
  EXPECT_TRUE(contains(Fixed, "  std::weak_ptr<Owner> fixme_owner;\n")) << Fixed;
  EXPECT_TRUE(contains(Fixed, "  std::shared_ptr<Owner> keep;\n")) << Fixed;
}

TEST_F(TidyPlugin, WrapperLoadsThePlugin) {
  std::string File = copyInput("person_car.cpp");
  Outcome R = run("'" LEAKCHECK_TIDY_WRAPPER "' --checks='-*,leakcheck-*' " + File +
                  " -- -std=c++17");
  EXPECT_EQ(R.status, 0) << R.err;
  EXPECT_TRUE(contains(R.out, "[leakcheck-shared-ptr-cycle]")) << R.out << R.err;
}

} // namespace
} // namespace leakcheck::test

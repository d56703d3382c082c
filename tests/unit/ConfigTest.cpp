// The configuration file: what it accepts, and that every mistake names file, line and key.
#include "Config.h"
#include "model/CheckOptions.h"
#include "RunCommand.h"

#include <gtest/gtest.h>

namespace leakcheck::test {
namespace {

Config parsed(const std::string &Text) {
  Config C;
  std::string Error;
  EXPECT_TRUE(parseConfig(Text, "/project/.leakcheck.yaml", C, Error)) << Error;
  return C;
}

std::string errorOf(const std::string &Text) {
  Config C;
  std::string Error;
  EXPECT_FALSE(parseConfig(Text, "conf/.leakcheck.yaml", C, Error)) << Text;
  return Error;
}

TEST(Config, ReadsEveryKey) {
  Config C = parsed(R"(
Checks: "-*,leakcheck-shared-ptr-cycle"
CheckOptions:
  leakcheck.SharedPointers: boost::shared_ptr;Ref
  leakcheck-shared-ptr-cycle.BackReferenceNames: [parent, owner]
  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: 20
Suppress:
  - legacy::Node::parent
  - symbol: "Cache::*"
    check: leakcheck-shared-ptr-cycle
    reason: bounded elsewhere
Exclude: [third_party, "*.pb.cc"]
FailOn: none
)");
  EXPECT_EQ(C.checks, "-*,leakcheck-shared-ptr-cycle");
  EXPECT_EQ(C.options.get("leakcheck", "SharedPointers"), "boost::shared_ptr;Ref");
  EXPECT_EQ(C.options.getList("leakcheck-shared-ptr-cycle", "BackReferenceNames"),
            (std::vector<std::string>{"parent", "owner"}));
  EXPECT_EQ(C.options.getUnsigned("leakcheck-shared-ptr-cycle", "MaxCyclesPerComponent"), 20u);
  ASSERT_EQ(C.suppress.size(), 2u);
  EXPECT_EQ(C.suppress[0].symbol, "legacy::Node::parent");
  EXPECT_EQ(C.suppress[0].checks, "");
  EXPECT_EQ(C.suppress[1].symbol, "Cache::*");
  EXPECT_EQ(C.suppress[1].checks, "leakcheck-shared-ptr-cycle");
  EXPECT_EQ(C.suppress[1].reason, "bounded elsewhere");
  EXPECT_EQ(C.exclude, (std::vector<std::string>{"third_party", "*.pb.cc"}));
  EXPECT_EQ(C.failOn, "none");
  EXPECT_EQ(C.directory, "/project");
}

TEST(Config, AcceptsGlobListsAndClangTidysOptionList) {
  Config C = parsed(R"(
Checks:
  - "-*"
  - leakcheck-shared-ptr-cycle
CheckOptions:
  - key: leakcheck.Containers
    value: folly::small_vector
)");
  EXPECT_EQ(C.checks, "-*,leakcheck-shared-ptr-cycle");
  EXPECT_EQ(C.options.get("leakcheck", "Containers"), "folly::small_vector");
}

TEST(Config, EmptyFileConfiguresNothing) {
  Config C = parsed("# nothing yet\n");
  EXPECT_FALSE(C.checks);
  EXPECT_FALSE(C.failOn);
  EXPECT_TRUE(C.options.all().empty());
}

TEST(Config, UnknownKeysNameFileLineAndKey) {
  EXPECT_EQ(errorOf("Checks: leakcheck-*\nChekcs: x\n"),
            "conf/.leakcheck.yaml:2:1: unknown key 'Chekcs' (expected Checks, CheckOptions, "
            "Suppress, Exclude, FailOn)");
  EXPECT_EQ(errorOf("Suppress:\n  - symbol: A::b\n    because: x\n"),
            "conf/.leakcheck.yaml:3:5: unknown key 'because' in a Suppress entry (expected "
            "symbol, check, reason)");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck-no-such-check.Opt: 1\n"),
            "conf/.leakcheck.yaml:2:3: unknown option 'leakcheck-no-such-check.Opt' (options "
            "are <check-name>.<Option> or leakcheck.<Option>; leakcheck --list-checks lists them)");
  EXPECT_EQ(errorOf("CheckOptions:\n  SharedPointers: Ref\n"),
            "conf/.leakcheck.yaml:2:3: unknown option 'SharedPointers' (did you mean "
            "leakcheck.SharedPointers?)");
}

// Measured on 0.1.0: each of these was accepted without a word, the check or option off.
TEST(Config, MisspelledOptionsAreErrorsWithTheClosestKey) {
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck.SharedPointer: boost::shared_ptr\n"),
            "conf/.leakcheck.yaml:2:3: unknown option 'leakcheck.SharedPointer' (did you mean "
            "leakcheck.SharedPointers?)");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck-shared-ptr-cycle.BackRefNames: [up]\n"),
            "conf/.leakcheck.yaml:2:3: unknown option 'leakcheck-shared-ptr-cycle.BackRefNames' "
            "(did you mean leakcheck-shared-ptr-cycle.BackReferenceNames?)");
  // clang-tidy's list form names the key the same way.
  EXPECT_EQ(errorOf("CheckOptions:\n  - key: leakcheck.Container\n    value: QList\n"),
            "conf/.leakcheck.yaml:2:10: unknown option 'leakcheck.Container' (did you mean "
            "leakcheck.Containers?)");
}

TEST(Config, OptionValuesAreTypeChecked) {
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: lots\n"),
            "conf/.leakcheck.yaml:2:53: bad value of "
            "'leakcheck-shared-ptr-cycle.MaxCyclesPerComponent': 'lots' is not a non-negative "
            "integer");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: -3\n"),
            "conf/.leakcheck.yaml:2:53: bad value of "
            "'leakcheck-shared-ptr-cycle.MaxCyclesPerComponent': '-3' is not a non-negative "
            "integer");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: [1, 2]\n"),
            "conf/.leakcheck.yaml:2:53: 'leakcheck-shared-ptr-cycle.MaxCyclesPerComponent' must "
            "be a non-negative integer");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck.SharedPointers: boost::shared_ptr<T>\n"),
            "conf/.leakcheck.yaml:2:29: bad value of 'leakcheck.SharedPointers': "
            "'boost::shared_ptr<T>' is not a qualified name (such as boost::shared_ptr)");
  // Valid values of each kind pass.
  Config C = parsed("CheckOptions:\n  leakcheck.SharedPointers: [::boost::shared_ptr, Ref]\n"
                    "  leakcheck-shared-ptr-cycle.MaxCyclesPerComponent: 0\n");
  EXPECT_EQ(C.options.getNames("leakcheck", "SharedPointers"),
            (std::set<std::string>{"boost::shared_ptr", "Ref"}));
  EXPECT_EQ(C.options.getUnsigned("leakcheck-shared-ptr-cycle", "MaxCyclesPerComponent"), 0u);
}

TEST(Config, ChecksThatDoNotExistAreErrors) {
  EXPECT_EQ(errorOf("Checks: \"-*,leakcheck-shared-ptr-cylce\"\n"),
            "conf/.leakcheck.yaml:1:9: 'Checks': no check is named "
            "'leakcheck-shared-ptr-cylce' (did you mean leakcheck-shared-ptr-cycle?)");
  EXPECT_EQ(errorOf("Checks:\n  - '-*'\n  - leakcheck-nonexistent\n"),
            "conf/.leakcheck.yaml:2:3: 'Checks': no check is named 'leakcheck-nonexistent'");
  // A negative glob with a typo would leave the check on: also an error.
  EXPECT_TRUE(contains(errorOf("Checks: '-leakcheck-missing-weak-backrf'\n"),
                       "did you mean leakcheck-missing-weak-backref?"));
  // Globs, and other tools' checks in a shared list, are not judged.
  EXPECT_EQ(parsed("Checks: '-*,leakcheck-*,modernize-use-override,leakcheck-shared*'\n").checks,
            "-*,leakcheck-*,modernize-use-override,leakcheck-shared*");
}

TEST(Config, EveryDeclaredOptionIsInTheReadme) {
  std::string Readme = slurp(std::string(LEAKCHECK_SOURCE_DIR) + "/README.md");
  for (const OptionSpec &O : declaredOptions())
    EXPECT_TRUE(contains(Readme, "`" + O.key() + "`")) << O.key() << " is not documented";
}

TEST(Config, WrongTypesNameFileLineAndKey) {
  EXPECT_EQ(errorOf("Checks: {a: b}\n"),
            "conf/.leakcheck.yaml:1:9: 'Checks' must be a glob list (a string or a list of globs)");
  EXPECT_EQ(errorOf("FailOn: [warning]\n"), "conf/.leakcheck.yaml:1:9: 'FailOn' must be none or warning");
  EXPECT_EQ(errorOf("FailOn: error\n"),
            "conf/.leakcheck.yaml:1:9: 'FailOn' must be none or warning, not 'error'");
  EXPECT_EQ(errorOf("Exclude: {third_party: yes}\n"),
            "conf/.leakcheck.yaml:1:10: 'Exclude' must be a string or a list of strings");
  EXPECT_EQ(errorOf("Suppress: A::b\n"),
            "conf/.leakcheck.yaml:1:11: 'Suppress' must be a list of symbols or of {symbol, check, "
            "reason} maps");
  EXPECT_EQ(errorOf("Suppress:\n  - check: leakcheck-*\n"),
            "conf/.leakcheck.yaml:2:5: a Suppress entry needs a 'symbol'");
  EXPECT_EQ(errorOf("CheckOptions:\n  leakcheck.SharedPointers: {a: b}\n"),
            "conf/.leakcheck.yaml:2:29: 'leakcheck.SharedPointers' must be a string or a list of "
            "strings");
  EXPECT_EQ(errorOf("- Checks\n"),
            "conf/.leakcheck.yaml:1:1: the configuration must be a map of Checks, CheckOptions, "
            "Suppress, Exclude, FailOn");
}

TEST(Config, SyntaxErrorsNameFileLineAndColumn) {
  EXPECT_EQ(errorOf("Checks: leakcheck-*\nExclude: [a, b\n"),
            "conf/.leakcheck.yaml:3:1: not valid YAML: end of sequence flow not found");
  // An unclosed quote (accepted by 0.1.0 as a multi-line string).
  std::string E = errorOf("Checks: \"-*,leakcheck-shared-ptr-cycle\nFailOn: none\n");
  EXPECT_EQ(E.rfind("conf/.leakcheck.yaml:", 0), 0u) << E;
  EXPECT_TRUE(contains(E, "not valid YAML")) << E;
  E = errorOf("Checks: 'leakcheck-*\n");
  EXPECT_TRUE(contains(E, "not valid YAML")) << E;
  EXPECT_TRUE(contains(errorOf("CheckOptions:\n  a: b\n c: d\n"), "not valid YAML"));
}

class ConfigFile : public ScratchTest {};

TEST_F(ConfigFile, IsFoundInTheDirectoryOfTheFileOrAbove) {
  write("project/.leakcheck.yaml", "Checks: '-*'\n");
  write("project/src/deep/a.cpp", "");
  EXPECT_EQ(findConfigFile((Dir / "project/src/deep/a.cpp").string()),
            (Dir / "project/.leakcheck.yaml").string());
  EXPECT_EQ(findConfigFile((Dir / "project/src/deep").string()),
            (Dir / "project/.leakcheck.yaml").string());
  EXPECT_EQ(findConfigFile((Dir / "elsewhere.cpp").string()), "");
}

TEST_F(ConfigFile, UnreadableFileIsAnError) {
  Config C;
  std::string Error;
  EXPECT_FALSE(loadConfig((Dir / "none.yaml").string(), C, Error));
  EXPECT_TRUE(contains(Error, "none.yaml: cannot read the configuration")) << Error;
}

} // namespace
} // namespace leakcheck::test

// The interface every leakcheck check implements, and their registry.
//
// Like a clang-tidy check, a check has a name and options; unlike one, it does not look
// at an AST: fact collectors (OwnershipFacts, ...) record per-TU facts, and a check
// analyses the merged ProgramModel. That is what lets `leakcheck a.cpp b.cpp` find a
// cycle whose edges live in different translation units (design.md section 3).
#pragma once

#include "model/CheckOptions.h"
#include "model/Finding.h"
#include "model/Model.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace leakcheck {

class LeakCheck {
public:
  explicit LeakCheck(std::string Name) : Name(std::move(Name)) {}
  virtual ~LeakCheck() = default;
  const std::string &name() const { return Name; }

  // Reads this check's options (called once, before analyze).
  virtual void configure(const CheckOptions &Options) { (void)Options; }
  // Appends this check's findings on the merged program to Out.
  virtual void analyze(const ProgramModel &Model, std::vector<Finding> &Out) const = 0;

private:
  std::string Name;
};

// Every check of leakcheck, by name (the contract of design.md section 3).
struct CheckInfo {
  std::string name;
  std::string summary;  // one line, for --list-checks and SARIF rule help
  std::function<std::unique_ptr<LeakCheck>()> create;
  // The options of model/CheckOptions.h it reads: its own and those under "leakcheck.".
  std::vector<const OptionSpec *> options() const;
};
const std::vector<CheckInfo> &allChecks();

// Problems with a glob list: a glob without wildcards that names a leakcheck check that
// does not exist ("did you mean ..."). Empty when the list is fine.
std::vector<std::string> checkGlobProblems(const std::string &Globs);
// The check name nearest to Name, or "".
std::string closestCheckName(const std::string &Name);

// clang-tidy style glob list: "-*,leakcheck-shared-ptr-cycle", "leakcheck-*".
// Later globs override earlier ones; an empty list enables every check.
bool isCheckEnabled(const std::string &Globs, const std::string &Name);

// Creates the enabled checks, configured.
std::vector<std::unique_ptr<LeakCheck>> createChecks(const std::string &Globs,
                                                     const CheckOptions &Options);

// Runs the checks on a merged model; findings sorted by file, line, check, symbol.
std::vector<Finding> runChecks(const std::vector<std::unique_ptr<LeakCheck>> &Checks,
                               const ProgramModel &Model);

} // namespace leakcheck

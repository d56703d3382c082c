// The interface every leakcheck check implements, and their registry.
//
// Like a clang-tidy check, a check has a name and options; unlike one, it does not look
// at an AST: fact collectors (OwnershipFacts, ...) record per-TU facts, and a check
// analyses the merged ProgramModel. That is what lets `leakcheck a.cpp b.cpp` find a
// cycle whose edges live in different translation units (design.md section 3).
#pragma once

#include "Finding.h"
#include "Model.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace leakcheck {

// Check options, clang-tidy style: "<check-name>.<Option>" -> value.
class CheckOptions {
public:
  void set(const std::string &Key, const std::string &Value) { Values[Key] = Value; }
  std::string get(const std::string &Check, const std::string &Option,
                  const std::string &Default) const;
  unsigned getUnsigned(const std::string &Check, const std::string &Option,
                       unsigned Default) const;
  // A ';'- or ','-separated list option.
  std::vector<std::string> getList(const std::string &Check, const std::string &Option,
                                   const std::string &Default) const;
  // A list option of qualified names, without a leading "::".
  std::set<std::string> getNames(const std::string &Check, const std::string &Option,
                                 const std::string &Default) const;
  const std::map<std::string, std::string> &all() const { return Values; }

private:
  std::map<std::string, std::string> Values;
};

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
};
const std::vector<CheckInfo> &allChecks();

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

// A fact collector registers AST matchers for one translation unit and records what they
// find into that TU's ProgramModel. Collectors are the only part of the checks that sees
// an AST (design.md section 3: facts per TU, analysis on the merged model).
#pragma once

#include "Check.h"
#include "Model.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <memory>
#include <vector>

namespace leakcheck {

class FactCollector : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit FactCollector(ProgramModel &Facts) : Facts(Facts) {}
  virtual void registerMatchers(clang::ast_matchers::MatchFinder &Finder) = 0;

protected:
  ProgramModel &Facts;
};

// The collectors the enabled checks need, writing into Facts.
std::vector<std::unique_ptr<FactCollector>>
createFactCollectors(ProgramModel &Facts, const CheckOptions &Options);

} // namespace leakcheck

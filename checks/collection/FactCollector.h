// A fact collector registers AST matchers for one translation unit and records what they
// find into that TU's ProgramModel. Collectors are the only part of the checks that sees
// an AST (design.md section 3: facts per TU, analysis on the merged model).
//
// What keeps them cheap: match declarations, not expressions, and walk a body yourself
// when the code around a node matters (PathTrackingVisitor), rather than asking the
// ASTContext for parents (its parent map indexes the whole TU). The driver's matchers visit
// only the program's declarations (ProgramScope.h), so nothing from a system header is
// matched there; clang-tidy's matchers visit everything, so matchers say
// unless(isExpansionInSystemHeader()) all the same.
#pragma once

#include "model/CheckOptions.h"
#include "model/Model.h"

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

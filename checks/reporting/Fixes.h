// Applies the fix-its of findings to the source files in place (`leakcheck --fix`).
#pragma once

#include "model/Finding.h"

#include <set>
#include <string>
#include <vector>

namespace leakcheck {

struct FixOutcome {
  unsigned applied = 0;             // edits written
  std::set<std::string> files;      // files changed
  std::vector<std::string> errors;  // edits that could not be applied, and why
};

// Each distinct edit once (a field in a header is reported once, however many TUs include
// it; equal edits from several findings are one); an edit that overlaps one already taken
// in the same file is skipped with an error. Files are rewritten whole or not at all.
FixOutcome applyFixes(const std::vector<Finding> &Findings);

} // namespace leakcheck

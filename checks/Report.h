// The one reporter: renders findings as clang-style text or as the JSON report of
// design.md section 3 (a contract: fields are only ever added).
#pragma once

#include "Finding.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace leakcheck {

struct ReportStats {
  unsigned translationUnits = 0;
  unsigned records = 0;
  double seconds = 0;
};

const char *leakcheckVersion();

// file:line:col: warning: message [check], the source line with a caret, then a note
// per secondary location.
void writeTextReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     bool Color = false);

void writeJsonReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     const ReportStats &Stats);

} // namespace leakcheck

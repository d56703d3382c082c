// The one reporter: renders findings as clang-style text, as the JSON report of
// design.md section 3 (a contract: fields are only ever added), or as SARIF 2.1.0
// (SarifReport.cpp).
#pragma once

#include "model/Finding.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace leakcheck {

struct ReportStats {
  unsigned translationUnits = 0;
  unsigned records = 0;
  double seconds = 0;
  unsigned suppressed = 0;  // silenced by NOLINT, Suppress: or Exclude:
  unsigned baselined = 0;   // already in the --baseline
  std::vector<BrokenUnit> broken;  // TUs that did not compile (--keep-going), by file
  unsigned excluded = 0;           // TUs left out by Exclude:
  bool wholeProgram = true;        // ProgramModel::wholeProgram
  unsigned parsed = 0;             // TUs parsed in this run
  unsigned fromCache = 0;          // TUs whose facts came from the fact cache
};

// "analysed 10 of 12 translation units; 2 did not compile: a.cpp (first error: ...), ..."
// when some did not; "" otherwise.
std::string unanalysedSummary(const ReportStats &Stats);

const char *leakcheckVersion();
// "shared", "unique" or "callback": how a cycle edge owns its target, in every format.
const char *ownKindName(OwnKind K);
// {"instances", "occurrences", "bytes"} of a runtime-confirmed finding, in every format.
llvm::json::Object runtimeCounts(const RuntimeCounts &C);

// file:line:col: warning: message [check], the source line with a caret, then a note
// per secondary location.
// Ends with what was not analysed (unanalysedSummary), prefixed "leakcheck: ".
void writeTextReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     const ReportStats &Stats, bool Color = false);

void writeJsonReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     const ReportStats &Stats);

struct SarifOptions {
  // Artifact URIs are relative to this directory (%SRCROOT% of originalUriBaseIds);
  // "" is the working directory.
  std::string srcRoot;
};

// SARIF 2.1.0 for code scanning: one rule per check of Rules (check names, in order; a
// check that reports without being listed gets a rule too) with its documentation page as
// help, results with physical locations (regions in UTF-16 columns, with their end), a
// related location per cycle edge and note, a codeFlow along each cycle, fixes, and partial
// fingerprints that follow the finding's identity (Baseline.h), so an unrelated edit does
// not reopen it.
// invocations[0] says whether every TU was analysed (executionSuccessful), with one
// toolExecutionNotification per TU that did not compile.
void writeSarifReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                      const std::vector<std::string> &Rules, const ReportStats &Stats,
                      const SarifOptions &Options = {});

} // namespace leakcheck

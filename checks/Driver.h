// The whole pipeline behind every front door (CLI, tests): read the compilation database,
// collect facts per translation unit (in parallel), merge them, run the checks.
#pragma once

#include "analyses/Check.h"
#include "model/Finding.h"
#include "model/FactFile.h"
#include "model/Model.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace leakcheck {

struct AnalysisRequest {
  std::vector<std::string> sources;  // empty with buildDir: every file of the database
  // Compiler arguments given after `--`: they replace any compilation database.
  std::optional<std::vector<std::string>> compilerArgs;
  std::string buildDir;    // -p: the directory holding compile_commands.json
  unsigned jobs = 0;       // 0: one per core
  std::string checks;      // clang-tidy style glob list; empty: every check
  CheckOptions options;
  bool keepGoing = false;  // a TU that does not compile is a warning, not the end
  // Translation units for which this says true are not analysed (Exclude: globs).
  std::function<bool(const std::string &File)> skip;
  // Called after each translation unit (from worker threads, serialised).
  std::function<void(unsigned Done, unsigned Total, const std::string &File)> progress;
  // The fact cache (FactCache.h): unset, under the directory of the compilation database
  // when there is one; "" for none.
  std::optional<std::string> cacheDir;
  // Called with each TU's facts before they are merged, in the order of the files (what
  // `leakcheck facts` writes out).
  std::function<void(const FactFile &File)> onFacts;
};

struct AnalysisResult {
  std::vector<Finding> findings;
  ProgramModel model;
  unsigned translationUnits = 0;  // analysed successfully
  unsigned excluded = 0;          // left out by AnalysisRequest::skip
  unsigned parsedUnits = 0;       // parsed in this run
  unsigned cachedUnits = 0;       // whose facts came from the fact cache
  // Those that did not compile are model.brokenUnits (with keepGoing; else errors).
  double seconds = 0;
  std::string diagnostics;          // the compiler's messages for TUs that failed, in order
  std::vector<std::string> errors;  // what makes the run fail: usage, input or compile errors
  std::vector<std::string> warnings;  // e.g. TUs skipped under keepGoing
  bool ok() const { return errors.empty(); }
};

// Parses every TU and merges their facts; errors say which file and why.
AnalysisResult collectProgram(const AnalysisRequest &Request);

// collectProgram, then the enabled checks on the merged model.
AnalysisResult analyzeProgram(const AnalysisRequest &Request);

// `leakcheck merge`: reads fact files (and the fact files in directories, recursively),
// merges them and runs the enabled checks (Request.checks, Request.options): what
// analyzeProgram reports for the same TUs. A file that is not a fact file of this version
// is an error naming it.
AnalysisResult mergeFactFiles(const std::vector<std::string> &Inputs,
                              const AnalysisRequest &Request);

// The name `leakcheck facts --out=<dir>` gives the fact file of a TU: its file name and a
// hash of its path ("a.cpp.3f2a9c1e04b5d6a7.facts"), unique per TU and stable across runs.
std::string factFileName(const std::string &Unit);

} // namespace leakcheck

// Parses one translation unit and collects its facts: the per-TU step of the pipeline
// (design.md section 3), the only place that runs Clang. What it gives back outlives the
// AST: the TU's facts, its diagnostics, what the report says when it does not compile, and
// the files it read (what the fact cache checks for changes).
#pragma once

#include "model/CheckOptions.h"
#include "model/Model.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"

#include <string>
#include <utility>
#include <vector>

namespace leakcheck {

struct ParsedUnit {
  ProgramModel facts;
  std::string diagnostics;  // the compiler's, as clang prints them
  bool compiled = false;
  std::string problem;      // why it did not compile: "does not compile (2 errors)"
  std::string firstError;   // "src/a.cpp:3:10: 'x.h' file not found"
  std::vector<std::string> missingHeaders;
  // Every file the TU read (absolute), with the content hash of what it read.
  std::vector<std::pair<std::string, std::string>> dependencies;
};

// The compile command as leakcheck runs it: syntax only, no output or dependency files, no
// GCC-only flags, warnings off, the builtin headers of the clang leakcheck was built with.
clang::tooling::ArgumentsAdjuster leakcheckAdjuster();

// Parses Command (already adjusted by leakcheckAdjuster) and collects its facts. A crash in
// Clang or in a collector is this TU's error, not the end of the run.
ParsedUnit parseUnit(const clang::tooling::CompileCommand &Command, const CheckOptions &Options);

} // namespace leakcheck

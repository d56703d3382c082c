// --confirm: joins a runtime collector report (runtime/, design.md section 4) into the
// static findings. A static cycle whose every edge appears in one runtime cycle is
// confirmed, with the runtime's counts; a runtime cycle no static finding names becomes a
// finding of its own.
#pragma once

#include "model/Finding.h"
#include "model/Model.h"

#include <string>
#include <utility>
#include <vector>

namespace leakcheck {

struct RuntimeCycle {
  std::vector<std::pair<std::string, std::string>> edges;  // (record, field) as traced
  RuntimeCounts counts;
};

struct RuntimeReport {
  std::string path;
  std::vector<RuntimeCycle> cycles;
};

// Reads a report written by LEAKCHECK_GC_REPORT / gc::write_report (format version 1).
bool readRuntimeReport(const std::string &Path, RuntimeReport &Out, std::string &Error);

// Sets `confirmed` (and `runtime`) on every finding; appends a finding per runtime cycle
// that no static cycle names, located at its first field where the model knows it.
// Returns how many static findings were confirmed.
unsigned applyRuntimeReport(std::vector<Finding> &Findings, const RuntimeReport &Report,
                            const ProgramModel &Model);

} // namespace leakcheck

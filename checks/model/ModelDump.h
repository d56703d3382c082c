// Writes a program model as sorted, unique text lines, one fact a line, so that the facts
// two builds of the collectors find in the same code can be compared with diff
// (LEAKCHECK_DUMP_FACTS=<file>; used when a collector is rewritten for speed).
#pragma once

#include "model/Model.h"

#include <string>

namespace leakcheck {

void dumpFacts(const ProgramModel &Model, const std::string &Path);

} // namespace leakcheck

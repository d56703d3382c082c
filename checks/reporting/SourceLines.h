// The lines of source files, read once per file: for the excerpts under each diagnostic
// (Report.cpp) and for NOLINT comments (Suppressions.cpp).
#pragma once

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace leakcheck {

class SourceLines {
public:
  // Every line of File without its line break; empty when the file cannot be read.
  const std::vector<std::string> &lines(const std::string &File);
  // Line (1-based) of File, or "".
  std::string line(const std::string &File, unsigned Line);

private:
  llvm::StringMap<std::vector<std::string>> Files;
};

} // namespace leakcheck

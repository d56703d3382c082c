// Reads a JSON document from a file, with an error message that names the file and what it
// was meant to be ("the baseline", "the runtime report").
#pragma once

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace leakcheck {

std::optional<llvm::json::Value> readJsonFile(const std::string &Path, const std::string &What,
                                              std::string &Error);

} // namespace leakcheck

// The configuration file, `.leakcheck.yaml`:
//
//   Checks: "-*,leakcheck-shared-ptr-cycle"     # glob list (a string or a list of globs)
//   CheckOptions:                               # <check>.<Option> or leakcheck.<Option>
//     leakcheck.SharedPointers: boost::shared_ptr;Ref
//     leakcheck-shared-ptr-cycle.BackReferenceNames: [parent, owner]
//   Suppress:                                   # by symbol (globs), optionally per check
//     - legacy::Node::parent
//     - {symbol: "Cache::*", check: leakcheck-unbounded-static-cache, reason: bounded elsewhere}
//   Exclude: [third_party, "*.pb.cc"]           # path globs, relative to this file
//   FailOn: warning                             # none | warning
//
// yaml-cpp reports errors by exception: they stay inside Config.cpp, which includes no
// Clang header. Every error names the file, the line and the key.
#pragma once

#include "analyses/Check.h"
#include "reporting/Suppressions.h"

#include <optional>
#include <string>
#include <vector>

namespace leakcheck {

inline constexpr const char *ConfigFileName = ".leakcheck.yaml";

struct Config {
  std::string path;       // the file read
  std::string directory;  // its directory, absolute: Exclude globs are relative to it
  std::optional<std::string> checks;
  CheckOptions options;
  std::vector<SuppressEntry> suppress;
  std::vector<std::string> exclude;
  std::optional<std::string> failOn;
};

// The nearest .leakcheck.yaml in Start's directory (Start: a file or a directory) or in a
// directory above it; "" when there is none.
std::string findConfigFile(const std::string &Start);

// Reads Path. On error returns false with Error = "<file>:<line>:<col>: <what>".
bool loadConfig(const std::string &Path, Config &Out, std::string &Error);

// Parses Text as if read from Path.
bool parseConfig(const std::string &Text, const std::string &Path, Config &Out,
                 std::string &Error);

} // namespace leakcheck

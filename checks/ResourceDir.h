// Where Clang's builtin headers (stddef.h, stdarg.h, ...) live: the resource directory of the
// clang leakcheck is built against. A LibTooling program looks for it next to itself
// (<exe>/../lib/clang/<major>), which neither a build tree nor an install outside Clang's
// prefix has; so leakcheck looks in several places, in order, and takes the first that holds
// include/stddef.h.
#pragma once

#include <string>
#include <vector>

namespace leakcheck {

struct ResourceDirSearch {
  std::string executable;    // this program's path: <exe>/../lib/clang/<major> is tried first
  std::string major;         // the LLVM major version ("19")
  std::string configured;    // the configure-time `clang -print-resource-dir`
  std::string clangProgram;  // a clang to ask last: a name looked up in PATH, or a path
};

// The first of <exe>/../lib/clang/<major>, the configured directory and the output of
// `<clangProgram> -print-resource-dir` that holds include/stddef.h; "" when none does.
// Tried, when given, receives every candidate looked at, in order.
std::string findResourceDir(const ResourceDirSearch &Search,
                            std::vector<std::string> *Tried = nullptr);

// This program's resource directory (looked up once); "" when none was found, and then
// Tried says where leakcheck looked.
const std::string &clangResourceDir(std::vector<std::string> *Tried = nullptr);

// The clang asked last, "clang-<major>".
std::string clangProgramName();

} // namespace leakcheck

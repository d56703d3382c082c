// The fact file: one translation unit's facts (model/Model.h) as a file, written by
// `leakcheck facts` and the cache, read by `leakcheck merge` (design.md section 6). The
// per-TU step and the whole-program step are separate programs with this format between
// them, as in Clang's cross-TU analysis, Infer and Kythe.
//
// Format (JSON, version FactFileVersion; README "Fact files" documents every field):
//   {"format": "leakcheck-facts", "version": 1, "tool": "0.1.0",
//    "inputs": "<128-bit BLAKE3 of the TU's inputs, hex>",
//    "unit": "src/a.cpp",               // the TU, as the user named it
//    "compiled": true,                  // false: only its declarations, marked partial
//    "dependencies": [["/abs/a.cpp", "<hash>"], ...],   // cache entries only
//    "facts": {"records": [...], "captures": [...], ...}}
// Entities are keyed by qualified name, never by the TU's path, so one header seen by many
// TUs merges into one record. File paths inside are as leakcheck names them: relative to
// the working directory of the run that collected them when below it, absolute otherwise;
// `merge` reads them relative to its own working directory (run both from one directory,
// as a build system does).
//
// The reader takes untrusted bytes (a shared cache, a remote action's output): any bytes
// give either a model or an error naming what is wrong and where ("facts.records[3].loc:
// expected an array"); never a crash, never a half-read model (it is fuzzed: tests/fuzz).
#pragma once

#include "model/Model.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace leakcheck {

inline constexpr unsigned FactFileVersion = 1;

struct FactFile {
  std::string tool;        // leakcheck's version that wrote it
  std::string inputs;      // hash of the inputs (FactInputs), hex
  std::string unit;        // the TU
  bool compiled = true;
  // Files the TU read and the hash of each one's content (cache entries: what makes them
  // stale); empty in the files of `leakcheck facts`, which must not name machine paths.
  std::vector<std::pair<std::string, std::string>> dependencies;
  ProgramModel facts;
};

// The file's bytes: deterministic (the same facts give the same bytes).
std::string writeFactFile(const FactFile &File);
// False, with Error saying what and where, unless Bytes are a fact file of this version.
bool readFactFile(llvm::StringRef Bytes, FactFile &Out, std::string &Error);

// 128-bit BLAKE3 of bytes, as 32 hex digits.
std::string contentHash(llvm::StringRef Bytes);

// What a fact file is a function of, hashed: the normalised compile command, leakcheck's
// version, the options that affect facts, and each file the TU read with its content hash.
class FactInputs {
public:
  void add(llvm::StringRef Label, llvm::StringRef Value);
  std::string hash() const;

private:
  std::string Text;
};

} // namespace leakcheck

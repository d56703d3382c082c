// The fact cache: one fact file (model/FactFile.h) per translation unit, kept between runs
// so that a TU is parsed again only when one of its inputs changed — its compile command,
// the content of a file it read (its source, any header), leakcheck itself, or an option
// that affects facts. Because the cache holds the facts of every TU, a run that re-parses
// only what changed still merges and reports the whole program.
//
// Layout: <dir>/<slot>.facts, the slot a hash of what identifies the TU's compilation
// (absolute path, compile command, working directories, leakcheck's build, options). An
// entry lists the files the TU read with the hash of each one's content; it is fresh when
// every one of them still has that content. Entries are written to a temporary file and
// renamed into place, so that concurrent runs sharing a cache never see half a file; an
// entry that cannot be read (corrupted, another version) is a miss, never an error.
// A TU that does not compile is never cached: it is parsed again, and its diagnostics shown.
#pragma once

#include "model/FactFile.h"

#include "llvm/ADT/StringMap.h"

#include <mutex>
#include <optional>
#include <string>

namespace leakcheck {

// leakcheck's own build: its version and a hash of its executable, so that facts collected
// by another build of leakcheck are never taken for this one's.
const std::string &toolIdentity();

class FactCache {
public:
  explicit FactCache(std::string Dir) : Dir(std::move(Dir)) {}
  const std::string &directory() const { return Dir; }

  // The fresh entry of Slot, or none (absent, unreadable, stale).
  std::optional<FactFile> lookup(const std::string &Slot);
  // Stores File under Slot; false (with Error) if the cache cannot be written.
  bool store(const std::string &Slot, const FactFile &File, std::string &Error);

  // The content hash of a file on disk ("" if it cannot be read), each file hashed once per
  // run (many TUs share their headers).
  std::string hashOfFile(const std::string &Path);

private:
  std::string entryPath(const std::string &Slot) const;
  std::string Dir;
  std::mutex Mutex;
  llvm::StringMap<std::string> Hashes;
};

} // namespace leakcheck

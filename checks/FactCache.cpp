#include "FactCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>

#ifndef LEAKCHECK_VERSION
#error "LEAKCHECK_VERSION must name leakcheck's version"
#endif

namespace leakcheck {

const std::string &toolIdentity() {
  static const std::string Identity = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, (void *)&toolIdentity);
    auto Buffer = llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false);
    // Without its own bytes, a build cannot be told from another: take the version alone
    // and a per-process nonce, so that nothing cached is ever reused.
    std::string Build = Buffer ? contentHash((*Buffer)->getBuffer())
                               : "unknown-" + std::to_string(llvm::sys::Process::getProcessId());
    return std::string(LEAKCHECK_VERSION) + "+" + Build;
  }();
  return Identity;
}

std::string FactCache::entryPath(const std::string &Slot) const {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Slot + ".facts");
  return std::string(P);
}

std::string FactCache::hashOfFile(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  std::string Hash = Buffer ? contentHash((*Buffer)->getBuffer()) : "";
  std::lock_guard<std::mutex> Lock(Mutex);
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<FactFile> FactCache::lookup(const std::string &Slot) {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Slot), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  FactFile File;
  std::string Error;
  if (!readFactFile((*Buffer)->getBuffer(), File, Error) || !File.compiled ||
      File.tool != toolIdentity() || File.dependencies.empty())
    return std::nullopt;
  for (const auto &[Path, Hash] : File.dependencies)
    if (hashOfFile(Path) != Hash)
      return std::nullopt;
  return File;
}

bool FactCache::store(const std::string &Slot, const FactFile &File, std::string &Error) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create the fact cache '" + Dir + "': " + EC.message();
    return false;
  }
  // A name no other writer uses (other runs, other threads), renamed over the entry.
  static std::atomic<unsigned> Counter{0};
  std::string Final = entryPath(Slot);
  std::string Temporary = Final + ".tmp." + std::to_string(llvm::sys::Process::getProcessId()) +
                          "." + std::to_string(Counter++);
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Temporary, EC);
    if (!EC) {
      Out << writeFactFile(File);
      Out.close();
      EC = Out.error();
    }
    if (EC) {
      llvm::sys::fs::remove(Temporary);
      Error = "cannot write the fact cache entry '" + Temporary + "': " + EC.message();
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temporary, Final)) {
    llvm::sys::fs::remove(Temporary);
    Error = "cannot write the fact cache entry '" + Final + "': " + EC.message();
    return false;
  }
  return true;
}

} // namespace leakcheck

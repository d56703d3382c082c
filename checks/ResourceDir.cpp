#include "ResourceDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <mutex>
#include <optional>

#ifndef LEAKCHECK_RESOURCE_DIR
#error "LEAKCHECK_RESOURCE_DIR must name the configure-time clang resource directory"
#endif
#ifndef LEAKCHECK_LLVM_MAJOR
#error "LEAKCHECK_LLVM_MAJOR must name the LLVM major version"
#endif

namespace leakcheck {

namespace {

bool holdsBuiltinHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "include", "stddef.h");
  return !Dir.empty() && llvm::sys::fs::exists(Header);
}

// `<Program> -print-resource-dir`, its first line; "" when it cannot be run.
std::string askClang(const std::string &Program) {
  if (Program.empty())
    return "";
  std::string Path = Program;
  if (!llvm::sys::path::is_absolute(Program)) {
    auto Found = llvm::sys::findProgramByName(Program);
    if (!Found)
      return "";
    Path = *Found;
  }
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("leakcheck-resource-dir", "txt", Out))
    return "";
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), llvm::StringRef(Out),
                                                llvm::StringRef("")};
  int Status = llvm::sys::ExecuteAndWait(Path, {Path, "-print-resource-dir"}, std::nullopt,
                                         Redirects, /*SecondsToWait=*/30);
  std::string Dir;
  if (Status == 0)
    if (auto Buffer = llvm::MemoryBuffer::getFile(Out))
      Dir = (*Buffer)->getBuffer().split('\n').first.trim().str();
  llvm::sys::fs::remove(Out);
  return Dir;
}

} // namespace

std::string findResourceDir(const ResourceDirSearch &S, std::vector<std::string> *Tried) {
  auto Take = [&](const std::string &Dir) {
    if (Tried && !Dir.empty())
      Tried->push_back(Dir);
    return holdsBuiltinHeaders(Dir);
  };
  if (!S.executable.empty()) {
    // <exe>/../lib/clang/<major>: an install next to Clang's own (a package in /usr), or
    // a prefix that ships the headers.
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(S.executable));
    llvm::sys::path::append(Dir, "..", "lib", "clang", S.major);
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    if (Take(std::string(Dir)))
      return std::string(Dir);
  }
  if (Take(S.configured))
    return S.configured;
  std::string Asked = askClang(S.clangProgram);
  if (Tried && Asked.empty() && !S.clangProgram.empty())
    Tried->push_back("`" + S.clangProgram + " -print-resource-dir`");
  if (Take(Asked))
    return Asked;
  return "";
}

std::string clangProgramName() { return "clang-" LEAKCHECK_LLVM_MAJOR; }

const std::string &clangResourceDir(std::vector<std::string> *Tried) {
  static std::once_flag Once;
  static std::string Dir;
  static std::vector<std::string> Looked;
  std::call_once(Once, [] {
    ResourceDirSearch S;
    S.executable = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    S.major = LEAKCHECK_LLVM_MAJOR;
    S.configured = LEAKCHECK_RESOURCE_DIR;
    S.clangProgram = clangProgramName();
    Dir = findResourceDir(S, &Looked);
  });
  if (Tried)
    *Tried = Looked;
  return Dir;
}

} // namespace leakcheck

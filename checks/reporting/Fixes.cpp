#include "reporting/Fixes.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace leakcheck {

namespace {

struct Edit {
  size_t offset = 0, length = 0;
  std::string replacement;
  bool operator<(const Edit &O) const {
    return std::tie(offset, length, replacement) < std::tie(O.offset, O.length, O.replacement);
  }
};

// The byte offset of a 1-based line and column, or npos.
size_t offsetOf(llvm::StringRef Text, unsigned Line, unsigned Column) {
  size_t At = 0;
  for (unsigned L = 1; L < Line; ++L) {
    At = Text.find('\n', At);
    if (At == llvm::StringRef::npos)
      return At;
    ++At;
  }
  size_t End = Text.find('\n', At);
  if (Column == 0 || At + Column - 1 > std::min(End, Text.size()))
    return llvm::StringRef::npos;
  return At + Column - 1;
}

std::string where(const std::string &File, const FixIt &F) {
  return File + ":" + std::to_string(F.loc.line) + ":" + std::to_string(F.loc.column);
}

} // namespace

FixOutcome applyFixes(const std::vector<Finding> &Findings) {
  FixOutcome Out;
  std::map<std::string, std::vector<const FixIt *>> ByFile;
  for (const Finding &F : Findings)
    if (F.fix)
      ByFile[F.fix->loc.file].push_back(&*F.fix);
  for (const auto &[File, Fixes] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Out.errors.push_back(File + ": cannot read: " + Buffer.getError().message());
      continue;
    }
    llvm::StringRef Text = (*Buffer)->getBuffer();
    std::set<Edit> Edits;
    for (const FixIt *Fix : Fixes) {
      size_t At = offsetOf(Text, Fix->loc.line, Fix->loc.column);
      if (At == llvm::StringRef::npos || At + Fix->length > Text.size())
        Out.errors.push_back(where(File, *Fix) + ": the file has changed; fix not applied");
      else
        Edits.insert({At, Fix->length, Fix->replacement});
    }
    std::string Result;
    size_t Done = 0;
    unsigned Applied = 0;
    for (const Edit &E : Edits) {
      if (E.offset < Done) {
        Out.errors.push_back(File + ": overlapping fixes at offset " + std::to_string(E.offset) +
                             "; one not applied");
        continue;
      }
      Result += Text.substr(Done, E.offset - Done).str() + E.replacement;
      Done = E.offset + E.length;
      ++Applied;
    }
    if (!Applied)
      continue;
    Result += Text.substr(Done).str();
    std::string Temp = File + ".leakcheck-fix";
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Temp, EC);
      if (!EC)
        OS << Result;
    }
    if (auto Permissions = llvm::sys::fs::getPermissions(File); !EC && Permissions)
      llvm::sys::fs::setPermissions(Temp, *Permissions);
    if (EC || (EC = llvm::sys::fs::rename(Temp, File))) {
      llvm::sys::fs::remove(Temp);
      Out.errors.push_back(File + ": cannot write: " + EC.message());
      continue;
    }
    Out.applied += Applied;
    Out.files.insert(File);
  }
  return Out;
}

} // namespace leakcheck

#include "reporting/JsonFile.h"

#include "llvm/Support/MemoryBuffer.h"

namespace leakcheck {

std::optional<llvm::json::Value> readJsonFile(const std::string &Path, const std::string &What,
                                              std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Path + ": cannot read " + What + ": " + Buffer.getError().message();
    return std::nullopt;
  }
  auto Doc = llvm::json::parse((*Buffer)->getBuffer());
  if (!Doc) {
    Error = Path + ": " + What + " is not JSON: " + llvm::toString(Doc.takeError());
    return std::nullopt;
  }
  return std::move(*Doc);
}

} // namespace leakcheck

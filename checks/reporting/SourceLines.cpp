#include "reporting/SourceLines.h"

#include "llvm/Support/MemoryBuffer.h"

namespace leakcheck {

const std::vector<std::string> &SourceLines::lines(const std::string &File) {
  auto It = Files.find(File);
  if (It == Files.end()) {
    std::vector<std::string> Lines;
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      llvm::StringRef Rest = (*Buffer)->getBuffer();
      while (!Rest.empty()) {
        auto [Head, Tail] = Rest.split('\n');
        Lines.push_back(Head.rtrim('\r').str());
        Rest = Tail;
      }
    }
    It = Files.try_emplace(File, std::move(Lines)).first;
  }
  return It->second;
}

std::string SourceLines::line(const std::string &File, unsigned Line) {
  const std::vector<std::string> &All = lines(File);
  return Line >= 1 && Line <= All.size() ? All[Line - 1] : std::string();
}

} // namespace leakcheck

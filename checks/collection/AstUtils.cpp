#include "collection/AstUtils.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

namespace leakcheck {

static const std::string &workingDirectory() {
  static const std::string Cwd = [] {
    llvm::SmallString<256> Dir;
    llvm::sys::fs::current_path(Dir);
    return std::string(Dir);
  }();
  return Cwd;
}

// The file's path, absolute and without symlinks or "..", then relative to the working
// directory if inside it: "src/person.h", like the user typed.
static std::string displayPath(clang::FileEntryRef File, const clang::SourceManager &SM) {
  llvm::StringRef Real = SM.getFileManager().getCanonicalName(File);
  llvm::SmallString<256> Path(Real.empty() ? File.getName() : Real);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  llvm::StringRef P(Path);
  const std::string &Cwd = workingDirectory();
  if (P.starts_with(Cwd) && P.size() > Cwd.size() && llvm::sys::path::is_separator(P[Cwd.size()]))
    return P.drop_front(Cwd.size() + 1).str();
  return P.str();
}

// displayPath, computed once per file (a TU has thousands of locations in few files), keyed
// by the file's identity on disk, which, unlike a FileID, means the same in every TU, and
// the name it was opened by (a file deleted and another created, as `--fix` and the tests
// do, may reuse the identity).
static const std::string &cachedDisplayPath(clang::FileEntryRef File,
                                            const clang::SourceManager &SM) {
  thread_local std::map<std::pair<llvm::sys::fs::UniqueID, std::string>, std::string> Paths;
  auto Key = std::make_pair(File.getUniqueID(), File.getName().str());
  auto It = Paths.find(Key);
  if (It == Paths.end())
    It = Paths.try_emplace(std::move(Key), displayPath(File, SM)).first;
  return It->second;
}

SourceLoc toSourceLoc(clang::SourceLocation Loc, const clang::SourceManager &SM) {
  SourceLoc Out;
  if (Loc.isInvalid())
    return Out;
  clang::SourceLocation FileLoc = SM.getFileLoc(Loc);
  if (auto Entry = SM.getFileEntryRefForID(SM.getFileID(FileLoc)))
    Out.file = cachedDisplayPath(*Entry, SM);
  Out.line = SM.getSpellingLineNumber(FileLoc);
  Out.column = SM.getSpellingColumnNumber(FileLoc);
  return Out;
}

clang::SourceLocation toClangLocation(const SourceLoc &Loc, const clang::SourceManager &SM) {
  if (!Loc.valid())
    return {};
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    if (cachedDisplayPath(It->first, SM) == Loc.file)
      return SM.translateFileLineCol(&It->first.getFileEntry(), Loc.line,
                                     std::max(1u, Loc.column));
  return {};
}

static clang::PrintingPolicy keyPolicy(const clang::ASTContext &Ctx) {
  clang::PrintingPolicy P(Ctx.getLangOpts());
  P.SuppressTagKeyword = true;
  P.FullyQualifiedName = true;
  P.PrintCanonicalTypes = true;
  return P;
}

std::string recordKey(const clang::CXXRecordDecl &RD) {
  const clang::ASTContext &Ctx = RD.getASTContext();
  std::string Key = Ctx.getRecordType(&RD).getCanonicalType().getAsString(keyPolicy(Ctx));
  if (RD.isInAnonymousNamespace())
    Key = toSourceLoc(RD.getLocation(), Ctx.getSourceManager()).file + "#" + Key;
  return Key;
}

std::string recordName(const clang::CXXRecordDecl &RD) {
  return RD.getQualifiedNameAsString();
}

std::string templateName(const clang::CXXRecordDecl &RD) {
  if (RD.isInStdNamespace())
    return "std::" + RD.getName().str();
  return RD.getQualifiedNameAsString();
}

std::string functionKey(const clang::FunctionDecl &F) {
  return F.getCanonicalDecl()->getQualifiedNameAsString();
}

std::string sourceText(clang::SourceRange Range, const clang::ASTContext &Ctx) {
  const clang::SourceManager &SM = Ctx.getSourceManager();
  auto Chars = clang::CharSourceRange::getTokenRange(Range);
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    Chars = clang::Lexer::makeFileCharRange(Chars, SM, Ctx.getLangOpts());
  if (Chars.isInvalid())
    return "";
  return clang::Lexer::getSourceText(Chars, SM, Ctx.getLangOpts()).str();
}

bool isProgramRecord(const clang::CXXRecordDecl &RD, const clang::SourceManager &SM) {
  if (!RD.isThisDeclarationADefinition() || RD.isLambda() || RD.isInStdNamespace() ||
      RD.isDependentContext() || !RD.getIdentifier())
    return false;
  return !SM.isInSystemHeader(SM.getFileLoc(RD.getLocation()));
}

} // namespace leakcheck

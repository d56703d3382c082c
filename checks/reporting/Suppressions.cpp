#include "reporting/Suppressions.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

#include <optional>

namespace leakcheck {

bool matchesGlobList(const std::string &Globs, const std::string &Name) {
  llvm::StringRef Rest(Globs);
  while (!Rest.empty()) {
    auto [Item, Tail] = Rest.split(',');
    Rest = Tail;
    Item = Item.trim();
    if (Item.empty() || Item.starts_with("-"))
      continue;
    auto Pattern = llvm::GlobPattern::create(Item);
    if (Pattern && Pattern->match(Name))
      return true;
  }
  return false;
}

namespace {

enum class NolintKind { Line, NextLine, Begin, End };

struct Nolint {
  NolintKind kind;
  std::optional<std::string> checks;  // none: every check
  bool silences(const std::string &Check) const {
    return !checks || matchesGlobList(*checks, Check);
  }
};

// The NOLINT directives of one line, as clang-tidy reads them: "NOLINT" followed by letters
// naming the kind, then an optional "(checks)" closed on the same line.
std::vector<Nolint> directives(llvm::StringRef Line) {
  std::vector<Nolint> Out;
  size_t Pos = 0;
  while ((Pos = Line.find("NOLINT", Pos)) != llvm::StringRef::npos) {
    size_t Start = Pos;
    Pos += 6;
    while (Pos < Line.size() && llvm::isAlpha(Line[Pos]))
      ++Pos;
    llvm::StringRef Word = Line.slice(Start + 6, Pos);
    std::optional<NolintKind> Kind;
    if (Word.empty())
      Kind = NolintKind::Line;
    else if (Word == "NEXTLINE")
      Kind = NolintKind::NextLine;
    else if (Word == "BEGIN")
      Kind = NolintKind::Begin;
    else if (Word == "END")
      Kind = NolintKind::End;
    if (!Kind)
      continue;
    Nolint N{*Kind, std::nullopt};
    if (Pos < Line.size() && Line[Pos] == '(') {
      size_t Close = Line.find(')', Pos + 1);
      if (Close != llvm::StringRef::npos) {
        N.checks = Line.slice(Pos + 1, Close).str();
        Pos = Close + 1;
      }
    }
    Out.push_back(std::move(N));
  }
  return Out;
}

} // namespace

bool isSuppressedByNolint(const std::vector<std::string> &Lines, unsigned Line,
                          const std::string &Check) {
  if (Line == 0 || Line > Lines.size())
    return false;
  for (const Nolint &N : directives(Lines[Line - 1]))
    if (N.kind == NolintKind::Line && N.silences(Check))
      return true;
  if (Line >= 2)
    for (const Nolint &N : directives(Lines[Line - 2]))
      if (N.kind == NolintKind::NextLine && N.silences(Check))
        return true;
  // NOLINTBEGIN/NOLINTEND blocks: an END closes the innermost BEGIN with the same checks.
  std::vector<std::pair<Nolint, unsigned>> OpenAt;  // with the line of the BEGIN
  for (unsigned L = 1; L <= Lines.size(); ++L)
    for (Nolint &N : directives(Lines[L - 1])) {
      if (N.kind == NolintKind::Begin) {
        OpenAt.emplace_back(std::move(N), L);
      } else if (N.kind == NolintKind::End && !OpenAt.empty() &&
                 OpenAt.back().first.checks == N.checks) {
        auto [Begin, BeginLine] = std::move(OpenAt.back());
        OpenAt.pop_back();
        if (BeginLine <= Line && Line <= L && Begin.silences(Check))
          return true;
      }
    }
  return false;
}

bool SuppressEntry::matches(const Finding &F) const {
  if (!checks.empty() && !matchesGlobList(checks, F.check))
    return false;
  auto Pattern = llvm::GlobPattern::create(symbol);
  if (!Pattern)
    return false;
  if (Pattern->match(F.symbol))
    return true;
  // A cycle is one finding however many edges it has: naming any of them suppresses it.
  for (const CycleEdge &E : F.cycle)
    if (Pattern->match(E.record + "::" + E.field))
      return true;
  return false;
}

static std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

PathGlobs::PathGlobs(std::string BaseDir, std::vector<std::string> Patterns)
    : Base(absolutePath(BaseDir)), Globs(std::move(Patterns)) {}

bool PathGlobs::matches(const std::string &Path) const {
  if (Globs.empty() || Path.empty())
    return false;
  std::string Absolute = absolutePath(Path);
  std::string Relative;
  llvm::StringRef A(Absolute);
  if (A.starts_with(Base) && A.size() > Base.size() &&
      llvm::sys::path::is_separator(A[Base.size()]))
    Relative = A.drop_front(Base.size() + 1).str();
  for (const std::string &G : Globs) {
    auto Pattern = llvm::GlobPattern::create(G);
    if (!Pattern)
      continue;
    bool AbsoluteGlob = llvm::StringRef(G).starts_with("/");
    llvm::StringRef Candidate = AbsoluteGlob ? llvm::StringRef(Absolute) : llvm::StringRef(Relative);
    // The path itself, then each directory above it.
    while (!Candidate.empty() && Candidate != "/") {
      if (Pattern->match(Candidate))
        return true;
      Candidate = llvm::sys::path::parent_path(Candidate);
    }
  }
  return false;
}

SuppressionCounts applySuppressions(std::vector<Finding> &Findings,
                                    const SuppressionPolicy &Policy) {
  SuppressionCounts Counts;
  SourceLines Sources;
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    if (Policy.exclude.matches(F.loc.file)) {
      ++Counts.excluded;
      continue;
    }
    if (Policy.nolint && isSuppressedByNolint(Sources.lines(F.loc.file), F.loc.line, F.check)) {
      ++Counts.nolint;
      continue;
    }
    bool Configured = false;
    for (const SuppressEntry &S : Policy.suppress)
      Configured |= S.matches(F);
    if (Configured) {
      ++Counts.config;
      continue;
    }
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  return Counts;
}

} // namespace leakcheck

// What users ask leakcheck not to report: NOLINT comments in the source (the semantics of
// clang-tidy, so that one comment serves the CLI and the clang-tidy plugin), `Suppress:`
// entries of the configuration (by symbol) and `Exclude:` path globs (third-party and
// generated code). No Clang AST here: the CLI applies these to the merged findings.
#pragma once

#include "model/Finding.h"
#include "reporting/SourceLines.h"

#include <string>
#include <vector>

namespace leakcheck {

// Whether a NOLINT comment silences Check at Line (1-based) of a file whose lines are Lines:
//   `// NOLINT` or `// NOLINT(<globs>)` on the line itself,
//   `// NOLINTNEXTLINE` or `// NOLINTNEXTLINE(<globs>)` on the line before,
//   a `// NOLINTBEGIN(<globs>)` ... `// NOLINTEND(<globs>)` block around it.
// <globs> is clang-tidy's comma-separated list ("leakcheck-*", "leakcheck-shared-ptr-cycle");
// without parentheses every check is silenced, with empty ones none.
bool isSuppressedByNolint(const std::vector<std::string> &Lines, unsigned Line,
                          const std::string &Check);

// A configuration `Suppress:` entry: findings whose symbol matches `symbol` (a glob:
// "legacy::*") of the checks `checks` (a glob list; empty: every check).
struct SuppressEntry {
  std::string symbol;
  std::string checks;
  std::string reason;  // why, for the reader of the configuration
  bool matches(const Finding &F) const;
};

// Path globs relative to a base directory, like a .gitignore without negation: a glob
// matches a path below Base when it matches the path relative to Base or one of its parent
// directories ("third_party" and "third_party/*" both exclude third_party/x/y.h). `*` also
// matches `/`. A glob starting with `/` is matched against absolute paths.
class PathGlobs {
public:
  PathGlobs() = default;
  PathGlobs(std::string Base, std::vector<std::string> Globs);
  bool empty() const { return Globs.empty(); }
  // Path: absolute, or relative to the working directory.
  bool matches(const std::string &Path) const;

private:
  std::string Base;  // absolute
  std::vector<std::string> Globs;
};

struct SuppressionPolicy {
  bool nolint = true;  // honour NOLINT comments
  std::vector<SuppressEntry> suppress;
  PathGlobs exclude;
};

struct SuppressionCounts {
  unsigned nolint = 0, config = 0, excluded = 0;
  unsigned total() const { return nolint + config + excluded; }
};

// Drops the findings Policy silences; says how many went for which reason.
SuppressionCounts applySuppressions(std::vector<Finding> &Findings,
                                    const SuppressionPolicy &Policy);

// Whether Name matches one of the globs of a comma-separated list (negative globs, `-x`,
// are not suppressions and match nothing). An empty list matches nothing.
bool matchesGlobList(const std::string &Globs, const std::string &Name);

} // namespace leakcheck

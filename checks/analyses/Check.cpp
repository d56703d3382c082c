#include "analyses/Check.h"

#include "analyses/MissingWeakBackrefCheck.h"
#include "analyses/SharedPtrCycleCheck.h"
#include "analyses/UnboundedStaticCacheCheck.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"

#include <algorithm>
#include <tuple>

namespace leakcheck {

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {SharedPtrCycleCheck::Name,
       "a strong std::shared_ptr ownership cycle between records: reference counting never "
       "frees it",
       [] { return std::make_unique<SharedPtrCycleCheck>(); }},
      {MissingWeakBackrefCheck::Name,
       "the field of a strong ownership cycle that points back at its owner and should be a "
       "std::weak_ptr (with a fix-it)",
       [] { return std::make_unique<MissingWeakBackrefCheck>(); }},
      {UnboundedStaticCacheCheck::Name,
       "a container with static storage that the program grows and never erases, clears, "
       "pops or bounds",
       [] { return std::make_unique<UnboundedStaticCacheCheck>(); }},
  };
  return Checks;
}

std::vector<const OptionSpec *> CheckInfo::options() const {
  std::vector<const OptionSpec *> Out;
  for (const OptionSpec &O : declaredOptions())
    if (name == O.scope || llvm::StringRef(O.scope) == "leakcheck")
      Out.push_back(&O);
  return Out;
}

std::string closestCheckName(const std::string &Name) {
  std::string Best;
  unsigned BestDistance = ~0u;
  for (const CheckInfo &C : allChecks()) {
    unsigned D = llvm::StringRef(Name).edit_distance(C.name, /*AllowReplacements=*/true);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C.name;
    }
  }
  return BestDistance <= std::max<size_t>(3, Name.size() / 3) ? Best : "";
}

std::vector<std::string> checkGlobProblems(const std::string &Globs) {
  std::vector<std::string> Out;
  llvm::StringRef Rest(Globs);
  while (!Rest.empty()) {
    auto [Item, Tail] = Rest.split(',');
    Rest = Tail;
    Item = Item.trim();
    Item.consume_front("-");
    Item = Item.trim();
    // Other tools' checks (a shared .clang-tidy list) and patterns are not ours to judge.
    if (!Item.starts_with("leakcheck") || Item.find_first_of("*?[") != llvm::StringRef::npos)
      continue;
    bool Exists = llvm::any_of(allChecks(), [&](const CheckInfo &C) { return C.name == Item; });
    if (Exists)
      continue;
    std::string Near = closestCheckName(Item.str());
    Out.push_back("no check is named '" + Item.str() + "'" +
                  (Near.empty() ? "" : " (did you mean " + Near + "?)"));
  }
  return Out;
}

bool isCheckEnabled(const std::string &Globs, const std::string &Name) {
  bool Enabled = llvm::StringRef(Globs).trim().empty();
  llvm::StringRef Rest(Globs);
  while (!Rest.empty()) {
    auto [Item, Tail] = Rest.split(',');
    Rest = Tail;
    Item = Item.trim();
    bool Negative = Item.consume_front("-");
    Item = Item.trim();
    if (Item.empty())
      continue;
    auto Pattern = llvm::GlobPattern::create(Item);
    if (Pattern && Pattern->match(Name))
      Enabled = !Negative;
  }
  return Enabled;
}

std::vector<std::unique_ptr<LeakCheck>> createChecks(const std::string &Globs,
                                                     const CheckOptions &Options) {
  std::vector<std::unique_ptr<LeakCheck>> Out;
  for (const CheckInfo &Info : allChecks()) {
    if (!isCheckEnabled(Globs, Info.name))
      continue;
    Out.push_back(Info.create());
    Out.back()->configure(Options);
  }
  return Out;
}

std::vector<Finding> runChecks(const std::vector<std::unique_ptr<LeakCheck>> &Checks,
                               const ProgramModel &Model) {
  std::vector<Finding> Out;
  for (const auto &C : Checks)
    C->analyze(Model, Out);
  std::stable_sort(Out.begin(), Out.end(), [](const Finding &A, const Finding &B) {
    return std::tie(A.loc.file, A.loc.line, A.loc.column, A.check, A.symbol) <
           std::tie(B.loc.file, B.loc.line, B.loc.column, B.check, B.symbol);
  });
  return Out;
}

} // namespace leakcheck

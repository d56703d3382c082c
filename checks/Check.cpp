#include "Check.h"

#include "MissingWeakBackrefCheck.h"
#include "SharedPtrCycleCheck.h"
#include "UnboundedStaticCacheCheck.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"

#include <algorithm>
#include <tuple>

namespace leakcheck {

std::string CheckOptions::get(const std::string &Check, const std::string &Option,
                              const std::string &Default) const {
  auto It = Values.find(Check + "." + Option);
  return It == Values.end() ? Default : It->second;
}

unsigned CheckOptions::getUnsigned(const std::string &Check, const std::string &Option,
                                   unsigned Default) const {
  unsigned Result;
  if (llvm::StringRef(get(Check, Option, "")).trim().getAsInteger(10, Result))
    return Default;
  return Result;
}

std::vector<std::string> CheckOptions::getList(const std::string &Check,
                                               const std::string &Option,
                                               const std::string &Default) const {
  std::string Text = get(Check, Option, Default);
  std::vector<std::string> Out;
  llvm::StringRef Rest(Text);
  while (!Rest.empty()) {
    size_t Cut = Rest.find_first_of(";,");
    llvm::StringRef Item = Rest.substr(0, Cut).trim();
    if (!Item.empty())
      Out.push_back(Item.str());
    if (Cut == llvm::StringRef::npos)
      break;
    Rest = Rest.substr(Cut + 1);
  }
  return Out;
}

std::set<std::string> CheckOptions::getNames(const std::string &Check, const std::string &Option,
                                            const std::string &Default) const {
  std::set<std::string> Out;
  for (std::string &Item : getList(Check, Option, Default))
    Out.insert(Item.rfind("::", 0) == 0 ? Item.substr(2) : Item);
  return Out;
}

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

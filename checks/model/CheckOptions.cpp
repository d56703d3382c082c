#include "model/CheckOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"

namespace leakcheck {

namespace {

constexpr const char *CycleCheck = "leakcheck-shared-ptr-cycle";
constexpr const char *BackrefCheck = "leakcheck-missing-weak-backref";
constexpr const char *CacheCheck = "leakcheck-unbounded-static-cache";

// "ns::Name", "::Name", "Name": identifiers joined by "::".
bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(Parts, [](llvm::StringRef Part) {
    return !Part.empty() && !llvm::isDigit(Part.front()) &&
           llvm::all_of(Part, [](char C) { return llvm::isAlnum(C) || C == '_'; });
  });
}

} // namespace

const std::vector<OptionSpec> &declaredOptions() {
  using K = OptionSpec::Kind;
  static const std::vector<OptionSpec> Options = {
      {CycleCheck, "MaxCyclesPerComponent", K::Unsigned, "100",
       "simple cycles enumerated per strongly connected component; past it, each remaining "
       "edge still gets one cycle"},
      {CycleCheck, "BackReferenceNames", K::List,
       "parent;prev;previous;owner;up;back;outer;container;enclosing;holder;host",
       "words of a field name (`m_parentNode` has `parent`, `node`) that mark a field to its "
       "own record as pointing back"},
      {BackrefCheck, "BackReferenceNames", K::List,
       "parent;prev;previous;owner;up;back;outer;container;enclosing;holder;host;subject;"
       "creator;master",
       "words of a field name that say it points back to its owner"},
      {CacheCheck, "Containers", K::Names,
       "std::vector;std::deque;std::list;std::forward_list;std::set;std::multiset;std::map;"
       "std::multimap;std::unordered_set;std::unordered_multiset;std::unordered_map;"
       "std::unordered_multimap;std::stack;std::queue;std::priority_queue",
       "the container templates that count (the whole list: add yours, such as "
       "`absl::flat_hash_map`, to the defaults)", /*affectsFacts=*/true},
      {"leakcheck", "SharedPointers", K::Names, "",
       "more owning smart pointers than `std::shared_ptr` (`boost::shared_ptr`, an in-house "
       "`Ref`)", /*affectsFacts=*/true},
      {"leakcheck", "UniquePointers", K::Names, "",
       "more owning smart pointers that are never shared, like `std::unique_ptr`", /*affectsFacts=*/true},
      {"leakcheck", "Callables", K::Names, "",
       "more callable wrappers that can store a lambda, like `std::function`", /*affectsFacts=*/true},
      {"leakcheck", "Containers", K::Names, "",
       "more containers whose elements are held by value, like `std::vector`", /*affectsFacts=*/true},
  };
  return Options;
}

const OptionSpec *findOption(const std::string &Key) {
  for (const OptionSpec &O : declaredOptions())
    if (O.key() == Key)
      return &O;
  return nullptr;
}

std::string closestOptionKey(const std::string &Key) {
  // Nearest by the option's name first, then by its scope: "SharedPointers" written without
  // its scope, or under the wrong check, is still "leakcheck.SharedPointers".
  auto [Scope, Name] = llvm::StringRef(Key).rsplit('.');
  if (Name.empty())
    std::swap(Scope, Name);
  std::string Best;
  std::pair<unsigned, unsigned> BestDistance{~0u, ~0u};
  for (const OptionSpec &O : declaredOptions()) {
    std::pair<unsigned, unsigned> D{Name.edit_distance(O.name, /*AllowReplacements=*/true),
                                    Scope.edit_distance(O.scope, /*AllowReplacements=*/true)};
    if (D < BestDistance) {
      BestDistance = D;
      Best = O.key();
    }
  }
  // A suggestion that shares little with what was written helps nobody.
  return BestDistance.first <= std::max<size_t>(2, Name.size() / 2) ? Best : "";
}

std::vector<std::string> splitOptionList(const std::string &Text) {
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

std::string checkOptionValue(const OptionSpec &Spec, const std::string &Value) {
  switch (Spec.kind) {
  case OptionSpec::Kind::Unsigned: {
    unsigned N;
    if (llvm::StringRef(Value).trim().getAsInteger(10, N))
      return "'" + Value + "' is not a non-negative integer";
    return "";
  }
  case OptionSpec::Kind::List:
    return "";
  case OptionSpec::Kind::Names:
    for (const std::string &Item : splitOptionList(Value))
      if (!isQualifiedName(Item))
        return "'" + Item + "' is not a qualified name (such as boost::shared_ptr)";
    return "";
  }
  return "";
}

std::string CheckOptions::get(const std::string &Scope, const std::string &Option) const {
  std::string Key = Scope + "." + Option;
  auto It = Values.find(Key);
  if (It != Values.end())
    return It->second;
  const OptionSpec *Spec = findOption(Key);
  if (!Spec)
    llvm::report_fatal_error(llvm::Twine("leakcheck reads an undeclared option ") + Key);
  return Spec->defaultValue;
}

unsigned CheckOptions::getUnsigned(const std::string &Scope, const std::string &Option) const {
  unsigned Result;
  if (!llvm::StringRef(get(Scope, Option)).trim().getAsInteger(10, Result))
    return Result;
  // Validated values never get here (Config.cpp); a bad value from elsewhere (the
  // clang-tidy plugin, which reports it) falls back to the default.
  llvm::StringRef(findOption(Scope + "." + Option)->defaultValue).getAsInteger(10, Result);
  return Result;
}

std::vector<std::string> CheckOptions::getList(const std::string &Scope,
                                               const std::string &Option) const {
  return splitOptionList(get(Scope, Option));
}

std::set<std::string> CheckOptions::getNames(const std::string &Scope,
                                             const std::string &Option) const {
  std::set<std::string> Out;
  for (std::string &Item : getList(Scope, Option))
    Out.insert(Item.rfind("::", 0) == 0 ? Item.substr(2) : Item);
  return Out;
}

} // namespace leakcheck

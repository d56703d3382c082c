#include "analyses/UnboundedStaticCacheCheck.h"

#include "analyses/Reachable.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace leakcheck {

void UnboundedStaticCacheCheck::configure(const CheckOptions &Options) {
  Containers = Options.getNames(name(), "Containers");
}

namespace {

std::string quote(const std::string &S) { return "'" + S + "'"; }

// Which containers each container or alias key stands for (ContainerAliasFact).
class Aliases {
public:
  explicit Aliases(const ProgramModel &M) : Model(M) {
    for (const ContainerAliasFact &A : M.containerAliases)
      Targets[A.alias].push_back(A.container);
  }
  std::vector<std::string> resolve(const std::string &Key) const {
    std::vector<std::string> Out;
    std::set<std::string> Seen;
    forEachReachable(Targets, Key, Seen, [&](const std::string &K) {
      if (Model.containers.count(K))
        Out.push_back(K);
    });
    return Out;
  }

private:
  const ProgramModel &Model;
  std::map<std::string, std::vector<std::string>> Targets;
};

// Tells growth while the program runs from growth while static variables are initialised:
// a function is run only during initialisation if every call to it comes from a static
// variable's initializer (a registrar: `static bool r = Factory::reg(...)`) or from such a
// function. Functions nothing calls (main, an API, a callback) run while the program runs.
class Initialisation {
public:
  explicit Initialisation(const ProgramModel &M) {
    std::map<std::string, std::set<std::string>> Callers;
    for (const CallFact &C : M.calls)
      Callers[C.callee].insert(C.caller);
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[Function, From] : Callers)
        if (!Only.count(Function) &&
            std::all_of(From.begin(), From.end(),
                        [&](const std::string &C) { return C.empty() || Only.count(C); }))
          Changed |= Only.insert(Function).second;
    }
  }
  bool runsLater(const std::string &Function) const {
    return !Function.empty() && !Only.count(Function);
  }

private:
  std::set<std::string> Only;  // functions run only while static variables are initialised
};

// Tells growth while an object is built from growth over its life: a member function that
// only its record's constructors call (directly, or through other such functions: a
// constructor's `fillTables()`) fills the object while it is built, like the constructor.
class Construction {
public:
  explicit Construction(const ProgramModel &M) {
    std::map<std::string, std::vector<const CallFact *>> Callers;
    for (const CallFact &C : M.calls)
      Callers[C.callee].push_back(&C);
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[Function, From] : Callers) {
        if (Builds.count(Function))
          continue;
        std::string Record = builds(*From.front());
        if (!Record.empty() && std::all_of(From.begin(), From.end(), [&](const CallFact *C) {
              return builds(*C) == Record;
            }))
          Changed |= Builds.emplace(Function, Record).second;
      }
    }
  }
  // Whether U grows a member of a Record object while it is built.
  bool whileBuilt(const ContainerUseFact &U, const std::string &Record) const {
    auto It = Builds.find(U.function);
    return U.ownObject && It != Builds.end() && It->second == Record;
  }

private:
  // The record a call's caller builds: a constructor's, or a function only it calls.
  std::string builds(const CallFact &C) const {
    if (!C.constructs.empty())
      return C.constructs;
    auto It = Builds.find(C.caller);
    return It == Builds.end() ? "" : It->second;
  }
  std::map<std::string, std::string> Builds;  // function -> the record it helps build
};

std::string storageText(const ContainerFact &C, const StaticInstanceFact *Instance) {
  std::string Text;
  switch (C.storage) {
  case ContainerFact::Storage::Namespace:
    Text = C.threadLocal ? "a thread_local" : "a global";
    break;
  case ContainerFact::Storage::StaticMember:
    Text = C.threadLocal ? "a thread_local static data member" : "a static data member";
    break;
  case ContainerFact::Storage::FunctionStatic:
    Text = std::string(C.threadLocal ? "a thread_local in " : "a static local of ") +
           quote(C.function);
    break;
  case ContainerFact::Storage::Member:
    Text = "a member of the static object " + quote(Instance ? Instance->variable : "?");
    break;
  }
  return Text;
}

std::string where(const ContainerUseFact &U) {
  return U.operation + (U.function.empty() ? "" : " in " + quote(U.function));
}

} // namespace

void UnboundedStaticCacheCheck::analyze(const ProgramModel &Model, std::vector<Finding> &Out) const {
  Aliases Resolve(Model);
  Initialisation Init(Model);
  Construction Built(Model);
  std::map<std::string, std::vector<const ContainerUseFact *>> Grows;
  std::set<std::string> Tamed;  // shrunk or kept to a size somewhere in the program
  for (const ContainerUseFact &U : Model.containerUses)
    for (const std::string &Key : Resolve.resolve(U.container)) {
      if (U.kind != ContainerUseFact::Kind::Grow)
        Tamed.insert(Key);
      else if (Init.runsLater(U.function) &&  // filled while initialised: not a cache
               !Built.whileBuilt(U, Model.containers.at(Key).record))
        Grows[Key].push_back(&U);
    }
  std::map<std::string, const StaticInstanceFact *> Instances;
  for (const StaticInstanceFact &I : Model.staticInstances) {
    auto [It, Inserted] = Instances.emplace(I.record, &I);
    if (!Inserted && I.loc < It->second->loc)
      It->second = &I;
  }

  for (const auto &[Key, C] : Model.containers) {
    auto G = Grows.find(Key);
    if (C.isConst || !Containers.count(C.containerTemplate) || G == Grows.end() ||
        Tamed.count(Key))
      continue;
    const StaticInstanceFact *Instance = nullptr;
    if (C.storage == ContainerFact::Storage::Member) {
      // Static storage only if every object of the record is static: a record the program
      // also makes locally, with new or as a temporary is a value type, not a singleton,
      // and its members grow on those objects as well.
      auto It = Instances.find(C.record);
      if (It == Instances.end() || Model.automaticInstances.count(C.record))
        continue;
      Instance = It->second;
    }
    std::vector<const ContainerUseFact *> Sites = G->second;
    std::sort(Sites.begin(), Sites.end(), [](const ContainerUseFact *A, const ContainerUseFact *B) {
      return std::tie(A->loc, A->operation) < std::tie(B->loc, B->operation);
    });
    Sites.erase(std::unique(Sites.begin(), Sites.end(),
                            [](const ContainerUseFact *A, const ContainerUseFact *B) {
                              return A->loc == B->loc;
                            }),
                Sites.end());
    Finding F;
    F.check = name();
    F.loc = C.loc;
    F.symbol = C.symbol;
    F.message = "unbounded cache " + quote(C.symbol) + " (" + storageText(C, Instance) +
                ") grows (" + where(*Sites.front());
    if (Sites.size() > 1)
      F.message += ", and in " + std::to_string(Sites.size() - 1) +
                   (Sites.size() == 2 ? " more place" : " more places");
    // Only what was seen is claimed: a partial run (one TU of many, a TU that does not
    // compile, excluded files) may hold the erase.
    F.message += Model.wholeProgram ? ") but nothing in the program erases"
                                    : ") but nothing in the analysed files erases";
    F.message += ", clears or pops it: it lives until the program exits; bound it (an LRU or "
                 "a size cap) or evict entries";
    if (C.holdsShared)
      F.message += ", or hold std::weak_ptr values so it does not keep its objects alive";
    for (const ContainerUseFact *U : Sites)
      F.notes.push_back({U->loc, quote(C.symbol) + " grows here (" + where(*U) + ")"});
    if (Instance)
      F.notes.push_back({Instance->loc, quote(Instance->variable) + " is a static " +
                                            quote(Model.records.count(C.record)
                                                      ? Model.records.at(C.record).name
                                                      : C.record) +
                                            ": its members live until the program exits"});
    if (!C.partialIn.empty())
      F.notes.push_back({C.loc, quote(C.symbol) + " is known only from translation units that "
                                "do not compile (" + llvm::join(C.partialIn, ", ") +
                                "): this finding rests on their partial facts"});
    Out.push_back(std::move(F));
  }
}

} // namespace leakcheck

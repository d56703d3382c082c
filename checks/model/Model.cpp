#include "model/Model.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace leakcheck {

namespace {

// --- One canonical order for each kind of fact -----------------------------------------

auto order(const OwnedTarget &T) { return std::tie(T.record, T.kind, T.many); }
auto order(const CaptureFact &F) {
  std::vector<std::tuple<std::string, OwnKind, bool>> Captured;
  for (const OwnedTarget &T : F.captured)
    Captured.emplace_back(T.record, T.kind, T.many);
  return std::make_tuple(std::cref(F.into), std::cref(F.loc), std::move(Captured));
}
auto order(const ForwardFact &F) { return std::tie(F.from, F.into); }
auto order(const LinkFact &F) {
  return std::tie(F.function, F.record, F.field, F.holder, F.value, F.valueParam, F.loc);
}
auto order(const SelfArgumentFact &F) { return std::tie(F.param, F.loc); }
auto order(const ContainerUseFact &F) {
  return std::tie(F.container, F.kind, F.operation, F.function, F.ownObject, F.loc);
}
auto order(const ContainerAliasFact &F) { return std::tie(F.alias, F.container); }
auto order(const StaticInstanceFact &F) { return std::tie(F.record, F.variable, F.loc); }
auto order(const CallFact &F) { return std::tie(F.caller, F.callee, F.constructs); }

template <class T> void sortUnique(std::vector<T> &List) {
  auto Less = [](const T &A, const T &B) { return order(A) < order(B); };
  auto Same = [](const T &A, const T &B) { return !(order(A) < order(B)) && !(order(B) < order(A)); };
  std::sort(List.begin(), List.end(), Less);
  List.erase(std::unique(List.begin(), List.end(), Same), List.end());
}

template <class T> void unite(std::vector<T> &Into, const std::vector<T> &From) {
  Into.insert(Into.end(), From.begin(), From.end());
  std::sort(Into.begin(), Into.end());
  Into.erase(std::unique(Into.begin(), Into.end()), Into.end());
}

template <class T> void append(std::vector<T> &Into, std::vector<T> &From) {
  Into.insert(Into.end(), std::make_move_iterator(From.begin()),
              std::make_move_iterator(From.end()));
}

// --- Uniting the facts of one entity seen by two TUs ------------------------------------
// Each rule is a join (commutative, associative, idempotent): a union of sets, an "or",
// or the least element by a total order. So is their combination.

// What a field keeps alive: one entry per (record, kind); "many" if either says so.
void uniteTargets(std::vector<OwnedTarget> &Into, const std::vector<OwnedTarget> &From) {
  for (const OwnedTarget &T : From) {
    auto It = std::find(Into.begin(), Into.end(), T);
    if (It == Into.end())
      Into.push_back(T);
    else
      It->many |= T.many;
  }
  std::sort(Into.begin(), Into.end());
}

void uniteFields(FieldFact &Into, FieldFact &&From) {
  // The declaration as written: the first by location (then by text, for a tie).
  if (std::tie(From.loc, From.declText, From.typeText, From.declLength) <
      std::tie(Into.loc, Into.declText, Into.typeText, Into.declLength)) {
    std::swap(Into.loc, From.loc);
    std::swap(Into.typeText, From.typeText);
    std::swap(Into.declText, From.declText);
    std::swap(Into.declLength, From.declLength);
  }
  uniteTargets(Into.targets, From.targets);
  Into.holdsCallable |= From.holdsCallable;
  unite(Into.callableHolders, From.callableHolders);
  for (WeakFix &W : From.weakFixes) {
    auto It = std::find_if(Into.weakFixes.begin(), Into.weakFixes.end(),
                           [&](const WeakFix &Mine) { return Mine.target == W.target; });
    if (It == Into.weakFixes.end())
      Into.weakFixes.push_back(std::move(W));
    else if (std::tie(W.replacement, W.problem) < std::tie(It->replacement, It->problem))
      *It = std::move(W);
  }
  std::sort(Into.weakFixes.begin(), Into.weakFixes.end(),
            [](const WeakFix &A, const WeakFix &B) { return A.target < B.target; });
}

void uniteRecords(RecordFact &Into, RecordFact &&From) {
  // A TU that compiled knows the record; one that did not only guesses at it.
  if (Into.partialIn.empty() != From.partialIn.empty()) {
    if (!From.partialIn.empty())
      return;
    Into = std::move(From);
    return;
  }
  Into.partialIn.insert(From.partialIn.begin(), From.partialIn.end());
  if (std::tie(From.loc, From.name) < std::tie(Into.loc, Into.name)) {
    std::swap(Into.loc, From.loc);
    std::swap(Into.name, From.name);
  }
  unite(Into.bases, From.bases);
  for (FieldFact &F : From.fields) {
    auto It = std::find_if(Into.fields.begin(), Into.fields.end(),
                           [&](const FieldFact &Mine) { return Mine.name == F.name; });
    if (It == Into.fields.end())
      Into.fields.push_back(std::move(F));
    else
      uniteFields(*It, std::move(F));
  }
  // Declaration order (by location, which is that order for one definition).
  std::sort(Into.fields.begin(), Into.fields.end(), [](const FieldFact &A, const FieldFact &B) {
    return std::tie(A.loc, A.name) < std::tie(B.loc, B.name);
  });
}

// Which of two facts of one container to keep: compiled over partial, a definition over a
// declaration, then the first by a total order of the rest (location first).
auto preference(const ContainerFact &C) {
  return std::make_tuple(!C.partialIn.empty(), !C.definition, std::cref(C.loc),
                         std::cref(C.symbol), std::cref(C.typeText), std::cref(C.function),
                         std::cref(C.record), std::cref(C.containerTemplate), C.storage,
                         C.threadLocal, C.isConst, C.holdsShared);
}

} // namespace

void ProgramModel::addContainer(ContainerFact C) {
  auto [It, Added] = containers.try_emplace(C.key, C);
  if (Added)
    return;
  ContainerFact &Mine = It->second;
  if (preference(C) < preference(Mine))
    std::swap(Mine, C);
  // Both partial (a compiled TU's facts are preferred to any partial ones): remember every
  // TU that saw it.
  if (!Mine.partialIn.empty())
    Mine.partialIn.insert(C.partialIn.begin(), C.partialIn.end());
}

void ProgramModel::merge(ProgramModel &&Other) {
  for (auto &Entry : Other.records) {
    auto [It, Added] = records.try_emplace(Entry.first, std::move(Entry.second));
    if (!Added)
      uniteRecords(It->second, std::move(Entry.second));
  }
  append(captures, Other.captures);
  append(forwards, Other.forwards);
  append(links, Other.links);
  append(selfArguments, Other.selfArguments);
  for (auto &Entry : Other.containers)
    addContainer(std::move(Entry.second));
  append(containerUses, Other.containerUses);
  append(containerAliases, Other.containerAliases);
  append(staticInstances, Other.staticInstances);
  append(calls, Other.calls);
  automaticInstances.insert(Other.automaticInstances.begin(), Other.automaticInstances.end());
  invalidRecords.insert(Other.invalidRecords.begin(), Other.invalidRecords.end());
  append(brokenUnits, Other.brokenUnits);
  translationUnits += Other.translationUnits;
  wholeProgram = wholeProgram && Other.wholeProgram;
}

void ProgramModel::canonicalize() {
  for (CaptureFact &C : captures)
    std::sort(C.captured.begin(), C.captured.end(),
              [](const OwnedTarget &A, const OwnedTarget &B) { return order(A) < order(B); });
  sortUnique(captures);
  sortUnique(forwards);
  sortUnique(links);
  sortUnique(selfArguments);
  sortUnique(containerUses);
  sortUnique(containerAliases);
  sortUnique(staticInstances);
  sortUnique(calls);
  std::sort(brokenUnits.begin(), brokenUnits.end(), [](const BrokenUnit &A, const BrokenUnit &B) {
    return std::tie(A.file, A.firstError) < std::tie(B.file, B.firstError);
  });
  // A record some TU defines is not "not analysed" because a broken TU could not read it.
  for (BrokenUnit &U : brokenUnits)
    U.invalidRecords.erase(std::remove_if(U.invalidRecords.begin(), U.invalidRecords.end(),
                                          [&](const std::string &R) { return records.count(R); }),
                           U.invalidRecords.end());
}

void ProgramModel::keepOnlyDeclarations(BrokenUnit Unit) {
  for (auto &Entry : records)
    Entry.second.partialIn = {Unit.file};
  for (auto &Entry : containers)
    Entry.second.partialIn = {Unit.file};
  Unit.invalidRecords.assign(invalidRecords.begin(), invalidRecords.end());
  invalidRecords.clear();
  brokenUnits = {std::move(Unit)};
  captures.clear();
  forwards.clear();
  links.clear();
  selfArguments.clear();
  containerUses.clear();
  containerAliases.clear();
  staticInstances.clear();
  automaticInstances.clear();
  calls.clear();
  translationUnits = 0;
  wholeProgram = false;
}

} // namespace leakcheck

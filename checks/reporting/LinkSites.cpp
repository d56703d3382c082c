#include "reporting/LinkSites.h"

#include <map>
#include <utility>

namespace leakcheck {

namespace {

struct Site {
  SourceLoc loc;
  std::string function;
};

void keepFirst(std::map<std::pair<std::string, std::string>, Site> &Sites,
               const std::pair<std::string, std::string> &Key, const Site &S) {
  auto [It, Inserted] = Sites.try_emplace(Key, S);
  if (!Inserted && S.loc < It->second.loc)
    It->second = S;
}

} // namespace

void attachLinkSites(std::vector<Finding> &Findings, const ProgramModel &Model) {
  // (record name as written, field) -> first site; cycle edges name records as written.
  std::map<std::pair<std::string, std::string>, Site> Stores, Lambdas;
  auto NameOf = [&](const std::string &Key) {
    auto It = Model.records.find(Key);
    return It != Model.records.end() ? It->second.name : Key;
  };
  for (const LinkFact &L : Model.links)
    if (L.loc.valid())
      keepFirst(Stores, {NameOf(L.record), L.field},
                {L.loc, L.function.substr(0, L.function.find('@'))});
  // Lambdas stored into a field, directly or through the parameters that setters and
  // constructors store (followed to a fixed point: forwards may chain).
  std::map<ValueSlot, SourceLoc> Slots;
  for (const CaptureFact &C : Model.captures)
    if (!C.captured.empty() && C.loc.valid()) {
      auto [It, Inserted] = Slots.try_emplace(C.into, C.loc);
      if (!Inserted && C.loc < It->second)
        It->second = C.loc;
    }
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const ForwardFact &F : Model.forwards) {
      auto From = Slots.find(F.from);
      if (From == Slots.end())
        continue;
      SourceLoc Loc = From->second;
      auto [It, Inserted] = Slots.try_emplace(F.into, Loc);
      if (!Inserted && Loc < It->second) {
        It->second = Loc;
        Inserted = true;
      }
      Changed |= Inserted;
    }
  }
  for (const auto &[Slot, Loc] : Slots)
    if (Slot.isField())
      keepFirst(Lambdas, {NameOf(Slot.record), Slot.field}, {Loc, ""});

  for (Finding &F : Findings)
    for (CycleEdge &E : F.cycle) {
      const auto &From = E.kind == OwnKind::Callback ? Lambdas : Stores;
      auto It = From.find({E.record, E.field});
      if (It == From.end())
        continue;
      E.linkedAt = It->second.loc;
      E.linkedIn = It->second.function;
    }
}

} // namespace leakcheck

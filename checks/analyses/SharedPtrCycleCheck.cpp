#include "analyses/SharedPtrCycleCheck.h"

namespace leakcheck {

CycleSearchOptions SharedPtrCycleCheck::searchOptions(const CheckOptions &Options,
                                                      const std::string &Check) {
  CycleSearchOptions S;
  S.maxCyclesPerComponent = Options.getUnsigned(Check, "MaxCyclesPerComponent");
  S.backReferenceNames = Options.getList(Check, "BackReferenceNames");
  return S;
}

void SharedPtrCycleCheck::configure(const CheckOptions &Options) {
  Search = searchOptions(Options, name());
}

std::string describeCycle(const OwnershipCycle &Cycle) {
  std::string Text;
  for (const OwnershipEdge &E : Cycle.edges)
    Text += E.label() + " -> ";
  return Text + Cycle.edges.front().from->name;
}

std::vector<CycleEdge> cycleEdges(const OwnershipCycle &Cycle) {
  std::vector<CycleEdge> Out;
  for (const OwnershipEdge &E : Cycle.edges)
    Out.push_back({E.declaredIn->name, E.field->name, E.field->loc, E.to->name, E.kind});
  return Out;
}

static const char *pointerWord(OwnKind Kind) {
  switch (Kind) {
  case OwnKind::Shared:
    return "shared_ptr";
  case OwnKind::Unique:
    return "unique_ptr";
  case OwnKind::Callback:
    return "stored callback";
  }
  return "";
}

// Why the edge's holder keeps the next record alive, for the note at that edge.
static std::string explainEdge(const OwnershipEdge &E, bool Closes) {
  std::string Text = "'" + E.label() + "' (" + E.field->typeText + ") ";
  if (E.kind == OwnKind::Callback)
    Text += "stores a lambda that captures a strong pointer to '" + E.to->name + "'";
  else
    Text += std::string("owns '") + E.to->name + "' through a " + pointerWord(E.kind);
  if (E.declaredTarget != E.to->key)
    Text += " (as a base of '" + E.to->name + "')";
  if (Closes)
    Text += ", closing the cycle";
  return Text;
}

static std::string evidenceText(const OwnershipCycle &C) {
  switch (C.evidence) {
  case OwnershipCycle::Evidence::Types:
    return "";
  case OwnershipCycle::Evidence::LinkedBothWays:
    return " (the program links these objects both ways)";
  case OwnershipCycle::Evidence::OwnsItself:
    return " (the program makes an object own itself)";
  case OwnershipCycle::Evidence::BackName:
    return " ('" + C.edges.back().field->name + "' points back to its owner)";
  case OwnershipCycle::Evidence::SelfCallback:
    return " (the callback keeps its own object alive)";
  }
  return "";
}

void SharedPtrCycleCheck::analyze(const ProgramModel &Model, std::vector<Finding> &Out) const {
  for (const OwnershipCycle &C : findOwnershipCycles(Model, Search)) {
    const OwnershipEdge &First = C.edges.front();
    Finding F;
    F.check = name();
    F.loc = First.field->loc;
    F.symbol = First.label();
    F.message = "strong shared_ptr cycle " + describeCycle(C) + evidenceText(C);
    F.cycle = cycleEdges(C);
    for (size_t I = 0; I < C.edges.size(); ++I) {
      const OwnershipEdge &E = C.edges[I];
      bool Closes = I + 1 == C.edges.size();
      if (I > 0 || C.edges.size() == 1)
        F.notes.push_back({E.field->loc, explainEdge(E, Closes)});
      if (E.kind == OwnKind::Callback && E.capture.valid())
        F.notes.push_back({E.capture, "the lambda stored in '" + E.label() +
                                          "' captures a strong pointer to '" + E.to->name +
                                          "' here"});
    }
    notePartialRecords(C, F.notes);
    Out.push_back(std::move(F));
  }
}

} // namespace leakcheck

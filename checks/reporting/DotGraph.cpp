#include "reporting/DotGraph.h"

#include "reporting/Report.h"

#include <map>
#include <set>
#include <string>

namespace leakcheck {

namespace {

// A DOT string literal.
std::string quoted(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C == '\n' ? ' ' : C;
  }
  return Out + "\"";
}

std::string place(const SourceLoc &L) {
  return L.line ? L.file + ":" + std::to_string(L.line) : L.file;
}

// The label of an edge: the field, and how it owns when not through a shared_ptr.
std::string edgeLabel(const std::string &Field, OwnKind Kind) {
  switch (Kind) {
  case OwnKind::Shared:
    return Field;
  case OwnKind::Unique:
    return Field + " (unique_ptr)";
  case OwnKind::Callback:
    return Field + " (lambda)";
  }
  return Field;
}

// The symbols ("Record::field") leakcheck-missing-weak-backref asks to make weak.
std::set<std::string> backReferences(const std::vector<Finding> &Findings) {
  std::set<std::string> Out;
  for (const Finding &F : Findings)
    if (F.check == "leakcheck-missing-weak-backref")
      Out.insert(F.symbol);
  return Out;
}

void header(llvm::raw_ostream &OS, const char *Name) {
  OS << "digraph " << Name << " {\n"
     << "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n"
     << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\", "
        "fontname=\"Helvetica\", fontsize=11];\n"
     << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
}

} // namespace

void writeDotCycles(llvm::raw_ostream &OS, const std::vector<Finding> &Findings) {
  std::set<std::string> Weak = backReferences(Findings);
  header(OS, "leakcheck_cycles");
  unsigned N = 0;
  for (const Finding &F : Findings) {
    if (F.cycle.empty())
      continue;
    ++N;
    std::string Prefix = "c" + std::to_string(N) + "_";
    OS << "  subgraph cluster_" << N << " {\n"
       << "    label=" << quoted("cycle " + std::to_string(N) + ": " + F.symbol) << ";\n"
       << "    tooltip=" << quoted(F.message) << ";\n"
       << "    style=rounded; color=\"#999999\";\n";
    std::set<std::string> Nodes;
    for (const CycleEdge &E : F.cycle)
      for (const std::string &R : {E.record, E.target})
        if (Nodes.insert(R).second)
          OS << "    " << quoted(Prefix + R) << " [label=" << quoted(R) << "];\n";
    for (const CycleEdge &E : F.cycle) {
      bool Back = Weak.count(E.record + "::" + E.field);
      OS << "    " << quoted(Prefix + E.record) << " -> " << quoted(Prefix + E.target)
         << " [label=" << quoted(edgeLabel(E.field, E.kind))
         << ", tooltip=" << quoted(E.record + "::" + E.field + " at " + place(E.loc));
      if (Back)
        OS << ", style=dashed, color=\"#c0392b\", fontcolor=\"#c0392b\"";
      OS << "];\n";
    }
    OS << "  }\n";
  }
  OS << "}\n";
}

void writeDotProgram(llvm::raw_ostream &OS, const ProgramModel &Model,
                     const std::vector<Finding> &Findings) {
  std::set<std::string> Weak = backReferences(Findings);
  std::set<std::string> OnCycle;  // "Record::field" of every reported cycle's edges
  for (const Finding &F : Findings)
    for (const CycleEdge &E : F.cycle)
      OnCycle.insert(E.record + "::" + E.field);

  // What lambdas stored into each field capture: straight into the field, or through the
  // parameters of setters and constructors that store it.
  std::map<ValueSlot, std::set<std::string>> Captured;
  for (const CaptureFact &C : Model.captures)
    for (const OwnedTarget &T : C.captured)
      Captured[C.into].insert(T.record);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const ForwardFact &F : Model.forwards) {
      auto It = Captured.find(F.from);
      if (It == Captured.end())
        continue;
      std::set<std::string> From = It->second;
      for (const std::string &T : From)
        Changed |= Captured[F.into].insert(T).second;
    }
  }

  header(OS, "leakcheck_program");
  auto Node = [&](const std::string &Key) {
    auto It = Model.records.find(Key);
    return quoted(It != Model.records.end() ? It->second.name : Key);
  };
  std::set<std::string> Named;  // nodes are records' names as written: a template's
                                // specializations are one node
  for (const auto &[Key, R] : Model.records)
    if (Named.insert(R.name).second)
      OS << "  " << quoted(R.name) << " [tooltip=" << quoted(place(R.loc)) << "];\n";
  std::set<std::string> Drawn;  // one edge per (from, field, to, kind)
  for (const auto &[Key, R] : Model.records) {
    for (const std::string &Base : R.bases)
      if (Model.records.count(Base) &&
          Drawn.insert(R.name + "\x01" + "base" + "\x01" + Node(Base)).second)
        OS << "  " << quoted(R.name) << " -> " << Node(Base)
           << " [arrowhead=empty, style=dotted, color=\"#777777\", tooltip=\"base class\"];\n";
    for (const FieldFact &F : R.fields) {
      std::vector<std::pair<std::string, OwnKind>> Targets;
      for (const OwnedTarget &T : F.targets)
        Targets.push_back({T.record, T.kind});
      ValueSlot Slot;
      Slot.record = Key;
      Slot.field = F.name;
      auto It = Captured.find(Slot);
      if (It != Captured.end())
        for (const std::string &T : It->second)
          Targets.push_back({T, OwnKind::Callback});
      for (const auto &[Target, Kind] : Targets) {
        if (!Model.records.count(Target))
          continue;  // a record the program never defines (a system type)
        std::string Symbol = R.name + "::" + F.name;
        if (!Drawn.insert(Symbol + "\x01" + Node(Target) + "\x01" + ownKindName(Kind)).second)
          continue;
        OS << "  " << quoted(R.name) << " -> " << Node(Target)
           << " [label=" << quoted(edgeLabel(F.name, Kind))
           << ", tooltip=" << quoted(Symbol + " at " + place(F.loc));
        if (OnCycle.count(Symbol))
          OS << ", color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=1.6";
        if (Weak.count(Symbol))
          OS << ", style=dashed";
        OS << "];\n";
      }
    }
  }
  OS << "}\n";
}

} // namespace leakcheck

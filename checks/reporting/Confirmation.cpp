#include "reporting/Confirmation.h"
#include "reporting/JsonFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <set>

namespace leakcheck {

namespace {

// LEAKCHECK_TRACE may name a record with or without its namespaces ("Person",
// "app::Person") and the static side names templates without arguments: compare the last
// component, without template arguments.
std::string recordTail(llvm::StringRef Name) {
  Name = Name.substr(0, Name.find('<'));
  size_t Colon = Name.rfind("::");
  return (Colon == llvm::StringRef::npos ? Name : Name.drop_front(Colon + 2)).str();
}

using EdgeKey = std::pair<std::string, std::string>;  // (record tail, field)

std::set<EdgeKey> keys(const RuntimeCycle &C) {
  std::set<EdgeKey> Out;
  for (const auto &[Record, Field] : C.edges)
    Out.insert({recordTail(Record), Field});
  return Out;
}

EdgeKey keyOf(const std::string &Record, const std::string &Field) {
  return {recordTail(Record), Field};
}

// The static edges a finding names: its cycle, or the field of its symbol.
std::vector<EdgeKey> findingEdges(const Finding &F) {
  std::vector<EdgeKey> Out;
  for (const CycleEdge &E : F.cycle)
    Out.push_back(keyOf(E.record, E.field));
  if (Out.empty()) {
    llvm::StringRef Symbol(F.symbol);
    size_t Colon = Symbol.rfind("::");
    if (Colon != llvm::StringRef::npos)
      Out.push_back(keyOf(Symbol.substr(0, Colon).str(), Symbol.drop_front(Colon + 2).str()));
  }
  return Out;
}

// Where the model declares a traced (record, field), if it knows it.
const FieldFact *findField(const ProgramModel &Model, const EdgeKey &Key,
                           std::string &RecordName) {
  for (const auto &[K, R] : Model.records) {
    if (recordTail(R.name) != Key.first)
      continue;
    for (const FieldFact &F : R.fields)
      if (F.name == Key.second) {
        RecordName = R.name;
        return &F;
      }
  }
  return nullptr;
}

} // namespace

bool readRuntimeReport(const std::string &Path, RuntimeReport &Out, std::string &Error) {
  std::optional<llvm::json::Value> Doc = readJsonFile(Path, "the runtime report", Error);
  if (!Doc)
    return false;
  const llvm::json::Object *Top = Doc->getAsObject();
  if (!Top || Top->getString("tool") != "leakcheck-gc") {
    Error = Path + ": not a leakcheck runtime report (\"tool\": \"leakcheck-gc\" expected)";
    return false;
  }
  Out.path = Path;
  const llvm::json::Array *Cycles = Top->getArray("cycles");
  if (!Cycles)
    return true;
  for (const llvm::json::Value &V : *Cycles) {
    const llvm::json::Object *C = V.getAsObject();
    const llvm::json::Array *Edges = C ? C->getArray("edges") : nullptr;
    if (!Edges) {
      Error = Path + ": a cycle without \"edges\"";
      return false;
    }
    RuntimeCycle Cycle;
    for (const llvm::json::Value &E : *Edges) {
      const llvm::json::Object *O = E.getAsObject();
      auto Record = O ? O->getString("record") : std::nullopt;
      auto Field = O ? O->getString("field") : std::nullopt;
      if (!Record || !Field) {
        Error = Path + ": a cycle edge without \"record\" and \"field\"";
        return false;
      }
      Cycle.edges.push_back({Record->str(), Field->str()});
    }
    Cycle.counts.instances = C->getInteger("instances").value_or(0);
    Cycle.counts.occurrences = C->getInteger("occurrences").value_or(0);
    Cycle.counts.bytes = C->getInteger("bytes").value_or(0);
    Out.cycles.push_back(std::move(Cycle));
  }
  return true;
}

unsigned applyRuntimeReport(std::vector<Finding> &Findings, const RuntimeReport &Report,
                            const ProgramModel &Model) {
  std::vector<std::set<EdgeKey>> RuntimeEdges;
  for (const RuntimeCycle &C : Report.cycles)
    RuntimeEdges.push_back(keys(C));
  std::vector<bool> Named(Report.cycles.size(), false);
  unsigned Confirmed = 0;
  for (Finding &F : Findings) {
    F.confirmed = false;
    std::vector<EdgeKey> Edges = findingEdges(F);
    if (Edges.empty() || F.check == "leakcheck-unbounded-static-cache")
      continue;
    for (size_t I = 0; I < Report.cycles.size(); ++I) {
      bool All = std::all_of(Edges.begin(), Edges.end(),
                             [&](const EdgeKey &E) { return RuntimeEdges[I].count(E); });
      if (!All)
        continue;
      Named[I] = true;
      if (!*F.confirmed) {
        F.confirmed = true;
        F.runtime = Report.cycles[I].counts;
        ++Confirmed;
        F.notes.push_back({F.loc, "confirmed at run time (" +
                                      std::to_string(F.runtime->instances) + " instances)"});
      }
    }
  }
  for (size_t I = 0; I < Report.cycles.size(); ++I) {
    if (Named[I])
      continue;
    const RuntimeCycle &C = Report.cycles[I];
    Finding F;
    F.check = "leakcheck-shared-ptr-cycle";
    F.confirmed = true;
    F.runtime = C.counts;
    std::string Path;
    for (const auto &[Record, Field] : C.edges) {
      std::string Name = Record;
      const FieldFact *Fact = findField(Model, keyOf(Record, Field), Name);
      CycleEdge E;
      E.record = Name;
      E.field = Field;
      if (Fact)
        E.loc = Fact->loc;
      F.cycle.push_back(E);
      Path += Name + "::" + Field + " -> ";
    }
    if (F.cycle.empty())
      continue;
    F.symbol = F.cycle.front().record + "::" + F.cycle.front().field;
    F.loc = F.cycle.front().loc.valid() ? F.cycle.front().loc : SourceLoc{Report.path, 0, 0};
    F.message = "cycle seen at run time that no static finding names: " + Path +
                F.cycle.front().record + " (" + std::to_string(C.counts.instances) +
                " instances, " + std::to_string(C.counts.bytes) + " bytes)";
    Findings.push_back(std::move(F));
  }
  return Confirmed;
}

} // namespace leakcheck

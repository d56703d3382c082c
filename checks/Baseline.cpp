#include "Baseline.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace leakcheck {

std::string findingIdentity(const Finding &F) {
  if (F.cycle.empty())
    return F.check + "|" + F.symbol;
  std::vector<std::string> Edges;
  for (const CycleEdge &E : F.cycle)
    Edges.push_back(E.record + "::" + E.field);
  std::rotate(Edges.begin(), std::min_element(Edges.begin(), Edges.end()), Edges.end());
  std::string Out = F.check + "|";
  for (const std::string &E : Edges)
    Out += E + " -> ";
  return Out + "*";
}

bool readBaseline(const std::string &Path, Baseline &Out, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Path + ": cannot read the baseline: " + Buffer.getError().message();
    return false;
  }
  auto Doc = llvm::json::parse((*Buffer)->getBuffer());
  if (!Doc) {
    Error = Path + ": the baseline is not JSON: " + llvm::toString(Doc.takeError());
    return false;
  }
  const llvm::json::Object *Top = Doc->getAsObject();
  const llvm::json::Array *Findings = Top ? Top->getArray("findings") : nullptr;
  if (!Findings) {
    Error = Path + ": the baseline is not a leakcheck JSON report (no \"findings\" array)";
    return false;
  }
  for (size_t I = 0; I < Findings->size(); ++I) {
    const llvm::json::Object *Item = (*Findings)[I].getAsObject();
    auto Check = Item ? Item->getString("check") : std::nullopt;
    auto Symbol = Item ? Item->getString("symbol") : std::nullopt;
    if (!Check || !Symbol) {
      Error = Path + ": finding " + std::to_string(I + 1) +
              " of the baseline has no \"check\" or \"symbol\"";
      return false;
    }
    Finding F;
    F.check = Check->str();
    F.symbol = Symbol->str();
    if (const llvm::json::Array *Cycle = Item->getArray("cycle"))
      for (const llvm::json::Value &V : *Cycle) {
        const llvm::json::Object *E = V.getAsObject();
        auto Record = E ? E->getString("record") : std::nullopt;
        auto Field = E ? E->getString("field") : std::nullopt;
        if (!Record || !Field) {
          Error = Path + ": finding " + std::to_string(I + 1) +
                  " of the baseline has a cycle edge without \"record\" or \"field\"";
          return false;
        }
        CycleEdge Edge;
        Edge.record = Record->str();
        Edge.field = Field->str();
        F.cycle.push_back(std::move(Edge));
      }
    Out.identities.insert(findingIdentity(F));
  }
  return true;
}

unsigned applyBaseline(std::vector<Finding> &Findings, const Baseline &B) {
  size_t Before = Findings.size();
  Findings.erase(std::remove_if(Findings.begin(), Findings.end(),
                                [&](const Finding &F) {
                                  return B.identities.count(findingIdentity(F)) != 0;
                                }),
                 Findings.end());
  return Before - Findings.size();
}

} // namespace leakcheck

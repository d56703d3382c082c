#include "reporting/Baseline.h"
#include "reporting/JsonFile.h"

#include "llvm/Support/JSON.h"

#include <algorithm>
#include <optional>
#include <tuple>

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

// The string members A and B of an object, or nothing.
static std::optional<std::pair<std::string, std::string>>
stringPair(const llvm::json::Value &V, llvm::StringRef A, llvm::StringRef B) {
  const llvm::json::Object *O = V.getAsObject();
  auto First = O ? O->getString(A) : std::nullopt;
  auto Second = O ? O->getString(B) : std::nullopt;
  if (!First || !Second)
    return std::nullopt;
  return std::make_pair(First->str(), Second->str());
}

bool readBaseline(const std::string &Path, Baseline &Out, std::string &Error) {
  std::optional<llvm::json::Value> Doc = readJsonFile(Path, "the baseline", Error);
  if (!Doc)
    return false;
  const llvm::json::Object *Top = Doc->getAsObject();
  const llvm::json::Array *Findings = Top ? Top->getArray("findings") : nullptr;
  if (!Findings) {
    Error = Path + ": the baseline is not a leakcheck JSON report (no \"findings\" array)";
    return false;
  }
  for (size_t I = 0; I < Findings->size(); ++I) {
    std::string Which = Path + ": finding " + std::to_string(I + 1) + " of the baseline";
    auto CheckAndSymbol = stringPair((*Findings)[I], "check", "symbol");
    if (!CheckAndSymbol) {
      Error = Which + " has no \"check\" or \"symbol\"";
      return false;
    }
    Finding F;
    std::tie(F.check, F.symbol) = *CheckAndSymbol;
    if (const llvm::json::Array *Cycle = (*Findings)[I].getAsObject()->getArray("cycle"))
      for (const llvm::json::Value &V : *Cycle) {
        auto RecordAndField = stringPair(V, "record", "field");
        if (!RecordAndField) {
          Error = Which + " has a cycle edge without \"record\" or \"field\"";
          return false;
        }
        CycleEdge Edge;
        std::tie(Edge.record, Edge.field) = *RecordAndField;
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

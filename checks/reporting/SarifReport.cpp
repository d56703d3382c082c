// The SARIF 2.1.0 rendering of the one reporter (Report.h).
#include "reporting/Baseline.h"
#include "analyses/Check.h"
#include "reporting/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace leakcheck {

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

constexpr const char *SourceRoot = "%SRCROOT%";

// A path as a URI reference: unreserved characters and '/' as they are, the rest encoded.
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

// Relative paths (leakcheck names files relative to the working directory when they are
// below it) are relative to %SRCROOT%, which originalUriBaseIds defines.
Object artifactLocation(const std::string &File) {
  if (llvm::sys::path::is_absolute(File))
    return Object{{"uri", "file://" + uriPath(File)}};
  return Object{{"uri", uriPath(File)}, {"uriBaseId", SourceRoot}};
}

Object physicalLocation(const SourceLoc &Loc) {
  Object Physical{{"artifactLocation", artifactLocation(Loc.file)}};
  if (!Loc.line)  // a whole file (a runtime report: --confirm)
    return Physical;
  Object Region{{"startLine", Loc.line}};
  if (Loc.column)
    Region["startColumn"] = Loc.column;
  Physical["region"] = std::move(Region);
  return Physical;
}

Object location(const SourceLoc &Loc) {
  return Object{{"physicalLocation", physicalLocation(Loc)}};
}

Object text(std::string Text) { return Object{{"text", std::move(Text)}}; }

// "leakcheck-shared-ptr-cycle" -> "SharedPtrCycle".
std::string ruleName(llvm::StringRef Id) {
  Id.consume_front("leakcheck-");
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

Object rule(const std::string &Id) {
  std::string Summary = "a finding of " + Id;
  for (const CheckInfo &C : allChecks())
    if (C.name == Id)
      Summary = C.summary;
  std::string Help = Summary + ".\n\nSilence one finding with `// NOLINT(" + Id +
                     ")` on its line, or name its symbol under `Suppress:` in .leakcheck.yaml.";
  return Object{{"id", Id},
                {"name", ruleName(Id)},
                {"shortDescription", text(Summary)},
                {"fullDescription", text(Summary)},
                {"help", Object{{"text", Help}, {"markdown", Help}}},
                {"defaultConfiguration", Object{{"level", "warning"}}},
                {"properties", Object{{"tags", Array{"memory-leak", "shared_ptr"}}}}};
}

Object fix(const FixIt &F) {
  Object Deleted{{"startLine", F.loc.line},
                 {"startColumn", std::max(1u, F.loc.column)},
                 {"endLine", F.loc.line},
                 {"endColumn", std::max(1u, F.loc.column) + F.length}};
  Object Replacement{{"deletedRegion", std::move(Deleted)},
                     {"insertedContent", text(F.replacement)}};
  Object Change{{"artifactLocation", artifactLocation(F.loc.file)},
                {"replacements", Array{std::move(Replacement)}}};
  return Object{{"description", text("replace with '" + F.replacement + "'")},
                {"artifactChanges", Array{std::move(Change)}}};
}

Object result(const Finding &F, size_t RuleIndex) {
  // One related location per cycle edge, explained by the note at its place if there is
  // one; then the notes at other places (where a lambda captures, ...).
  Array Related;
  std::vector<bool> NoteUsed(F.notes.size());
  auto Add = [&](const SourceLoc &Loc, std::string Message) {
    Object L = location(Loc);
    L["id"] = Related.size();
    L["message"] = text(std::move(Message));
    Related.push_back(std::move(L));
  };
  for (const CycleEdge &E : F.cycle) {
    std::string Message = "'" + E.record + "::" + E.field + "' keeps '" + E.target +
                          "' alive (" + ownKindName(E.kind) + ")";
    for (size_t I = 0; I < F.notes.size(); ++I)
      if (!NoteUsed[I] && F.notes[I].loc == E.loc) {
        NoteUsed[I] = true;
        Message = F.notes[I].message;
        break;
      }
    Add(E.loc, Message);
  }
  for (size_t I = 0; I < F.notes.size(); ++I)
    if (!NoteUsed[I])
      Add(F.notes[I].loc, F.notes[I].message);
  std::string Identity = llvm::utohexstr(llvm::xxh3_64bits(findingIdentity(F)), false, 16);
  Object R{{"ruleId", F.check},
           {"ruleIndex", RuleIndex},
           {"level", F.severity == "error" ? "error" : "warning"},
           {"message", text(F.message)},
           {"locations", Array{location(F.loc)}},
           {"partialFingerprints", Object{{"leakcheckIdentity/v1", Identity}}}};
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);
  if (F.fix)
    R["fixes"] = Array{fix(*F.fix)};
  if (F.confirmed) {
    Object Properties{{"confirmed", *F.confirmed}};
    if (F.runtime)
      Properties["runtime"] = runtimeCounts(*F.runtime);
    R["properties"] = std::move(Properties);
  }
  return R;
}

std::string workingDirectoryUri() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  std::string Uri = "file://" + uriPath(Cwd);
  return Uri.back() == '/' ? Uri : Uri + "/";
}

// Whether the analysis saw every TU it was asked to, and a notification for each it could
// not analyse (at the TU, with its first error), so that a scanning service does not take
// a partial run for a clean one.
Object invocation(const ReportStats &Stats) {
  Array Notifications;
  for (const BrokenUnit &U : Stats.broken) {
    std::string Text = U.file + " did not compile and was analysed only partially: " +
                       U.firstError;
    if (!U.missingHeaders.empty())
      Text += " (missing: " + llvm::join(U.missingHeaders, ", ") + ")";
    if (!U.invalidRecords.empty())
      Text += "; records not analysed: " + llvm::join(U.invalidRecords, ", ");
    Notifications.push_back(Object{
        {"level", "error"},
        {"message", Object{{"text", Text}}},
        {"descriptor", Object{{"id", "leakcheck-translation-unit-not-analysed"}}},
        {"locations", Array{Object{{"physicalLocation",
                                    Object{{"artifactLocation", artifactLocation(U.file)}}}}}}});
  }
  Object Invocation{{"executionSuccessful", Stats.broken.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

} // namespace

void writeSarifReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                      const std::vector<std::string> &RuleIds, const ReportStats &Stats) {
  std::vector<std::string> Ids = RuleIds;
  for (const Finding &F : Findings)
    if (std::find(Ids.begin(), Ids.end(), F.check) == Ids.end())
      Ids.push_back(F.check);
  Array Rules, Results;
  for (const std::string &Id : Ids)
    Rules.push_back(rule(Id));
  for (const Finding &F : Findings)
    Results.push_back(
        result(F, std::find(Ids.begin(), Ids.end(), F.check) - Ids.begin()));
  Object Driver{{"name", "leakcheck"},
                {"version", leakcheckVersion()},
                {"semanticVersion", leakcheckVersion()},
                {"rules", std::move(Rules)}};
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"originalUriBaseIds",
              Object{{SourceRoot, Object{{"uri", workingDirectoryUri()}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"invocations", Array{invocation(Stats)}},
             {"results", std::move(Results)}};
  Value Log = Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace leakcheck

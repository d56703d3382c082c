// The SARIF 2.1.0 rendering of the one reporter (Report.h).
//
// What code scanning and SARIF viewers need, and how each is met:
// - columns in the unit the log declares (columnKind utf16CodeUnits, what editors and
//   GitHub count in): leakcheck's columns are bytes, converted with the line's text;
// - regions with an end: the declaration or statement from the reported column to its ';'
//   on that line (a fix's deleted region: exactly the bytes it replaces, over lines);
// - artifact URIs relative to %SRCROOT% (--srcroot, default the working directory), which
//   originalUriBaseIds defines; files outside it get absolute file:// URIs;
// - a codeFlow along each cycle (one threadFlow): each edge's field, then where the program
//   links it when known (LinkSites.h), so a viewer steps through the cycle;
// - rules with the check's documentation page as help (CheckDocs.h).
#include "analyses/Check.h"
#include "reporting/Baseline.h"
#include "reporting/CheckDocs.h"
#include "reporting/Report.h"
#include "reporting/SourceLines.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
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

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

// UTF-16 code units of a UTF-8 text (a byte that is not valid UTF-8 counts as one).
unsigned utf16Units(llvm::StringRef Text) {
  unsigned Units = 0;
  for (size_t I = 0; I < Text.size();) {
    unsigned Length = llvm::getNumBytesForUTF8(Text[I]);
    if (Length == 0 || I + Length > Text.size() ||
        !llvm::isLegalUTF8Sequence(reinterpret_cast<const llvm::UTF8 *>(Text.data() + I),
                                   reinterpret_cast<const llvm::UTF8 *>(Text.data() + I + Length)))
      Length = 1;
    Units += Length == 4 ? 2 : 1;  // four bytes: outside the BMP, a surrogate pair
    I += Length;
  }
  return Units;
}

// Where a finding's region ends on its line (a byte offset): the first ';' outside
// brackets and literals (included), a '{' that opens a body, a bracket that closes one
// opened before the start, or a line comment; trailing blanks are left out.
size_t statementEnd(llvm::StringRef Line, size_t Start) {
  int Depth = 0;
  size_t End = Line.size();
  for (size_t I = Start; I < Line.size(); ++I) {
    char C = Line[I];
    if (C == '"' || C == '\'') {
      for (++I; I < Line.size() && Line[I] != C; ++I)
        I += Line[I] == '\\';
      continue;
    }
    if (C == '/' && I + 1 < Line.size() && Line[I + 1] == '/') {
      End = I;
      break;
    }
    if (C == '(' || C == '[') {
      ++Depth;
    } else if (C == ')' || C == ']') {
      if (Depth == 0) {  // closes what the region sits in: `push_back(car)` ends at `car`
        End = I;
        break;
      }
      --Depth;
    }
    else if (C == '{' && Depth == 0 && I > Start) {
      End = I;
      break;
    } else if (C == ';' && Depth == 0) {
      End = I + 1;
      break;
    }
  }
  while (End > Start && (Line[End - 1] == ' ' || Line[End - 1] == '\t'))
    --End;
  return std::max(End, std::min(Start + 1, Line.size()));
}

class SarifWriter {
public:
  SarifWriter(const SarifOptions &Options)
      : Root(absolute(Options.srcRoot.empty() ? "." : Options.srcRoot)) {}

  Object run(const std::vector<Finding> &Findings, const std::vector<std::string> &RuleIds,
             const ReportStats &Stats) {
    std::vector<std::string> Ids = RuleIds;
    for (const Finding &F : Findings)
      if (std::find(Ids.begin(), Ids.end(), F.check) == Ids.end())
        Ids.push_back(F.check);
    Array Rules, Results;
    for (const std::string &Id : Ids)
      Rules.push_back(rule(Id));
    for (const Finding &F : Findings)
      Results.push_back(result(F, std::find(Ids.begin(), Ids.end(), F.check) - Ids.begin()));
    Object Driver{{"name", "leakcheck"},
                  {"version", leakcheckVersion()},
                  {"semanticVersion", leakcheckVersion()},
                  {"rules", std::move(Rules)}};
    std::string Information = toolInformationUri();
    if (!Information.empty())
      Driver["informationUri"] = Information;
    std::string RootUri = "file://" + uriPath(Root);
    if (RootUri.back() != '/')
      RootUri += "/";
    return Object{{"tool", Object{{"driver", std::move(Driver)}}},
                  {"originalUriBaseIds", Object{{SourceRoot, Object{{"uri", RootUri}}}}},
                  {"columnKind", "utf16CodeUnits"},
                  {"invocations", Array{invocation(Stats)}},
                  {"results", std::move(Results)}};
  }

private:
  // A file below the source root is relative to %SRCROOT%; any other gets a file:// URI.
  Object artifactLocation(const std::string &File) {
    std::string Abs = absolute(File);
    llvm::StringRef Rel(Abs);
    if (Rel.consume_front(Root) && (Root.back() == '/' || Rel.consume_front("/")) &&
        !Rel.empty())
      return Object{{"uri", uriPath(Rel.str())}, {"uriBaseId", SourceRoot}};
    return Object{{"uri", "file://" + uriPath(Abs)}};
  }

  // A byte column of a line as a UTF-16 column (1-based); unchanged when the line is unknown.
  unsigned column(const std::string &File, unsigned Line, unsigned ByteColumn) {
    const std::vector<std::string> &All = Lines.lines(File);
    if (Line < 1 || Line > All.size())
      return ByteColumn;
    llvm::StringRef Text(All[Line - 1]);
    size_t Bytes = ByteColumn - 1;
    unsigned Units = utf16Units(Text.take_front(Bytes));
    return Units + 1 + (Bytes > Text.size() ? Bytes - Text.size() : 0);
  }

  Object region(const SourceLoc &Loc) {
    Object Region{{"startLine", Loc.line}};
    const std::vector<std::string> &All = Lines.lines(Loc.file);
    bool Known = Loc.line <= All.size();
    llvm::StringRef Text = Known ? llvm::StringRef(All[Loc.line - 1]) : "";
    // Column 0: the whole line.
    size_t Start = Loc.column ? Loc.column - 1 : Text.size() - Text.ltrim().size();
    Region["startColumn"] = Known ? utf16Units(Text.take_front(Start)) + 1
                                  : std::max(1u, Loc.column);
    Region["endLine"] = Loc.line;
    if (Known && Start < Text.size()) {
      size_t End = Loc.column ? statementEnd(Text, Start) : Text.size();
      Region["endColumn"] = utf16Units(Text.take_front(End)) + 1;
      Region["snippet"] = text(Text.slice(Start, End).str());
    }
    else if (!Known)
      Region["endColumn"] = std::max(1u, Loc.column) + 1;
    return Region;
  }

  Object physicalLocation(const SourceLoc &Loc) {
    Object Physical{{"artifactLocation", artifactLocation(Loc.file)}};
    // No line: a whole file (a runtime report, --confirm), shown at its first line, since
    // viewers and code scanning want a region.
    Physical["region"] = region(Loc.line ? Loc : SourceLoc{Loc.file, 1, 0});
    return Physical;
  }

  Object location(const SourceLoc &Loc, std::string Message = "") {
    Object L{{"physicalLocation", physicalLocation(Loc)}};
    if (!Message.empty())
      L["message"] = text(std::move(Message));
    return L;
  }

  static Object text(std::string Text) { return Object{{"text", std::move(Text)}}; }

  // A SARIF message is a sentence: it ends with a period.
  static std::string sentence(std::string Text) {
    if (!Text.empty() && !llvm::StringRef(Text).ends_with(".") &&
        !llvm::StringRef(Text).ends_with("!") && !llvm::StringRef(Text).ends_with("?"))
      Text += ".";
    return Text;
  }

  // "leakcheck-shared-ptr-cycle" -> "SharedPtrCycle".
  static std::string ruleName(llvm::StringRef Id) {
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
    std::string Summary = "A finding of " + Id;
    for (const CheckInfo &C : allChecks())
      if (C.name == Id)
        Summary = C.summary;
    if (!Summary.empty())
      Summary[0] = llvm::toUpper(Summary[0]);
    Summary = sentence(Summary);
    std::string Silence = "Silence one finding with `// NOLINT(" + Id +
                          ")` on its line, or name its symbol under `Suppress:` in "
                          ".leakcheck.yaml.";
    std::string Page = checkDocMarkdown(Id);
    std::string Uri = checkDocUri(Id);
    std::string HelpText = Summary + "\n\n" + Silence +
                           (Uri.empty() ? "" : "\n\nDocumentation: " + Uri);
    std::string HelpMarkdown = Page.empty() ? HelpText : Page + "\n\n" + Silence;
    Object R{{"id", Id},
             {"name", ruleName(Id)},
             {"shortDescription", text(Summary)},
             {"fullDescription", text(Summary)},
             {"help", Object{{"text", HelpText}, {"markdown", HelpMarkdown}}},
             {"defaultConfiguration", Object{{"level", "warning"}}},
             {"properties", Object{{"tags", Array{"memory-leak", "shared_ptr"}},
                                   {"precision", "high"},
                                   {"problem.severity", "warning"}}}};
    if (!Uri.empty())
      R["helpUri"] = Uri;
    return R;
  }

  Object fix(const FixIt &F) {
    // The replaced bytes, from the start over as many lines as they span.
    const std::vector<std::string> &All = Lines.lines(F.loc.file);
    unsigned StartColumn = column(F.loc.file, F.loc.line, std::max(1u, F.loc.column));
    unsigned EndLine = F.loc.line, EndColumn = StartColumn + F.length;
    if (F.loc.line >= 1 && F.loc.line <= All.size()) {
      size_t Offset = std::max(1u, F.loc.column) - 1 + F.length;  // in line EndLine
      while (EndLine <= All.size() && Offset > All[EndLine - 1].size() && EndLine < All.size()) {
        Offset -= All[EndLine - 1].size() + 1;  // the line and its line break
        ++EndLine;
      }
      EndColumn = column(F.loc.file, EndLine, Offset + 1);
    }
    Object Deleted{{"startLine", F.loc.line},
                   {"startColumn", StartColumn},
                   {"endLine", EndLine},
                   {"endColumn", EndColumn}};
    Object Replacement{{"deletedRegion", std::move(Deleted)},
                       {"insertedContent", text(F.replacement)}};
    Object Change{{"artifactLocation", artifactLocation(F.loc.file)},
                  {"replacements", Array{std::move(Replacement)}}};
    return Object{{"description", text("Replace the declaration with '" + F.replacement + "'.")},
                  {"artifactChanges", Array{std::move(Change)}}};
  }

  static std::string edgeText(const CycleEdge &E) {
    return "'" + E.record + "::" + E.field + "' keeps '" + E.target + "' alive (" +
           ownKindName(E.kind) + ")";
  }

  // One threadFlow along the cycle: each edge's declaration, then where it is linked.
  Object codeFlow(const Finding &F) {
    Array Steps;
    for (const CycleEdge &E : F.cycle) {
      Steps.push_back(Object{{"location", location(E.loc, sentence(edgeText(E)))},
                             {"nestingLevel", 0},
                             {"kinds", Array{"declaration"}}});
      if (!E.linkedAt.valid())
        continue;
      std::string What = E.kind == OwnKind::Callback
                             ? "The lambda stored in '" + E.record + "::" + E.field +
                                   "' captures a strong pointer to '" + E.target + "' here"
                             : "'" + E.record + "::" + E.field + "' is given its '" + E.target +
                                   "' here" + (E.linkedIn.empty() ? "" : " (in '" + E.linkedIn + "')");
      Steps.push_back(Object{{"location", location(E.linkedAt, sentence(What))},
                             {"nestingLevel", 1},
                             {"kinds", Array{"assignment"}}});
    }
    std::string Cycle;
    for (const CycleEdge &E : F.cycle)
      Cycle += E.record + "::" + E.field + " -> ";
    Cycle += F.cycle.front().record;
    return Object{{"message", text("The ownership cycle " + Cycle + ".")},
                  {"threadFlows", Array{Object{{"locations", std::move(Steps)}}}}};
  }

  Object result(const Finding &F, size_t RuleIndex) {
    // One related location per cycle edge, explained by the note at its place if there is
    // one; then the notes at other places (where a lambda captures, ...).
    Array Related;
    std::vector<bool> NoteUsed(F.notes.size());
    auto Add = [&](const SourceLoc &Loc, std::string Message) {
      Object L = location(Loc, sentence(std::move(Message)));
      L["id"] = Related.size();
      Related.push_back(std::move(L));
    };
    for (const CycleEdge &E : F.cycle) {
      std::string Message = edgeText(E);
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
             {"message", text(sentence(F.message))},
             {"locations", Array{location(F.loc)}},
             {"partialFingerprints", Object{{"leakcheckIdentity/v1", Identity}}}};
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    if (!F.cycle.empty())
      R["codeFlows"] = Array{codeFlow(F)};
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

  std::string Root;  // absolute, without a trailing '/' (unless it is "/")
  SourceLines Lines;
};

} // namespace

void writeSarifReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                      const std::vector<std::string> &RuleIds, const ReportStats &Stats,
                      const SarifOptions &Options) {
  SarifWriter Writer(Options);
  Value Log = Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Array{Writer.run(Findings, RuleIds, Stats)}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace leakcheck

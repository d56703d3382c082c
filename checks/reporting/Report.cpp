#include "reporting/Report.h"
#include "reporting/SourceLines.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Unicode.h"

#ifndef LEAKCHECK_VERSION
#define LEAKCHECK_VERSION "0.0.0"
#endif

namespace leakcheck {

const char *leakcheckVersion() { return LEAKCHECK_VERSION; }

namespace {

// Blanks as wide as a UTF-8 text on a terminal, as clang pads its carets: a character takes
// its display width (most take one column, CJK and emoji two), a tab stays a tab, so the
// caret lines up under the code after `Größe` or an emoji.
std::string padFor(llvm::StringRef Text) {
  std::string Pad;
  for (size_t I = 0; I < Text.size();) {
    unsigned Length = std::max(1u, llvm::getNumBytesForUTF8(Text[I]));
    llvm::StringRef Char = Text.substr(I, Length);
    I += Length;
    if (Char == "\t") {
      Pad += '\t';
      continue;
    }
    int Width = llvm::sys::unicode::columnWidthUTF8(Char);
    Pad += std::string(Width < 0 ? 1 : Width, ' ');
  }
  return Pad;
}

size_t displayWidth(llvm::StringRef Text) { return padFor(Text).size(); }

// The source line with a caret under Loc; with a fix-it that starts there, clang's way: the
// replaced text underlined, and the replacement on the line below. Colours as clang's: caret
// and underline green, the fix-it text green.
void writeExcerpt(llvm::raw_ostream &OS, SourceLines &Lines, const SourceLoc &Loc, bool Color,
                  const FixIt *Fix = nullptr) {
  std::string Text = Lines.line(Loc.file, Loc.line);
  if (Text.empty())
    return;
  std::string Number = std::to_string(Loc.line);
  std::string Gutter(std::max<size_t>(5, Number.size() + 1), ' ');
  OS << std::string(Gutter.size() - Number.size(), ' ') << Number << " | " << Text << "\n";
  size_t Before = std::min<size_t>(Loc.column ? Loc.column - 1 : 0, Text.size());
  std::string Pad = padFor(llvm::StringRef(Text).take_front(Before));
  OS << Gutter << " | " << Pad;
  if (Color)
    OS.changeColor(llvm::raw_ostream::GREEN, true);
  OS << "^";
  if (Fix && Fix->loc == Loc) {
    size_t OnLine = displayWidth(llvm::StringRef(Text).substr(Before, Fix->length));
    OS << std::string(OnLine > 1 ? OnLine - 1 : 0, '~');
    if (Color)
      OS.resetColor();
    OS << "\n";
    llvm::StringRef Replacement(Fix->replacement);
    OS << Gutter << " | " << Pad;
    if (Color)
      OS.changeColor(llvm::raw_ostream::GREEN);
    OS << Replacement.split('\n').first;
  }
  if (Color)
    OS.resetColor();
  OS << "\n";
}

void writeLocation(llvm::raw_ostream &OS, const SourceLoc &Loc) {
  OS << Loc.file << ":";
  if (Loc.line)
    OS << Loc.line << ":" << Loc.column << ":";
  OS << " ";
}

} // namespace

void writeTextReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     const ReportStats &Stats, bool Color) {
  SourceLines Lines;
  // Colours in any stream (a string, a file): the caller decided (--color).
  if (Color)
    OS.enable_colors(true);
  for (const Finding &F : Findings) {
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    writeLocation(OS, F.loc);
    if (Color)
      OS.changeColor(llvm::raw_ostream::MAGENTA, true);
    OS << F.severity << ": ";
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << F.message << " [" << F.check << "]";
    if (Color)
      OS.resetColor();
    OS << "\n";
    writeExcerpt(OS, Lines, F.loc, Color, F.fix ? &*F.fix : nullptr);
    for (const Note &N : F.notes) {
      if (Color)
        OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
      writeLocation(OS, N.loc);
      if (Color)
        OS.changeColor(llvm::raw_ostream::BLACK, true);
      OS << "note: ";
      if (Color)
        OS.resetColor();
      OS << N.message << "\n";
      writeExcerpt(OS, Lines, N.loc, Color);
    }
  }
  if (!Findings.empty())
    OS << Findings.size() << (Findings.size() == 1 ? " warning" : " warnings")
       << " generated.\n";
  std::string Unanalysed = unanalysedSummary(Stats);
  if (!Unanalysed.empty())
    OS << "leakcheck: " << Unanalysed << "\n";
}

std::string unanalysedSummary(const ReportStats &Stats) {
  if (Stats.broken.empty())
    return "";
  size_t Total = Stats.translationUnits + Stats.broken.size();
  std::string Text = "analysed " + std::to_string(Stats.translationUnits) + " of " +
                     std::to_string(Total) + " translation units; " +
                     std::to_string(Stats.broken.size()) + " did not compile: ";
  for (size_t I = 0; I < Stats.broken.size(); ++I) {
    const BrokenUnit &U = Stats.broken[I];
    Text += (I ? ", " : "") + U.file + " (first error: " + U.firstError;
    if (!U.invalidRecords.empty())
      Text += "; not analysed: " + llvm::join(U.invalidRecords, ", ");
    Text += ")";
  }
  return Text;
}

llvm::json::Object runtimeCounts(const RuntimeCounts &C) {
  return llvm::json::Object{
      {"instances", C.instances}, {"occurrences", C.occurrences}, {"bytes", C.bytes}};
}

const char *ownKindName(OwnKind K) {
  switch (K) {
  case OwnKind::Shared:
    return "shared";
  case OwnKind::Unique:
    return "unique";
  case OwnKind::Callback:
    return "callback";
  }
  return "";
}

void writeJsonReport(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                     const ReportStats &Stats) {
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("tool", "leakcheck");
    J.attribute("version", leakcheckVersion());
    J.attributeArray("findings", [&] {
      for (const Finding &F : Findings)
        J.object([&] {
          J.attribute("check", F.check);
          J.attribute("severity", F.severity);
          J.attribute("file", F.loc.file);
          J.attribute("line", F.loc.line);
          J.attribute("column", F.loc.column);
          J.attribute("symbol", F.symbol);
          J.attribute("message", F.message);
          if (!F.cycle.empty())
            J.attributeArray("cycle", [&] {
              for (const CycleEdge &E : F.cycle)
                J.object([&] {
                  J.attribute("record", E.record);
                  J.attribute("field", E.field);
                  J.attribute("file", E.loc.file);
                  J.attribute("line", E.loc.line);
                  J.attribute("column", E.loc.column);
                  J.attribute("target", E.target);
                  J.attribute("kind", ownKindName(E.kind));
                  if (E.linkedAt.valid())
                    J.attributeObject("linked", [&] {
                      J.attribute("file", E.linkedAt.file);
                      J.attribute("line", E.linkedAt.line);
                      J.attribute("column", E.linkedAt.column);
                      if (!E.linkedIn.empty())
                        J.attribute("function", E.linkedIn);
                    });
                });
            });
          if (F.fix)
            J.attributeObject("fix", [&] {
              J.attribute("file", F.fix->loc.file);
              J.attribute("line", F.fix->loc.line);
              J.attribute("column", F.fix->loc.column);
              J.attribute("length", F.fix->length);
              J.attribute("replacement", F.fix->replacement);
            });
          if (F.confirmed)
            J.attribute("confirmed", *F.confirmed);
          else
            J.attribute("confirmed", nullptr);
          if (F.runtime)
            J.attribute("runtime", runtimeCounts(*F.runtime));
          J.attributeArray("notes", [&] {
            for (const Note &N : F.notes)
              J.object([&] {
                J.attribute("file", N.loc.file);
                J.attribute("line", N.loc.line);
                J.attribute("column", N.loc.column);
                J.attribute("message", N.message);
              });
          });
        });
    });
    J.attributeObject("stats", [&] {
      J.attribute("translation_units", Stats.translationUnits);
      J.attribute("records", Stats.records);
      J.attribute("seconds", Stats.seconds);
      J.attribute("suppressed", Stats.suppressed);
      J.attribute("baselined", Stats.baselined);
      J.attribute("excluded", Stats.excluded);
      J.attribute("whole_program", Stats.wholeProgram);
      J.attribute("parsed", Stats.parsed);
      J.attribute("from_cache", Stats.fromCache);
      J.attributeArray("skipped", [&] {
        for (const BrokenUnit &U : Stats.broken)
          J.object([&] {
            J.attribute("file", U.file);
            J.attribute("error", U.firstError);
            J.attribute("missing_headers", llvm::json::Array(U.missingHeaders));
            J.attribute("records_not_analysed", llvm::json::Array(U.invalidRecords));
          });
      });
    });
  });
  OS << "\n";
}

} // namespace leakcheck

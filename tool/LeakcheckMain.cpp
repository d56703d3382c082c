// leakcheck: the command line of design.md section 3 (a contract).
//
//   leakcheck [options] <source files...> [-- <compiler args>]
//
// Exit status: 0 no finding reported (after NOLINT, Suppress:, Exclude: and --baseline) or
// --fail-on=none, 1 findings reported, 2 usage, configuration, baseline, compile or output
// error (the message names the file and the reason).
#include "reporting/Baseline.h"
#include "reporting/CheckDocs.h"
#include "reporting/Confirmation.h"
#include "Config.h"
#include "reporting/DotGraph.h"
#include "Driver.h"
#include "reporting/Fixes.h"
#include "reporting/Report.h"
#include "ResourceDir.h"
#include "reporting/Suppressions.h"

#include "llvm/Config/llvm-config.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

using namespace llvm;

namespace {

cl::OptionCategory Category("leakcheck options");

cl::list<std::string> Sources(cl::Positional, cl::desc("<source files...>"), cl::cat(Category));
cl::opt<std::string> BuildDir("p", cl::desc("Read compile_commands.json from <build-dir>"),
                              cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Format("format",
                            cl::desc("Report format: text, json, sarif (SARIF 2.1.0) or dot "
                                     "(Graphviz: each reported cycle)"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string> GraphFile("graph",
                               cl::desc("Also write the reported cycles as a Graphviz graph to "
                                        "<file> (render it with dot -Tsvg)"),
                               cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> GraphAll("graph-all",
                       cl::desc("The Graphviz graph (--format=dot or --graph) shows the "
                                "ownership graph of every record of the program"),
                       cl::cat(Category));
cl::opt<std::string> SrcRoot("srcroot",
                             cl::desc("SARIF artifact URIs are relative to <dir> (%SRCROOT%; "
                                      "default: the working directory)"),
                             cl::value_desc("dir"), cl::cat(Category));
// --color=auto|always|never: LLVM registers an option named "color" (a boolean) in every
// program, so main() takes ours out of the arguments before llvm::cl sees them.
std::string ColorMode = "auto";
cl::extrahelp ColorHelp(
    "\nColours:\n\n"
    "  --color=<auto|always|never>  - Colours in the text report: auto (on a terminal, unless\n"
    "                                 NO_COLOR is set to a non-empty value), always or never\n");
cl::opt<bool> PrintResourceDir("print-resource-dir",
                               cl::desc("Print the Clang resource directory (builtin headers) "
                                        "leakcheck parses with, and exit"),
                               cl::cat(Category));
cl::opt<std::string> Output("output", cl::desc("Write the report to <file> instead of stdout"),
                            cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("Glob list of checks, clang-tidy style: "
                                     "\"-*,leakcheck-shared-ptr-cycle\""),
                            cl::cat(Category));
cl::opt<std::string> ConfigFile("config",
                                cl::desc("YAML configuration (default: the nearest "
                                         ".leakcheck.yaml above the first source file)"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Report only findings not in this earlier JSON report"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaseline("write-baseline",
                                   cl::desc("Write the findings (before --baseline) as a JSON "
                                            "report to <file>, for a later --baseline"),
                                   cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> ConfirmFile("confirm",
                                 cl::desc("Join a runtime collector report "
                                          "(LEAKCHECK_GC_REPORT) into the findings"),
                                 cl::value_desc("gc-report"), cl::cat(Category));
cl::opt<std::string> FailOn("fail-on",
                            cl::desc("Exit 1 on findings of this severity: none or warning "
                                     "(default: FailOn of the configuration, else warning)"),
                            cl::init("warning"), cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Translation units analysed in parallel (default: cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<bool> KeepGoing("keep-going",
                        cl::desc("Warn about a file that does not compile and go on"),
                        cl::cat(Category));
cl::opt<bool> ApplyFixes("fix",
                         cl::desc("Apply the fix-its (std::weak_ptr back-references) to the "
                                  "source files in place"),
                         cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"), cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir",
                              cl::desc("Keep the facts of each translation unit in <dir> and "
                                       "parse again only what changed (default: "
                                       "<build-dir>/.leakcheck-cache when there is a "
                                       "compilation database)"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Parse every translation unit; keep no facts"),
                      cl::cat(Category));
cl::opt<std::string> FactsOut("out",
                              cl::desc("leakcheck facts: write one fact file per translation "
                                       "unit into <dir>"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> FactsOutFile("out-file",
                                  cl::desc("leakcheck facts: write the fact file of the one "
                                           "translation unit to <file>"),
                                  cl::value_desc("file"), cl::cat(Category));

// `leakcheck facts ...` and `leakcheck merge ...` (design.md section 6): the two halves of
// the default run, as separate programs with fact files between them.
enum class Mode { Analyse, Facts, Merge };

int usageError(const Twine &Message) {
  errs() << "leakcheck: error: " << Message << "\n";
  return 2;
}

std::error_code writeAll(const std::string &Path, const std::string &Text) {
  std::error_code EC;
  raw_fd_ostream File(Path, EC);
  if (EC)
    return EC;
  File << Text;
  File.close();
  return File.error();
}

// Writes the whole text or nothing (a temporary file renamed into place): a CI gate must
// never read half a report. What is not a plain file (a device such as /dev/null, a pipe,
// a symbolic link such as /dev/stdout) is written through, never replaced.
bool writeFile(const std::string &Path, const std::string &Text) {
  sys::fs::file_status Status;
  bool Device = !sys::fs::status(Path, Status, /*Follow=*/false) &&
                Status.type() != sys::fs::file_type::regular_file;
  std::string Target = Device ? Path : Path + ".tmp";
  std::error_code EC = writeAll(Target, Text);
  if (!EC && !Device)
    EC = sys::fs::rename(Target, Path);
  if (EC) {
    if (!Device)
      sys::fs::remove(Target);
    errs() << "leakcheck: error: cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  return true;
}

// --color: auto colours a report written to a terminal, unless NO_COLOR is set to a
// non-empty value (no-color.org); always and never override NO_COLOR.
bool useColor() {
  if (ColorMode == "always")
    return true;
  if (ColorMode == "never")
    return false;
  const char *NoColor = std::getenv("NO_COLOR");
  if (NoColor && *NoColor)
    return false;
  return Output.empty() && sys::Process::StandardOutIsDisplayed();
}

bool writeReport(const std::string &Text) {
  if (!Output.empty())
    return writeFile(Output, Text);
  outs() << Text;
  outs().flush();
  return true;
}

// "[17/240] src/foo.cpp" on one line of a terminal, rewritten as units finish.
class ProgressLine {
public:
  // More than this many translation units before a progress line is worth showing.
  static constexpr unsigned Few = 3;
  static bool wanted() { return sys::Process::StandardErrIsDisplayed(); }
  void update(unsigned Done, unsigned Total, const std::string &File) {
    if (Total <= Few)
      return;
    StringRef Name(File);  // relative to the working directory when below it
    if (Name.consume_front(Cwd) && !Name.empty() && sys::path::is_separator(Name.front()))
      Name = Name.drop_front();
    else
      Name = File;
    std::string Line =
        "[" + std::to_string(Done) + "/" + std::to_string(Total) + "] " + Name.str();
    unsigned Width = sys::Process::StandardErrColumns();
    if (Width > 4 && Line.size() >= Width)
      Line = "..." + Line.substr(Line.size() - Width + 4);
    errs() << "\r" << Line << "\x1b[K";
    errs().flush();
    Shown = true;
  }
  void clear() {
    if (Shown)
      errs() << "\r\x1b[K";
    Shown = false;
  }

private:
  bool Shown = false;
  std::string Cwd = [] {
    SmallString<256> Dir;
    sys::fs::current_path(Dir);
    return std::string(Dir);
  }();
};

// The configuration: --config, else the nearest .leakcheck.yaml above the first source
// file (or the build directory, or the working directory). False after printing an error.
bool readConfiguration(leakcheck::Config &Out) {
  std::string Path = ConfigFile;
  if (Path.empty())
    Path = leakcheck::findConfigFile(!Sources.empty() ? Sources.front()
                                     : !BuildDir.empty() ? BuildDir
                                                         : std::string("."));
  if (Path.empty())
    return true;
  std::string Error;
  if (!leakcheck::loadConfig(Path, Out, Error)) {
    errs() << "leakcheck: error: " << Error << "\n";
    return false;
  }
  return true;
}

// The options that make no sense in a mode, given anyway: a usage error, never ignored.
std::string misplacedOption(Mode M) {
  struct Use {
    const cl::Option &option;
    bool analyse, facts, merge;
  };
  const Use Uses[] = {
      {BuildDir, true, true, false},      {Format, true, false, true},
      {Output, true, false, true},        {Checks, true, false, true},
      {BaselineFile, true, false, true},  {WriteBaseline, true, false, true},
      {ConfirmFile, true, false, true},   {FailOn, true, false, true},
      {Jobs, true, true, false},          {KeepGoing, true, true, false},
      {ApplyFixes, true, false, true},    {ListChecks, true, false, false},
      {CacheDir, true, true, false},      {NoCache, true, true, false},
      {FactsOut, false, true, false},     {FactsOutFile, false, true, false},
      {GraphFile, true, false, true},     {GraphAll, true, false, true},
      {SrcRoot, true, false, true},       {PrintResourceDir, true, false, false},
  };
  for (const Use &U : Uses)
    if (U.option.getNumOccurrences() &&
        !(M == Mode::Analyse ? U.analyse : M == Mode::Facts ? U.facts : U.merge))
      return "--" + U.option.ArgStr.str() + " does not apply to " +
             (M == Mode::Analyse ? std::string("leakcheck without a subcommand")
              : M == Mode::Facts ? std::string("leakcheck facts")
                                 : std::string("leakcheck merge"));
  return "";
}

// `leakcheck facts`: one fact file per TU, nothing else.
int writeFacts(leakcheck::AnalysisRequest &Request) {
  if (FactsOut.empty() == FactsOutFile.empty())
    return usageError("leakcheck facts needs --out=<dir> or --out-file=<file> (one of them)");
  if (!FactsOutFile.empty() && Request.sources.size() != 1)
    return usageError("--out-file takes the facts of exactly one translation unit");
  if (!FactsOut.empty())
    if (std::error_code EC = sys::fs::create_directories(FactsOut))
      return usageError("cannot create '" + FactsOut + "': " + EC.message());
  bool Written = true;
  Request.onFacts = [&](const leakcheck::FactFile &File) {
    std::string Path = FactsOutFile;
    if (Path.empty()) {
      SmallString<256> P(FactsOut);
      sys::path::append(P, leakcheck::factFileName(File.unit));
      Path = std::string(P);
    }
    Written &= writeFile(Path, leakcheck::writeFactFile(File));
  };
  leakcheck::AnalysisResult Result = leakcheck::collectProgram(Request);
  errs() << Result.diagnostics;
  for (const std::string &W : Result.warnings)
    errs() << "leakcheck: warning: " << W << "\n";
  for (const std::string &E : Result.errors)
    errs() << "leakcheck: error: " << E << "\n";
  return Result.ok() && Written ? 0 : 2;
}

} // namespace

int main(int argc, const char **argv) {
  // `leakcheck facts ...`, `leakcheck merge ...`: the subcommand comes first.
  Mode RunMode = Mode::Analyse;
  std::vector<const char *> Args(argv, argv + argc);
  if (argc > 1 && (std::strcmp(argv[1], "facts") == 0 || std::strcmp(argv[1], "merge") == 0)) {
    RunMode = std::strcmp(argv[1], "facts") == 0 ? Mode::Facts : Mode::Merge;
    Args.erase(Args.begin() + 1);
  }
  argc = static_cast<int>(Args.size());
  argv = Args.data();
  // Everything after `--` is for the compiler.
  std::optional<std::vector<std::string>> CompilerArgs;
  int OwnArgc = argc;
  for (int I = 1; I < argc; ++I)
    if (std::strcmp(argv[I], "--") == 0) {
      CompilerArgs.emplace(argv + I + 1, argv + argc);
      OwnArgc = I;
      break;
    }
  std::vector<const char *> OwnArgs(argv, argv + OwnArgc);
  for (auto It = OwnArgs.begin() + 1; It != OwnArgs.end();) {
    StringRef Arg(*It);
    if (Arg.consume_front("--color=") || Arg.consume_front("-color=")) {
      ColorMode = Arg.str();
      It = OwnArgs.erase(It);
    } else if (Arg == "--color" || Arg == "-color") {
      ColorMode = "always";
      It = OwnArgs.erase(It);
    } else {
      ++It;
    }
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "leakcheck " << leakcheck::leakcheckVersion() << "\n"
       << "  built with LLVM " << LLVM_VERSION_STRING << "\n";
  });
  if (!cl::ParseCommandLineOptions(static_cast<int>(OwnArgs.size()), OwnArgs.data(),
                                   "leakcheck: finds leak-prone std::shared_ptr ownership in C++\n\n"
                                   "  leakcheck [options] <source files...> [-- <compiler args>]\n"
                                   "  leakcheck facts [-p <build-dir>] [files...] --out=<dir> "
                                   "[-- <compiler args>]\n"
                                   "  leakcheck merge <fact files or dirs...> [options]\n",
                                   &errs()))
    return 2;
  if (std::string Problem = misplacedOption(RunMode); !Problem.empty())
    return usageError(Problem);
  if (RunMode == Mode::Merge && CompilerArgs)
    return usageError("leakcheck merge takes fact files, not compiler arguments");

  if (PrintResourceDir) {
    std::vector<std::string> Tried;
    const std::string &Dir = leakcheck::clangResourceDir(&Tried);
    if (Dir.empty())
      return usageError("no Clang resource directory found (tried " + llvm::join(Tried, ", ") +
                        "); install " + leakcheck::clangProgramName());
    outs() << Dir << "\n";
    return 0;
  }

  leakcheck::Config Config;
  if (!readConfiguration(Config))
    return 2;
  // Command-line globs come after the file's: clang-tidy's rule, the later glob wins.
  std::string EnabledChecks = Config.checks.value_or("");
  if (!Checks.empty())
    EnabledChecks += (EnabledChecks.empty() ? "" : ",") + Checks;
  std::string FailOnPolicy = FailOn.getNumOccurrences() ? std::string(FailOn)
                                                        : Config.failOn.value_or(FailOn);
  for (const std::string &Problem : leakcheck::checkGlobProblems(Checks))
    return usageError("--checks: " + Problem);
  std::vector<std::string> RuleIds;
  for (const auto &C : leakcheck::allChecks())
    if (leakcheck::isCheckEnabled(EnabledChecks, C.name))
      RuleIds.push_back(C.name);
  // A gate with every check off would report "clean" whatever the code: refuse it.
  if (RuleIds.empty() && RunMode != Mode::Facts)
    return usageError("no checks enabled (by '" + EnabledChecks + "'" +
                      (Config.checks ? " from " + Config.path +
                                           (Checks.empty() ? "" : " and --checks")
                                     : "") +
                      "); leakcheck --list-checks --checks='*' lists them");

  if (ListChecks) {
    for (const auto &C : leakcheck::allChecks())
      if (leakcheck::isCheckEnabled(EnabledChecks, C.name))
      {
        outs() << C.name << "\n    " << C.summary << "\n";
        std::string Doc = leakcheck::checkDocPath(C.name);
        if (!Doc.empty())
          outs() << "    documentation: " << Doc << "\n";
        for (const leakcheck::OptionSpec *O : C.options())
          outs() << "    option " << O->key() << " (default: "
                 << (*O->defaultValue ? O->defaultValue : "none") << ")\n";
      }
    return 0;
  }
  if (Format != "text" && Format != "json" && Format != "sarif" && Format != "dot")
    return usageError("unknown --format '" + Format + "' (expected text, json, sarif or dot)");
  if (GraphAll && Format != "dot" && GraphFile.empty())
    return usageError("--graph-all needs --format=dot or --graph=<file>");
  if (ColorMode != "auto" && ColorMode != "always" && ColorMode != "never")
    return usageError("unknown --color '" + ColorMode + "' (expected auto, always or never)");
  if (!SrcRoot.empty() && !sys::fs::is_directory(SrcRoot))
    return usageError("--srcroot: '" + SrcRoot + "' is not a directory");
  if (FailOnPolicy != "none" && FailOnPolicy != "warning")
    return usageError("unknown --fail-on '" + FailOnPolicy + "' (expected none or warning)");
  if (Sources.empty() && (BuildDir.empty() || RunMode == Mode::Merge))
    return usageError(RunMode == Mode::Merge
                          ? "no fact files given (usage: leakcheck merge <fact files or "
                            "dirs...>)"
                          : "no source files given (usage: leakcheck [options] <files...> "
                            "[-- <compiler args>], or -p <build-dir>)");
  leakcheck::Baseline Baseline;
  std::string Error;
  if (!BaselineFile.empty() && !leakcheck::readBaseline(BaselineFile, Baseline, Error))
    return usageError(Error);
  leakcheck::RuntimeReport Runtime;
  if (!ConfirmFile.empty() && !leakcheck::readRuntimeReport(ConfirmFile, Runtime, Error))
    return usageError(Error);

  leakcheck::SuppressionPolicy Suppressions;
  Suppressions.suppress = Config.suppress;
  Suppressions.exclude = leakcheck::PathGlobs(Config.directory, Config.exclude);

  leakcheck::AnalysisRequest Request;
  Request.sources.assign(Sources.begin(), Sources.end());
  Request.compilerArgs = CompilerArgs;
  Request.buildDir = BuildDir;
  Request.jobs = Jobs;
  Request.checks = EnabledChecks;
  Request.options = Config.options;
  Request.keepGoing = KeepGoing;
  if (!Suppressions.exclude.empty())
    Request.skip = [&](const std::string &File) { return Suppressions.exclude.matches(File); };
  if (NoCache)
    Request.cacheDir = "";
  else if (!CacheDir.empty())
    Request.cacheDir = std::string(CacheDir);
  if (RunMode == Mode::Facts)
    return writeFacts(Request);
  ProgressLine Progress;
  if (ProgressLine::wanted())
    Request.progress = [&](unsigned Done, unsigned Total, const std::string &File) {
      Progress.update(Done, Total, File);
    };

  leakcheck::AnalysisResult Result =
      RunMode == Mode::Merge ? leakcheck::mergeFactFiles(Request.sources, Request)
                             : leakcheck::analyzeProgram(Request);
  Progress.clear();
  errs() << Result.diagnostics;
  for (const std::string &W : Result.warnings)
    errs() << "leakcheck: warning: " << W << "\n";
  if (!Result.ok()) {
    for (const std::string &E : Result.errors)
      errs() << "leakcheck: error: " << E << "\n";
    errs() << "leakcheck: no report written\n";
    return 2;
  }
  // A run that analysed nothing must not pass for a clean one.
  if (!Result.translationUnits) {
    errs() << "leakcheck: error: nothing analysed: every file is excluded by '" << Config.path
           << "'\nleakcheck: no report written\n";
    return 2;
  }

  if (!ConfirmFile.empty())
    leakcheck::applyRuntimeReport(Result.findings, Runtime, Result.model);
  // The pictures show what is reported: after NOLINT, Suppress: and the baseline (below).
  auto Graph = [&] {
    std::string Text;
    raw_string_ostream OS(Text);
    if (GraphAll)
      leakcheck::writeDotProgram(OS, Result.model, Result.findings);
    else
      leakcheck::writeDotCycles(OS, Result.findings);
    return Text;
  };

  leakcheck::ReportStats Stats;
  Stats.translationUnits = Result.translationUnits;
  Stats.records = Result.model.records.size();
  Stats.seconds = Result.seconds;
  Stats.broken = Result.model.brokenUnits;
  Stats.excluded = Result.excluded;
  Stats.wholeProgram = Result.model.wholeProgram;
  Stats.parsed = Result.parsedUnits;
  Stats.fromCache = Result.cachedUnits;
  Stats.suppressed = leakcheck::applySuppressions(Result.findings, Suppressions).total();
  if (!WriteBaseline.empty()) {
    std::string Text;
    raw_string_ostream OS(Text);
    leakcheck::writeJsonReport(OS, Result.findings, Stats);
    if (!writeFile(WriteBaseline, Text))
      return 2;
  }
  Stats.baselined = leakcheck::applyBaseline(Result.findings, Baseline);

  std::string Text;
  raw_string_ostream OS(Text);
  if (Format == "json") {
    leakcheck::writeJsonReport(OS, Result.findings, Stats);
  } else if (Format == "sarif") {
    leakcheck::SarifOptions Sarif;
    Sarif.srcRoot = SrcRoot;
    leakcheck::writeSarifReport(OS, Result.findings, RuleIds, Stats, Sarif);
  } else if (Format == "dot") {
    OS << Graph();
  } else {
    leakcheck::writeTextReport(OS, Result.findings, Stats, useColor());
  }
  OS.flush();
  if (!writeReport(Text))
    return 2;
  if (!GraphFile.empty() && !writeFile(GraphFile, Graph()))
    return 2;
  if (Stats.suppressed || Stats.baselined)
    errs() << "leakcheck: not reported: " << Stats.suppressed << " suppressed, "
           << Stats.baselined << " in the baseline\n";
  if (ApplyFixes) {
    leakcheck::FixOutcome Fixed = leakcheck::applyFixes(Result.findings);
    for (const std::string &E : Fixed.errors)
      errs() << "leakcheck: error: " << E << "\n";
    errs() << "leakcheck: applied " << Fixed.applied << (Fixed.applied == 1 ? " fix" : " fixes")
           << " in " << Fixed.files.size() << (Fixed.files.size() == 1 ? " file" : " files")
           << "\n";
    if (!Fixed.errors.empty())
      return 2;
  }
  return (FailOnPolicy == "warning" && !Result.findings.empty()) ? 1 : 0;
}

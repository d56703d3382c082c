// leakcheck: the command line of design.md section 3 (a contract).
//
//   leakcheck [options] <source files...> [-- <compiler args>]
//
// Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or
// compile error (the message names the file and the reason).
#include "Driver.h"
#include "Fixes.h"
#include "Report.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace llvm;

namespace {

cl::OptionCategory Category("leakcheck options");

cl::list<std::string> Sources(cl::Positional, cl::desc("<source files...>"), cl::cat(Category));
cl::opt<std::string> BuildDir("p", cl::desc("Read compile_commands.json from <build-dir>"),
                              cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Format("format", cl::desc("Report format: text, json or sarif"),
                            cl::init("text"), cl::cat(Category));
cl::opt<std::string> Output("output", cl::desc("Write the report to <file> instead of stdout"),
                            cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("Glob list of checks, clang-tidy style: "
                                     "\"-*,leakcheck-shared-ptr-cycle\""),
                            cl::cat(Category));
cl::opt<std::string> FailOn("fail-on",
                            cl::desc("Exit 1 on findings of this severity: none or warning"),
                            cl::init("warning"), cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Translation units analysed in parallel (default: cores)"),
                       cl::init(0), cl::cat(Category));
cl::opt<bool> KeepGoing("keep-going",
                        cl::desc("Warn about a file that does not compile and go on"),
                        cl::cat(Category));
cl::opt<bool> ApplyFixes("fix",
                         cl::desc("Apply the fix-its (std::weak_ptr back-references) to the "
                                  "source files in place"),
                         cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the checks and exit"), cl::cat(Category));

int usageError(const Twine &Message) {
  errs() << "leakcheck: error: " << Message << "\n";
  return 2;
}

// Writes the whole report or nothing: a CI gate must never read half a report.
bool writeReport(const std::string &Text) {
  if (Output.empty()) {
    outs() << Text;
    outs().flush();
    return true;
  }
  std::error_code EC;
  std::string Temp = Output + ".tmp";
  {
    raw_fd_ostream File(Temp, EC);
    if (EC) {
      errs() << "leakcheck: error: cannot write '" << Output << "': " << EC.message() << "\n";
      return false;
    }
    File << Text;
  }
  if ((EC = sys::fs::rename(Temp, Output))) {
    errs() << "leakcheck: error: cannot write '" << Output << "': " << EC.message() << "\n";
    return false;
  }
  return true;
}

} // namespace

int main(int argc, const char **argv) {
  // Everything after `--` is for the compiler.
  std::optional<std::vector<std::string>> CompilerArgs;
  int OwnArgc = argc;
  for (int I = 1; I < argc; ++I)
    if (std::strcmp(argv[I], "--") == 0) {
      CompilerArgs.emplace(argv + I + 1, argv + argc);
      OwnArgc = I;
      break;
    }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "leakcheck " << leakcheck::leakcheckVersion() << "\n"; });
  if (!cl::ParseCommandLineOptions(OwnArgc, argv,
                                   "leakcheck: finds leak-prone std::shared_ptr ownership in C++\n\n"
                                   "  leakcheck [options] <source files...> [-- <compiler args>]\n",
                                   &errs()))
    return 2;

  if (ListChecks) {
    for (const auto &C : leakcheck::allChecks())
      if (leakcheck::isCheckEnabled(Checks, C.name))
        outs() << C.name << "\n    " << C.summary << "\n";
    return 0;
  }
  if (Format != "text" && Format != "json")
    return usageError("unknown --format '" + Format + "' (expected text or json)");
  if (FailOn != "none" && FailOn != "warning")
    return usageError("unknown --fail-on '" + FailOn + "' (expected none or warning)");
  if (Sources.empty() && BuildDir.empty())
    return usageError("no source files given (usage: leakcheck [options] <files...> "
                      "[-- <compiler args>], or -p <build-dir>)");

  leakcheck::AnalysisRequest Request;
  Request.sources.assign(Sources.begin(), Sources.end());
  Request.compilerArgs = CompilerArgs;
  Request.buildDir = BuildDir;
  Request.jobs = Jobs;
  Request.checks = Checks;
  Request.keepGoing = KeepGoing;

  leakcheck::AnalysisResult Result = leakcheck::analyzeProgram(Request);
  errs() << Result.diagnostics;
  for (const std::string &W : Result.warnings)
    errs() << "leakcheck: warning: " << W << "\n";
  if (!Result.ok()) {
    for (const std::string &E : Result.errors)
      errs() << "leakcheck: error: " << E << "\n";
    errs() << "leakcheck: no report written\n";
    return 2;
  }

  std::string Text;
  raw_string_ostream OS(Text);
  if (Format == "json") {
    leakcheck::ReportStats Stats;
    Stats.translationUnits = Result.translationUnits;
    Stats.records = Result.model.records.size();
    Stats.seconds = Result.seconds;
    leakcheck::writeJsonReport(OS, Result.findings, Stats);
  } else {
    bool Color = Output.empty() && sys::Process::StandardOutIsDisplayed();
    leakcheck::writeTextReport(OS, Result.findings, Color);
  }
  OS.flush();
  if (!writeReport(Text))
    return 2;
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
  return (FailOn == "warning" && !Result.findings.empty()) ? 1 : 0;
}

#include "Driver.h"

#include "collection/AstUtils.h"
#include "collection/FactCollector.h"
#include "model/ModelDump.h"
#include "collection/ProgramScope.h"
#include "collection/TemplateCompletion.h"
#include "ResourceDir.h"
#include "reporting/LinkSites.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>

using namespace clang;
using namespace clang::tooling;

namespace leakcheck {

namespace {

// Completes the templates the program names (TemplateCompletion.h), then matches.
class CompleteThenMatch : public ASTConsumer {
public:
  CompleteThenMatch(CompilerInstance &CI, std::unique_ptr<ASTConsumer> Matcher)
      : CI(CI), Matcher(std::move(Matcher)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    auto Start = std::chrono::steady_clock::now();
    if (CI.hasSema() && !CI.getDiagnostics().hasErrorOccurred())
      completeNamedTemplates(CI.getSema(), Ctx);
    auto Completed = std::chrono::steady_clock::now();
    // The collectors' matchers all skip system headers: their walk need not go there.
    Ctx.setTraversalScope(programDeclarations(Ctx));
    Matcher->HandleTranslationUnit(Ctx);
    // LEAKCHECK_PROFILE=1: where a TU's time goes beyond parsing (tests/bench).
    if (std::getenv("LEAKCHECK_PROFILE")) {
      auto Seconds = [](auto D) { return std::chrono::duration<double>(D).count(); };
      llvm::errs() << "leakcheck-profile: "
                   << CI.getFrontendOpts().Inputs.front().getFile() << " complete-templates "
                   << Seconds(Completed - Start) << " s, match "
                   << Seconds(std::chrono::steady_clock::now() - Completed) << " s\n";
    }
  }

private:
  CompilerInstance &CI;
  std::unique_ptr<ASTConsumer> Matcher;
};

// One TU: parse it, run the fact collectors' matchers, keep the facts, drop the AST.
class CollectFactsAction : public ASTFrontendAction {
public:
  CollectFactsAction(ProgramModel &Facts, const CheckOptions &Options)
      : Collectors(createFactCollectors(Facts, Options)) {
    for (auto &C : Collectors)
      C->registerMatchers(Finder);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // A missing #include is a fatal error that ends the parse; as a plain error the parse
    // goes on, and the declarations after it can still be read (as libclang's KeepGoing).
    // The TU still counts as not compiling.
    CI.getDiagnostics().setFatalsAsError(true);
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    return std::make_unique<CompleteThenMatch>(CI, Finder.newASTConsumer());
  }

private:
  std::vector<std::unique_ptr<FactCollector>> Collectors;
  ast_matchers::MatchFinder Finder;
};

// GCC accepts these, clang errors on them ("unknown argument"); compile_commands.json
// written for g++ carries them.
bool isGccOnlyFlag(StringRef Arg) {
  static const char *const Prefixes[] = {
      "-fconcepts-diagnostics-depth", "-fno-semantic-interposition", "-fstack-clash-protection",
      "-fcf-protection=", "-fno-gnu-unique", "-mabi=", "-fipa-", "-flto-partition",
      "-fno-lifetime-dse", "-fno-delete-null-pointer-checks", "-fmax-include-depth",
      "-fno-tree-", "-ftree-", "-fno-var-tracking", "-fvar-tracking", "-fno-ipa-",
      "-fcompare-debug-second", "-fext-numeric-literals", "-fno-fat-lto-objects",
      "-fprofile-update", "-Wno-psabi", "-fno-canonical-system-headers", "-fno-keep-inline-dllexport"};
  for (const char *P : Prefixes)
    if (Arg.starts_with(P))
      return true;
  return false;
}

ArgumentsAdjuster leakcheckAdjuster() {
  ArgumentsAdjuster A = getClangSyntaxOnlyAdjuster();
  A = combineAdjusters(A, getClangStripOutputAdjuster());
  A = combineAdjusters(A, getClangStripDependencyFileAdjuster());
  A = combineAdjusters(A, getStripPluginsAdjuster());
  A = combineAdjusters(A, [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out;
    bool HasResourceDir = false;
    for (const std::string &Arg : Args) {
      if (isGccOnlyFlag(Arg))
        continue;
      HasResourceDir |= StringRef(Arg).starts_with("-resource-dir");
      Out.push_back(Arg);
    }
    // Flags go before a `--` that ends the options (interpolated commands have one).
    auto End = std::find(Out.begin(), Out.end(), "--");
    // An analyzer has no use for warnings, and -Werror must not turn them into failures.
    End = Out.insert(End, "-w") + 1;
    // An error by default in clang >= 16 that Debian 12's Boost 1.74 (MPL) trips over;
    // GCC, which such code is built with, accepts it.
    End = Out.insert(End, "-Wno-enum-constexpr-conversion") + 1;
    // Code that does not compile (a missing header, a typo) must not be "corrected" into
    // other types: an unknown name stays an error and its declaration is marked invalid.
    End = Out.insert(End, "-fno-spell-checking") + 1;
    // The builtin headers of the clang we were built against: a build tree has none
    // next to the executable, where LibTooling would look (ResourceDir.h).
    if (!HasResourceDir && !clangResourceDir().empty())
      Out.insert(End, "-resource-dir=" + clangResourceDir());
    return Out;
  });
  return A;
}

// Prints the compiler's diagnostics as clang does, and keeps what the report says of a TU
// that does not compile: its first error and the headers it could not find.
class UnitDiagnostics : public TextDiagnosticPrinter {
public:
  using TextDiagnosticPrinter::TextDiagnosticPrinter;
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    TextDiagnosticPrinter::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    if (Info.getID() == diag::err_pp_file_not_found && Info.getNumArgs() > 0)
      MissingHeaders.push_back(Info.getArgStdStr(0));
    if (!FirstError.empty())
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      SourceLoc L = toSourceLoc(Info.getLocation(), Info.getSourceManager());
      if (L.valid())
        FirstError = L.file + ":" + std::to_string(L.line) + ":" + std::to_string(L.column) + ": ";
    }
    FirstError += Text.str();
  }
  std::string FirstError;
  std::vector<std::string> MissingHeaders;
};

struct UnitOutcome {
  ProgramModel facts;
  std::string diagnostics;
  bool compiled = false;
  std::string problem;  // why it was not analysed
  std::string firstError;
  std::vector<std::string> missingHeaders;
};

UnitOutcome analyzeUnit(const CompileCommand &Command, const ArgumentsAdjuster &Adjust,
                        const CheckOptions &Options) {
  UnitOutcome Out;
  std::vector<std::string> Args = Adjust(Command.CommandLine, Command.Filename);
  // Each TU gets its own file system view with its own working directory: the process's
  // working directory is shared by the worker threads and never changed.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(llvm::vfs::createPhysicalFileSystem());
  if (FS->setCurrentWorkingDirectory(Command.Directory)) {
    Out.problem = "cannot enter its build directory " + Command.Directory;
    return Out;
  }
  llvm::IntrusiveRefCntPtr<FileManager> Files(new FileManager(FileSystemOptions(), FS));
  llvm::raw_string_ostream DiagStream(Out.diagnostics);
  auto DiagOpts = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  UnitDiagnostics Printer(DiagStream, DiagOpts.get());
  ToolInvocation Invocation(Args, std::make_unique<CollectFactsAction>(Out.facts, Options),
                            Files.get());
  Invocation.setDiagnosticConsumer(&Printer);
  bool Ran = false;
  // A crash in one TU (in clang or in a collector) is that TU's error, not the end of the run.
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Ran = Invocation.run(); })) {
    Out.problem = "crashed the analyzer (an internal error: please report it with this file)";
    Out.facts = ProgramModel();  // whatever a collector wrote before the crash is suspect
    return Out;
  }
  DiagStream.flush();
  Out.compiled = Ran && Printer.getNumErrors() == 0;
  if (!Out.compiled)
    Out.problem = Printer.getNumErrors()
                      ? "does not compile (" + std::to_string(Printer.getNumErrors()) +
                            (Printer.getNumErrors() == 1 ? " error)" : " errors)")
                      : "could not be parsed (bad compiler arguments?)";
  Out.facts.translationUnits = Out.compiled ? 1 : 0;
  Out.firstError = Printer.FirstError;
  Out.missingHeaders = Printer.MissingHeaders;
  return Out;
}

// The database to read; Listing says whether it lists files (a compile_commands.json, which
// guesses flags for files it does not list) rather than giving everyone the same flags.
std::unique_ptr<CompilationDatabase> loadDatabase(const AnalysisRequest &R,
                                                  std::vector<std::string> &Errors,
                                                  bool &Listing) {
  Listing = false;
  if (R.compilerArgs) {
    std::vector<std::string> Args = *R.compilerArgs;
    return std::make_unique<FixedCompilationDatabase>(".", Args);
  }
  std::string Error;
  if (!R.buildDir.empty()) {
    auto DB = CompilationDatabase::loadFromDirectory(R.buildDir, Error);
    Listing = true;
    if (!DB)
      Errors.push_back("cannot load a compilation database from '" + R.buildDir + "': " + Error);
    return DB;
  }
  if (!R.sources.empty()) {
    llvm::SmallString<256> First(R.sources.front());
    llvm::sys::fs::make_absolute(First);
    if (auto DB = CompilationDatabase::autoDetectFromSource(First, Error)) {
      Listing = true;
      return DB;
    }
  }
  // No database and no `--`: the flags a modern C++ file needs.
  return std::make_unique<FixedCompilationDatabase>(".", std::vector<std::string>{"-std=c++17"});
}

// Whether the database names a file that none of Commands compiles.
bool listsMore(const CompilationDatabase &DB, const std::vector<CompileCommand> &Commands) {
  llvm::StringSet<> Analysed;
  for (const CompileCommand &C : Commands) {
    llvm::SmallString<256> Absolute(C.Filename);
    llvm::sys::fs::make_absolute(C.Directory, Absolute);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    Analysed.insert(Absolute);
  }
  for (const std::string &F : DB.getAllFiles()) {
    llvm::SmallString<256> Absolute(F);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    if (!Analysed.count(Absolute))
      return true;
  }
  return false;
}

} // namespace

AnalysisResult collectProgram(const AnalysisRequest &R) {
  auto Start = std::chrono::steady_clock::now();
  llvm::CrashRecoveryContext::Enable();
  AnalysisResult Result;
  bool Listing = false;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(R, Result.errors, Listing);
  if (!DB)
    return Result;

  std::vector<std::string> Sources = R.sources.empty() ? DB->getAllFiles() : R.sources;
  if (Sources.empty())
    Result.errors.push_back("no source files to analyse");
  if (R.skip) {
    size_t Before = Sources.size();
    Sources.erase(std::remove_if(Sources.begin(), Sources.end(), R.skip), Sources.end());
    Result.excluded = Before - Sources.size();
  }

  // Files the database names, to tell them from those it only guesses flags for.
  llvm::StringSet<> Known;
  for (const std::string &F : DB->getAllFiles())
    Known.insert(F);
  std::vector<CompileCommand> Commands(Sources.size());
  for (size_t I = 0; I < Sources.size(); ++I) {
    const std::string &File = Sources[I];
    llvm::SmallString<256> Absolute(File);
    llvm::sys::fs::make_absolute(Absolute);
    if (!llvm::sys::fs::exists(Absolute)) {
      Result.errors.push_back(File + ": no such file");
      continue;
    }
    std::vector<CompileCommand> Found = DB->getCompileCommands(Absolute);
    if (Found.empty()) {
      Result.errors.push_back(File + ": not in the compilation database" +
                              (R.buildDir.empty() ? "" : " of '" + R.buildDir + "'") +
                              " (add it to the build, or pass compiler flags after --)");
      continue;
    }
    if (Listing && !Known.count(Absolute))
      Result.warnings.push_back(File + ": not in the compilation database" +
                                (R.buildDir.empty() ? "" : " of '" + R.buildDir + "'") +
                                "; using the flags of the most similar file in it");
    Commands[I] = std::move(Found.front());
  }
  if (!Result.errors.empty())
    return Result;
  std::vector<std::string> Tried;
  if (clangResourceDir(&Tried).empty())
    Result.warnings.push_back("clang's resource directory (its builtin headers, such as "
                              "<stddef.h>) was not found in " + llvm::join(Tried, ", ") +
                              ": install " + clangProgramName() +
                              " or pass -resource-dir=<dir> after --");

  std::vector<UnitOutcome> Outcomes(Sources.size());
  ArgumentsAdjuster Adjust = leakcheckAdjuster();
  std::mutex ProgressMutex;
  unsigned Done = 0;
  auto RunOne = [&](size_t I) {
    Outcomes[I] = analyzeUnit(Commands[I], Adjust, R.options);
    if (R.progress) {
      std::lock_guard<std::mutex> Lock(ProgressMutex);
      R.progress(++Done, Sources.size(), Sources[I]);
    }
  };
  unsigned Jobs = std::min<size_t>(R.jobs ? R.jobs : llvm::hardware_concurrency().compute_thread_count(),
                                   Sources.size());
  if (Jobs <= 1) {
    for (size_t I = 0; I < Sources.size(); ++I)
      RunOne(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Sources.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }

  // The merge does not depend on the order of TUs (Model.h), so neither does anything
  // after it: -j N and any order of files report exactly what -j 1 does.
  for (size_t I = 0; I < Sources.size(); ++I) {
    UnitOutcome &U = Outcomes[I];
    if (!U.compiled) {
      Result.diagnostics += U.diagnostics;
      std::string Message = Sources[I] + ": " + U.problem;
      if (!U.missingHeaders.empty())
        Message += "; missing header" + std::string(U.missingHeaders.size() > 1 ? "s " : " ") +
                   llvm::join(U.missingHeaders, ", ");
      if (!R.keepGoing) {
        Result.errors.push_back(Message);
        continue;
      }
      Result.warnings.push_back(Message + "; only its declarations that parsed are used, "
                                          "marked partial");
      U.facts.keepOnlyDeclarations(
          {Sources[I], U.firstError.empty() ? U.problem : U.firstError, U.missingHeaders, {}});
    }
    Result.model.merge(std::move(U.facts));
  }
  Result.model.canonicalize();
  // "The program" is what was asked for, unless a database lists more, files were
  // excluded, or a TU did not compile: then checks speak of "the analysed files".
  Result.model.wholeProgram =
      Result.model.brokenUnits.empty() && !Result.excluded && !(Listing && !R.sources.empty() &&
                                                                 listsMore(*DB, Commands));
  if (!Result.model.brokenUnits.empty() && Result.model.translationUnits == 0)
    Result.errors.push_back("no translation unit could be analysed: every one of them does "
                            "not compile");
  Result.translationUnits = Result.model.translationUnits;
  // LEAKCHECK_DUMP_FACTS=<file>: the merged facts, to compare two builds of the collectors.
  if (const char *Dump = std::getenv("LEAKCHECK_DUMP_FACTS"))
    dumpFacts(Result.model, Dump);
  Result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return Result;
}

AnalysisResult analyzeProgram(const AnalysisRequest &R) {
  auto Start = std::chrono::steady_clock::now();
  AnalysisResult Result = collectProgram(R);
  if (!Result.ok())
    return Result;
  Result.findings = runChecks(createChecks(R.checks, R.options), Result.model);
  attachLinkSites(Result.findings, Result.model);
  Result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return Result;
}

} // namespace leakcheck

#include "collection/ParseUnit.h"

#include "collection/AstUtils.h"
#include "collection/FactCollector.h"
#include "collection/ProgramScope.h"
#include "collection/TemplateCompletion.h"
#include "model/FactFile.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "ResourceDir.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

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
  CollectFactsAction(ProgramModel &Facts, const CheckOptions &Options,
                     std::vector<std::pair<std::string, std::string>> &Dependencies)
      : Collectors(createFactCollectors(Facts, Options)), Dependencies(Dependencies) {
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

  // Every file the TU read, with the hash of the content it read: what makes its facts
  // stale in the fact cache.
  void EndSourceFileAction() override {
    SourceManager &SM = getCompilerInstance().getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::optional<llvm::MemoryBufferRef> Buffer = It->second->getBufferIfLoaded();
      if (!Buffer)
        continue;
      // The file's real path: what the cache opens to see whether it changed.
      llvm::StringRef Path = SM.getFileManager().getCanonicalName(It->first);
      Dependencies.emplace_back(Path.str(), contentHash(Buffer->getBuffer()));
    }
    std::sort(Dependencies.begin(), Dependencies.end());
    Dependencies.erase(std::unique(Dependencies.begin(), Dependencies.end()), Dependencies.end());
  }

private:
  std::vector<std::unique_ptr<FactCollector>> Collectors;
  ast_matchers::MatchFinder Finder;
  std::vector<std::pair<std::string, std::string>> &Dependencies;
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

} // namespace

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

namespace {

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

} // namespace

ParsedUnit parseUnit(const CompileCommand &Command, const CheckOptions &Options) {
  ParsedUnit Out;
  const std::vector<std::string> &Args = Command.CommandLine;
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
  ToolInvocation Invocation(
      Args, std::make_unique<CollectFactsAction>(Out.facts, Options, Out.dependencies),
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

} // namespace leakcheck

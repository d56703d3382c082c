#include "Driver.h"

#include "FactCache.h"
#include "collection/ParseUnit.h"
#include "model/FactFile.h"
#include "model/ModelDump.h"
#include "ResourceDir.h"
#include "reporting/LinkSites.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>

using namespace clang;
using namespace clang::tooling;

namespace leakcheck {

namespace {

// One TU's facts as the run collected them (model/FactFile.h), and what the run reports of it.
struct CollectedUnit {
  FactFile file;
  bool fromCache = false;
  std::string diagnostics;   // the compiler's, when it did not compile
  std::string problem;       // "does not compile (2 errors)"
  std::string cacheProblem;  // the cache could not be written
};

// The directory above File (or File's own) that holds a compile_commands.json, or "".
std::string findDatabaseDirectory(const std::string &File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, "compile_commands.json");
    if (llvm::sys::fs::is_regular_file(Candidate))
      return D.str();
  }
  return "";
}

// The database to read; Listing says whether it lists files (a compile_commands.json, which
// guesses flags for files it does not list) rather than giving everyone the same flags, and
// Dir where it is (the fact cache's default home).
std::unique_ptr<CompilationDatabase> loadDatabase(const AnalysisRequest &R,
                                                  std::vector<std::string> &Errors,
                                                  bool &Listing, std::string &Dir) {
  Listing = false;
  if (R.compilerArgs) {
    std::vector<std::string> Args = *R.compilerArgs;
    return std::make_unique<FixedCompilationDatabase>(".", Args);
  }
  std::string Error;
  Dir = !R.buildDir.empty() ? R.buildDir
        : !R.sources.empty() ? findDatabaseDirectory(R.sources.front())
                             : std::string();
  if (!Dir.empty()) {
    auto DB = CompilationDatabase::loadFromDirectory(Dir, Error);
    Listing = true;
    if (!DB)
      Errors.push_back("cannot load a compilation database from '" + Dir + "': " + Error);
    return DB;
  }
  // No database and no `--`: the flags a modern C++ file needs.
  return std::make_unique<FixedCompilationDatabase>(".", std::vector<std::string>{"-std=c++17"});
}

// A path relative to the working directory when below it: what fact files hold, so that
// they do not depend on where the working directory is (a build system's sandbox).
std::string relativeToWorkingDirectory(llvm::StringRef Path) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  llvm::StringRef P(Path);
  if (P == Cwd)
    return ".";
  if (P.starts_with(Cwd) && P.size() > Cwd.size() && llvm::sys::path::is_separator(P[Cwd.size()]))
    return P.drop_front(Cwd.size() + 1).str();
  return P.str();
}

// What a TU's facts are a function of, before its files are read: the TU, the command as
// run, the directory it runs in, leakcheck's build and the options that affect facts.
// Paths are relative to the working directory (paths in facts are too).
FactInputs compilationInputs(const CompileCommand &Command, const CheckOptions &Options) {
  FactInputs In;
  In.add("directory", relativeToWorkingDirectory(Command.Directory));
  In.add("file", relativeToWorkingDirectory(Command.Filename));
  for (const std::string &Arg : Command.CommandLine)
    In.add("arg", Arg);
  In.add("tool", toolIdentity());
  for (const OptionSpec &O : declaredOptions())
    if (O.affectsFacts)
      In.add(O.key(), Options.get(O.scope, O.name));
  return In;
}

// The cache slot of a TU: its compilation inputs and the working directory itself (the
// same relative paths name other files elsewhere).
std::string cacheSlot(const FactInputs &Compilation) {
  FactInputs Slot = Compilation;
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  Slot.add("cwd", Cwd);
  return Slot.hash();
}

// One TU's facts: from the cache when fresh, else parsed (and then cached if it compiled).
CollectedUnit collectUnit(const std::string &Source, const CompileCommand &Command,
                          const CheckOptions &Options, FactCache *Cache, bool KeepGoing) {
  CollectedUnit U;
  FactInputs Inputs = compilationInputs(Command, Options);
  std::string Slot = cacheSlot(Inputs);
  if (Cache)
    if (std::optional<FactFile> Hit = Cache->lookup(Slot)) {
      U.file = std::move(*Hit);
      U.file.unit = Source;
      U.fromCache = true;
      return U;
    }
  ParsedUnit P = parseUnit(Command, Options);
  U.file.tool = toolIdentity();
  U.file.unit = Source;
  U.file.compiled = P.compiled;
  U.file.facts = std::move(P.facts);
  U.diagnostics = std::move(P.diagnostics);
  U.problem = P.problem;
  // The inputs of the facts: the compilation and the content of every file it read.
  for (const auto &[Path, Hash] : P.dependencies)
    Inputs.add(relativeToWorkingDirectory(Path), Hash);
  U.file.inputs = Inputs.hash();
  if (!P.compiled) {
    if (KeepGoing)
      U.file.facts.keepOnlyDeclarations(
          {Source, P.firstError.empty() ? P.problem : P.firstError, P.missingHeaders, {}});
    else
      U.file.facts.brokenUnits = {{Source, P.firstError, P.missingHeaders, {}}};
    return U;
  }
  U.file.dependencies = std::move(P.dependencies);
  if (Cache && !Cache->store(Slot, U.file, U.cacheProblem))
    U.cacheProblem += " (the run goes on without it)";
  U.file.dependencies.clear();  // machine paths: only the cache needs them
  return U;
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
  std::string DatabaseDir;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(R, Result.errors, Listing, DatabaseDir);
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

  std::optional<FactCache> Cache;
  std::string CacheDir = R.cacheDir.value_or(DatabaseDir.empty() ? std::string()
                                                                 : DatabaseDir + "/.leakcheck-cache");
  if (!CacheDir.empty())
    Cache.emplace(CacheDir);
  std::vector<CollectedUnit> Units(Sources.size());
  ArgumentsAdjuster Adjust = leakcheckAdjuster();
  std::mutex ProgressMutex;
  unsigned Done = 0;
  auto RunOne = [&](size_t I) {
    CompileCommand Command = Commands[I];
    Command.CommandLine = Adjust(Command.CommandLine, Command.Filename);
    Units[I] = collectUnit(Sources[I], Command, R.options, Cache ? &*Cache : nullptr, R.keepGoing);
    std::lock_guard<std::mutex> Lock(ProgressMutex);
    if (R.progress)
      R.progress(++Done, Sources.size(), Sources[I]);
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
    CollectedUnit &U = Units[I];
    (U.fromCache ? Result.cachedUnits : Result.parsedUnits)++;
    if (!U.cacheProblem.empty())
      Result.warnings.push_back(U.cacheProblem);
    if (!U.file.compiled) {
      Result.diagnostics += U.diagnostics;
      std::string Message = Sources[I] + ": " + U.problem;
      if (!U.file.facts.brokenUnits.empty() &&
          !U.file.facts.brokenUnits.front().missingHeaders.empty()) {
        const auto &Missing = U.file.facts.brokenUnits.front().missingHeaders;
        Message += "; missing header" + std::string(Missing.size() > 1 ? "s " : " ") +
                   llvm::join(Missing, ", ");
      }
      if (!R.keepGoing) {
        Result.errors.push_back(Message);
        continue;
      }
      Result.warnings.push_back(Message + "; only its declarations that parsed are used, "
                                          "marked partial");
    }
    if (R.onFacts)
      R.onFacts(U.file);
    Result.model.merge(std::move(U.file.facts));
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

// The enabled checks on a merged model; seconds count from Start.
static void runEnabledChecks(AnalysisResult &Result, const AnalysisRequest &R,
                             std::chrono::steady_clock::time_point Start) {
  if (!Result.ok())
    return;
  Result.findings = runChecks(createChecks(R.checks, R.options), Result.model);
  attachLinkSites(Result.findings, Result.model);
  Result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
}

AnalysisResult analyzeProgram(const AnalysisRequest &R) {
  auto Start = std::chrono::steady_clock::now();
  AnalysisResult Result = collectProgram(R);
  runEnabledChecks(Result, R, Start);
  return Result;
}

std::string factFileName(const std::string &Unit) {
  return llvm::sys::path::filename(Unit).str() + "." + contentHash(Unit).substr(0, 16) + ".facts";
}

AnalysisResult mergeFactFiles(const std::vector<std::string> &Inputs, const AnalysisRequest &R) {
  auto Start = std::chrono::steady_clock::now();
  AnalysisResult Result;
  std::vector<std::string> Files;
  for (const std::string &In : Inputs) {
    if (!llvm::sys::fs::is_directory(In)) {
      Files.push_back(In);
      continue;
    }
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(In, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".facts") &&
          llvm::sys::fs::is_regular_file(It->path()))
        Files.push_back(It->path());
    if (EC)
      Result.errors.push_back(In + ": cannot read the directory: " + EC.message());
  }
  std::sort(Files.begin(), Files.end());
  if (Files.empty() && Result.errors.empty())
    Result.errors.push_back("no fact files to merge");
  for (const std::string &Path : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Result.errors.push_back(Path + ": cannot read: " + Buffer.getError().message());
      continue;
    }
    FactFile File;
    std::string Error;
    if (!readFactFile((*Buffer)->getBuffer(), File, Error)) {
      Result.errors.push_back(Path + ": " + Error);
      continue;
    }
    if (!File.compiled)
      Result.warnings.push_back(File.unit + ": does not compile; only its declarations that "
                                            "parsed are used, marked partial");
    Result.model.merge(std::move(File.facts));
  }
  if (!Result.ok())
    return Result;
  Result.model.canonicalize();
  Result.model.wholeProgram = Result.model.wholeProgram && Result.model.brokenUnits.empty();
  Result.translationUnits = Result.model.translationUnits;
  if (!Result.translationUnits)
    Result.errors.push_back("no translation unit could be analysed: every one of them does "
                            "not compile");
  runEnabledChecks(Result, R, Start);
  return Result;
}

} // namespace leakcheck

#include "TidyModule.h"

#include "collection/AstUtils.h"
#include "collection/FactCollector.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

#include <map>
#include <mutex>

using namespace clang;
using namespace clang::ast_matchers;

namespace leakcheck {

namespace {

// One TU's facts. clang-tidy creates all enabled checks for a TU and registers their
// matchers on one MatchFinder: the leakcheck checks among them share one set of fact
// collectors (made from every leakcheck option, which each check has), so the facts are
// collected once however many leakcheck checks are enabled.
struct UnitFacts {
  ProgramModel model;
  std::vector<std::unique_ptr<FactCollector>> collectors;

  static std::shared_ptr<UnitFacts> forFinder(MatchFinder &Finder, const CheckOptions &Options) {
    static std::mutex Mutex;
    static std::map<const MatchFinder *, std::weak_ptr<UnitFacts>> Live;
    std::lock_guard<std::mutex> Lock(Mutex);
    for (auto It = Live.begin(); It != Live.end();)
      It = It->second.expired() ? Live.erase(It) : std::next(It);
    if (auto Shared = Live[&Finder].lock())
      return Shared;
    auto Facts = std::make_shared<UnitFacts>();
    Facts->model.wholeProgram = false;  // one TU: its checks speak of "the analysed files"
    Facts->collectors = createFactCollectors(Facts->model, Options);
    for (auto &C : Facts->collectors)
      C->registerMatchers(Finder);
    Live[&Finder] = Facts;
    return Facts;
  }
};

class TidyCheck : public tidy::ClangTidyCheck {
public:
  TidyCheck(StringRef Name, tidy::ClangTidyContext *Context, const CheckInfo &Info)
      : ClangTidyCheck(Name, Context), Check(Info.create()) {
    // Every declared leakcheck option, under its leakcheck name: the check's own, the
    // shared vocabulary ("leakcheck.*"), and the other checks' (the fact collectors are
    // shared by the checks of a TU and may read any of them). Only declared keys are
    // marked as read: a misspelled one is "unknown" to --verify-config, as it should be.
    const auto &Given = Context->getOptions().CheckOptions;
    for (const OptionSpec &O : declaredOptions()) {
      std::string Key = O.key();
      // --verify-config collects what checks read while they are made with no options.
      if (llvm::StringSet<> *Used = Context->getOptionsCollector())
        Used->insert(Key);
      auto It = Given.find(Key);
      if (It == Given.end())
        continue;
      std::string Problem = checkOptionValue(O, It->getValue().Value);
      if (Problem.empty())
        Options.set(Key, It->getValue().Value);
      else if (Info.name == O.scope)  // said once, by the check that owns the option
        configurationDiag("invalid value of option '%0': %1 (the default is used)")
            << Key << Problem;
    }
    for (const OptionSpec *O : Info.options())
      Stored.push_back(O);
    Check->configure(Options);
  }

  // What --dump-config writes: each of the check's options with its value.
  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override {
    for (const OptionSpec *O : Stored)
      Opts[O->key()] = tidy::ClangTidyOptions::ClangTidyValue(Options.get(O->scope, O->name));
  }

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

  void registerMatchers(MatchFinder *Finder) override {
    Facts = UnitFacts::forFinder(*Finder, Options);
    // Matched once per TU: gives the ASTContext, and makes onEndOfTranslationUnit run.
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override { Ctx = Result.Context; }

  void onEndOfTranslationUnit() override {
    if (!Ctx || !Facts)
      return;
    std::vector<Finding> Findings;
    Facts->model.canonicalize();  // idempotent: each leakcheck check of the TU may call it
    Check->analyze(Facts->model, Findings);
    const SourceManager &SM = Ctx->getSourceManager();
    for (const Finding &F : Findings)
      report(F, SM);
    Ctx = nullptr;
  }

private:
  void report(const Finding &F, const SourceManager &SM) {
    SourceLocation Loc = toClangLocation(F.loc, SM);
    if (Loc.isInvalid())
      return;  // only in another TU: whole-program analysis is the CLI's
    {
      // The message is an argument, not a format: it may hold '%'.
      DiagnosticBuilder D = diag(Loc, "%0") << F.message;
      if (F.fix) {
        SourceLocation Begin = toClangLocation(F.fix->loc, SM);
        if (Begin.isValid())
          D << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(Begin, Begin.getLocWithOffset(F.fix->length)),
              F.fix->replacement);
      }
    }  // emitted here, before its notes
    for (const Note &N : F.notes) {
      SourceLocation NoteLoc = toClangLocation(N.loc, SM);
      if (NoteLoc.isValid())
        diag(NoteLoc, "%0", DiagnosticIDs::Note) << N.message;
    }
  }

  std::unique_ptr<LeakCheck> Check;
  CheckOptions Options;
  std::vector<const OptionSpec *> Stored;
  std::shared_ptr<UnitFacts> Facts;
  ASTContext *Ctx = nullptr;
};

class LeakcheckModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
    addTidyChecks(Factories, allChecks());
  }
};

} // namespace

void addTidyChecks(tidy::ClangTidyCheckFactories &Factories, const std::vector<CheckInfo> &Checks) {
  for (const CheckInfo &Info : Checks)
    Factories.registerCheckFactory(
        Info.name, [Info](StringRef Name, tidy::ClangTidyContext *Context) {
          return std::make_unique<TidyCheck>(Name, Context, Info);
        });
}

} // namespace leakcheck

// Loaded with `clang-tidy-19 --load=build/lib/libleakcheck-tidy.so`.
static clang::tidy::ClangTidyModuleRegistry::Add<leakcheck::LeakcheckModule>
    LeakcheckModuleRegistration("leakcheck-module",
                                "leakcheck: std::shared_ptr ownership cycles and other leaks");

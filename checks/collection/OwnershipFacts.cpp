#include "collection/OwnershipFacts.h"

#include "collection/AstUtils.h"
#include "collection/WeakFixes.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace leakcheck {

namespace {

// Looks through what does not change which object a value is: casts, temporaries,
// conversions between smart pointers, std::move and std::forward.
const Expr *stripValue(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *S = dyn_cast<CXXStaticCastExpr>(E))
      E = S->getSubExpr();
    else if (const auto *K = dyn_cast<CXXConstructExpr>(E);
             K && K->getNumArgs() >= 1 && !isa<CXXTemporaryObjectExpr>(K) &&
             (K->getNumArgs() == 1 || isa<CXXDefaultArgExpr>(K->getArg(1))))
      E = K->getArg(0);
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             (Call->getDirectCallee()->getName() == "move" ||
              Call->getDirectCallee()->getName() == "forward"))
      E = Call->getArg(0);
    else
      return E;
  }
  return E;
}

// The field an expression stores into: `x.f`, `p->f`, `f` (implicit this), and through
// element access `x.f[k]`, `x.f.at(k)`, `x.f.back()`. Also returns the holder expression.
const FieldDecl *storedField(const Expr *E, const Expr *&Holder) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  while (E) {
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
        Holder = ME->getBase();
        return F;
      }
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript) {
      E = Op->getArg(0)->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() &&
          (M->getName() == "at" || M->getName() == "back" || M->getName() == "front")) {
        E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
        continue;
      }
    }
    return nullptr;
  }
  return nullptr;
}

std::string locationKey(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLoc L = toSourceLoc(D.getLocation(), SM);
  return L.file + ":" + std::to_string(L.line) + ":" + std::to_string(L.column);
}

// The identity of an object within one function: "this", the variable that holds it, or a
// field of one of those.
std::string endpoint(const Expr *E) {
  E = stripValue(E);
  if (!E)
    return "";
  if (isa<CXXThisExpr>(E))
    return "this";
  // `p->f` and `*p`: the object p points to.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    return endpoint(Op->getArg(0));
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    return endpoint(U->getSubExpr());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "shared_from_this")
      return "this";
    if (M && M->getIdentifier() && M->getName() == "get")  // p.get()
      return endpoint(MC->getImplicitObjectArgument());
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
      return V->getName().str() + "@" + locationKey(*V);
  // A field of an object: `engine_` in a member function is "this.engine_".
  if (const auto *ME = dyn_cast<MemberExpr>(E); ME && isa<FieldDecl>(ME->getMemberDecl()))
    if (std::string Base = endpoint(ME->getBase()); !Base.empty())
      return Base + "." + ME->getMemberDecl()->getName().str();
  return "";
}

// `new T`, `std::make_shared<T>(...)`, `std::make_unique<T>(...)`.
bool isAllocation(const Expr *E) {
  E = stripValue(E);
  if (isa_and_nonnull<CXXNewExpr>(E))
    return true;
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  return F && F->isInStdNamespace() && F->getIdentifier() &&
         (F->getName() == "make_shared" || F->getName() == "make_unique" ||
          F->getName() == "allocate_shared");
}

bool isInSystemHeader(SourceLocation Loc, const SourceManager &SM) {
  return SM.isInSystemHeader(SM.getFileLoc(Loc));
}

const CXXRecordDecl *closureOrRecord(QualType T) {
  return T.getNonReferenceType()->getAsCXXRecordDecl();
}

} // namespace

// Walks one function body (lambdas inside included) for the stores and calls that move
// values into fields and parameters. One walk per function, instead of a matcher per kind of
// expression that would need the AST's parent map to find the enclosing function.
class OwnershipFacts::BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  BodyScanner(OwnershipFacts &Facts, const FunctionDecl &Fn, ASTContext &Ctx)
      : Facts(Facts), Fn(Fn), Ctx(Ctx) {}

  // Local classes are functions of their own: the matcher finds their methods.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->isAssignmentOp() && E->getNumArgs() == 2)
      Facts.addStore(E->getArg(0), E->getArg(1), &Fn, Ctx);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (!M)
      return true;
    // A call on a field stores its arguments there: push_back, insert, emplace, ...
    if (!M->isConst())
      for (const Expr *Arg : Call->arguments())
        Facts.addStore(Call->getImplicitObjectArgument(), Arg, &Fn, Ctx);
    for (unsigned I = 0; I < Call->getNumArgs() && I < M->getNumParams(); ++I)
      Facts.addArgument(Call->getArg(I), *M, I, Ctx);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call))
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    if (const CXXConstructorDecl *Ctor = constructedBy(*Callee)) {
      // std::make_shared<T>(args...) passes its arguments to T's constructor.
      unsigned Skip = Callee->getName() == "allocate_shared" ? 1 : 0;
      for (unsigned I = Skip; I < Call->getNumArgs(); ++I)
        Facts.addArgument(Call->getArg(I), *Ctor, I - Skip, Ctx);
      return true;
    }
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
      Facts.addArgument(Call->getArg(I), *Callee, I, Ctx);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *K) {
    const CXXConstructorDecl *Ctor = K->getConstructor();
    if (Ctor && !Ctor->getParent()->isInStdNamespace())
      for (unsigned I = 0; I < K->getNumArgs() && I < Ctor->getNumParams(); ++I)
        Facts.addArgument(K->getArg(I), *Ctor, I, Ctx);
    return true;
  }

private:
  // The constructor std::make_shared<T>, make_unique<T> or allocate_shared<T> calls.
  static const CXXConstructorDecl *constructedBy(const FunctionDecl &Callee) {
    if (!Callee.isInStdNamespace() || !Callee.getIdentifier() ||
        (Callee.getName() != "make_shared" && Callee.getName() != "make_unique" &&
         Callee.getName() != "allocate_shared"))
      return nullptr;
    const TemplateArgumentList *TA = Callee.getTemplateSpecializationArgs();
    if (!TA || !TA->size() || TA->get(0).getKind() != TemplateArgument::Type)
      return nullptr;
    const CXXRecordDecl *T = TA->get(0).getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || T->ctors().empty())
      return nullptr;
    return *T->ctors().begin();
  }

  OwnershipFacts &Facts;
  const FunctionDecl &Fn;
  ASTContext &Ctx;
};

void OwnershipFacts::registerMatchers(MatchFinder &Finder) {
  auto User = unless(isExpansionInSystemHeader());
  Finder.addMatcher(cxxRecordDecl(isDefinition(), User).bind("record"), this);
  Finder.addMatcher(functionDecl(isDefinition(), User,
                                 unless(cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())))))
                        .bind("function"),
                    this);
}

void OwnershipFacts::run(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *RD = Result.Nodes.getNodeAs<CXXRecordDecl>("record"))
    return addRecord(*RD, Ctx);
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Fn || Fn->isDependentContext() || !Fn->hasBody() || Fn->isInvalidDecl())
    return;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Fn))
    addOverride(*M);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->isWritten())
        addFieldStore(*Init->getMember(), "this", Init->getInit(), Ctor, Ctx);
  BodyScanner(*this, *Fn, Ctx).TraverseStmt(Fn->getBody());
}

void OwnershipFacts::addRecord(const CXXRecordDecl &RD, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!isProgramRecord(RD, SM))
    return;
  if (RD.isInvalidDecl()) {  // Clang could not read it: said in the report, not guessed at
    Facts.invalidRecords.insert(recordKey(RD));
    return;
  }
  RecordFact R;
  R.key = recordKey(RD);
  R.name = recordName(RD);
  R.loc = toSourceLoc(RD.getLocation(), SM);
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      R.bases.push_back(recordKey(*B));
  for (const FieldDecl *F : RD.fields()) {
    TypeOwnershipResult Own = ownership(F->getType(), Ctx);
    if (Own.targets.empty() && !Own.holdsCallable && Own.callableHolders.empty())
      continue;  // the model keeps only fields that can own
    FieldFact Field;
    Field.name = F->getName().str();
    Field.loc = toSourceLoc(F->getBeginLoc(), SM);
    if (TypeSourceInfo *TSI = F->getTypeSourceInfo())
      Field.typeText = sourceText(TSI->getTypeLoc().getSourceRange(), Ctx);
    if (Field.typeText.empty())
      Field.typeText = F->getType().getAsString();
    Field.declText = sourceText(F->getSourceRange(), Ctx);
    Field.targets = std::move(Own.targets);
    Field.holdsCallable = Own.holdsCallable;
    Field.callableHolders = std::move(Own.callableHolders);
    computeWeakFixes(*F, Ctx, Vocabulary, Field);
    R.fields.push_back(std::move(Field));
    if (F->hasInClassInitializer())
      addFieldStore(*F, "this", F->getInClassInitializer(), nullptr, Ctx);
  }
  Facts.records.emplace(R.key, std::move(R));
}

void OwnershipFacts::addStore(const Expr *Target, const Expr *Value, const FunctionDecl *Function,
                              ASTContext &Ctx) {
  const Expr *Holder = nullptr;
  const FieldDecl *Field = storedField(Target, Holder);
  if (Field)
    addFieldStore(*Field, Holder ? endpoint(Holder) : "", Value, Function, Ctx);
}

void OwnershipFacts::addFieldStore(const FieldDecl &Field, const std::string &Holder,
                                   const Expr *Value, const FunctionDecl *Function,
                                   ASTContext &Ctx) {
  const auto *Parent = dyn_cast<CXXRecordDecl>(Field.getParent());
  if (!Parent || !isProgramRecord(*Parent, Ctx.getSourceManager()))
    return;
  TypeOwnershipResult Own = ownership(Field.getType(), Ctx);
  if (Own.holdsCallable) {
    ValueSlot Slot;
    Slot.record = recordKey(*Parent);
    Slot.field = Field.getName().str();
    addFlow(Value, Slot, Ctx);
  }
  if (!Own.targets.empty() && Function && !Holder.empty()) {
    std::string To = endpoint(Value);
    if (To.empty() && isAllocation(Value))
      To = "new";  // a new object, made to be held here
    if (To.empty())
      return;
    LinkFact L;
    L.function = functionKey(*Function) + "@" + locationKey(*Function);
    L.record = recordKey(*Parent);
    L.field = Field.getName().str();
    L.holder = Holder;
    L.value = To;
    if (const auto *DR = dyn_cast<DeclRefExpr>(stripValue(Value)))
      if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl()))
        if (const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext()))
          L.valueParam = functionKey(*F) + "#" + std::to_string(P->getFunctionScopeIndex());
    L.loc = toSourceLoc(Value->getBeginLoc(), Ctx.getSourceManager());
    Facts.links.push_back(std::move(L));
  }
}

void OwnershipFacts::addArgument(const Expr *Arg, const FunctionDecl &Callee, unsigned Param,
                                 ASTContext &Ctx) {
  if (Callee.isInStdNamespace() || isInSystemHeader(Callee.getLocation(), Ctx.getSourceManager()))
    return;
  ValueSlot Slot;
  Slot.function = functionKey(Callee);
  Slot.param = Param;
  addFlow(Arg, Slot, Ctx);
  if (endpoint(Arg) == "this")
    Facts.selfArguments.push_back({Slot.function + "#" + std::to_string(Param),
                                   toSourceLoc(Arg->getBeginLoc(), Ctx.getSourceManager())});
}

bool OwnershipFacts::mayCarryCallable(QualType T, ASTContext &Ctx) const {
  const CXXRecordDecl *RD = closureOrRecord(T);
  if (!RD)
    return false;
  if (RD->isLambda())
    return true;
  TypeOwnershipResult Own = ownership(T.getNonReferenceType(), Ctx);
  return Own.holdsCallable || !Own.callableHolders.empty();
}

void OwnershipFacts::addOverride(const CXXMethodDecl &Method) {
  for (const CXXMethodDecl *Base : Method.overridden_methods())
    for (unsigned I = 0; I < Method.getNumParams(); ++I) {
      if (!mayCarryCallable(Method.getParamDecl(I)->getType(), Method.getASTContext()))
        continue;
      ForwardFact F;
      F.from.function = functionKey(*Base);
      F.from.param = I;
      F.into.function = functionKey(Method);
      F.into.param = I;
      Facts.forwards.push_back(std::move(F));
    }
}

void OwnershipFacts::addFlow(const Expr *Value, const ValueSlot &Slot, ASTContext &Ctx) {
  Value = stripValue(Value);
  if (!Value)
    return;
  // A local holding a lambda: `auto cb = [self] {...}; timer->cb = cb;`
  if (const auto *DR = dyn_cast<DeclRefExpr>(Value)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl())) {
      const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
      if (!F || !mayCarryCallable(P->getType(), Ctx))
        return;
      ForwardFact Fwd;
      Fwd.from.function = functionKey(*F);
      Fwd.from.param = P->getFunctionScopeIndex();
      Fwd.into = Slot;
      Facts.forwards.push_back(std::move(Fwd));
      return;
    }
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()); V && V->hasLocalStorage() && V->getInit())
      return addFlow(V->getInit(), Slot, Ctx);
    return;
  }
  CaptureFact C;
  C.into = Slot;
  C.loc = toSourceLoc(Value->getBeginLoc(), Ctx.getSourceManager());
  auto Capture = [&](QualType T) {
    for (const OwnedTarget &O : ownership(T.getNonReferenceType(), Ctx).targets)
      C.captured.push_back(O);
  };
  if (const auto *L = dyn_cast<LambdaExpr>(Value)) {
    for (const LambdaCapture &Cap : L->captures()) {
      // [this], [&x] and [&] capture no ownership; [x], [x = expr] and [=] copy x.
      if (!Cap.capturesVariable() || Cap.getCaptureKind() != LCK_ByCopy)
        continue;
      if (const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar()))
        Capture(V->getType());
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(Value); Call && Call->getDirectCallee() &&
                                                           Call->getDirectCallee()->isInStdNamespace() &&
                                                           Call->getDirectCallee()->getIdentifier() &&
                                                           (Call->getDirectCallee()->getName() == "bind" ||
                                                            Call->getDirectCallee()->getName() == "bind_front")) {
    // std::bind(&T::f, shared_from_this()) stores copies of its arguments.
    for (const Expr *Arg : Call->arguments())
      Capture(Arg->getType());
  } else {
    return;
  }
  if (!C.captured.empty())
    Facts.captures.push_back(std::move(C));
}

} // namespace leakcheck

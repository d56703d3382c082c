#include "collection/CacheFacts.h"

#include "collection/AstUtils.h"
#include "collection/NodeContext.h"
#include "collection/PathTrackingVisitor.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace leakcheck {

namespace {

const std::set<std::string> &growingMethods() {
  static const std::set<std::string> Names = {
      "insert", "emplace", "emplace_hint", "emplace_back", "emplace_front", "try_emplace",
      "insert_or_assign", "push_back", "push_front", "push", "splice", "merge",
      "insert_range", "append_range", "prepend_range", "push_range"};
  return Names;
}

const std::set<std::string> &shrinkingMethods() {
  static const std::set<std::string> Names = {
      "erase", "clear", "pop_back", "pop_front", "pop", "extract", "swap", "resize",
      "assign", "assign_range", "remove", "remove_if", "unique"};
  return Names;
}

std::string methodName(const FunctionDecl *F) {
  return F && F->getIdentifier() ? F->getName().str() : "";
}

bool isNonConstLvalueReference(QualType T) {
  return T->isLValueReferenceType() && !T.getNonReferenceType().isConstQualified();
}

// The function a reader knows: a lambda's call operator is named by its enclosing function.
std::string readableFunction(const FunctionDecl &F) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F); M && M->getParent()->isLambda()) {
    for (const DeclContext *DC = M->getParent()->getDeclContext(); DC; DC = DC->getParent())
      if (const auto *Outer = dyn_cast<FunctionDecl>(DC))
        return readableFunction(*Outer);
    return "a lambda";
  }
  return F.getQualifiedNameAsString();
}

std::string withoutAnonymousNamespaces(std::string Name) {
  static const std::string Anonymous = "(anonymous namespace)::";
  for (size_t At; (At = Name.find(Anonymous)) != std::string::npos;)
    Name.erase(At, Anonymous.size());
  return Name;
}

const FunctionDecl *enclosingFunctionOf(const VarDecl &V) {
  return dyn_cast_or_null<FunctionDecl>(V.getParentFunctionOrMethod());
}

// Calls Visit(Part, Member) for the record of each subobject of an RD object: its bases
// (Member null) and its data members held by value, arrays of them included.
template <class Visitor>
void forEachSubobject(const CXXRecordDecl &RD, Visitor &&Visit) {
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      Visit(*B, nullptr);
  for (const FieldDecl *F : RD.fields()) {
    QualType T = F->getType();
    while (const ArrayType *A = F->getASTContext().getAsArrayType(T))
      T = A->getElementType();
    if (const CXXRecordDecl *Member = T->getAsCXXRecordDecl(); Member && !T->isReferenceType())
      Visit(*Member, F);
  }
}

// How a static object is reached, for the reader: "Registry::instance()::r", "g_app".
std::string instancePath(const VarDecl &V) {
  if (V.isStaticLocal()) {
    const FunctionDecl *F = enclosingFunctionOf(V);
    return (F ? readableFunction(*F) + "()::" : std::string()) + V.getName().str();
  }
  return withoutAnonymousNamespaces(V.getQualifiedNameAsString());
}

std::string locKey(const Decl &D) {
  SourceLoc L = toSourceLoc(D.getLocation(), D.getASTContext().getSourceManager());
  return L.file + ":" + std::to_string(L.line) + ":" + std::to_string(L.column);
}

// A variable's identity in the whole program (see ContainerFact::key).
std::string variableKey(const VarDecl &Var) {
  const VarDecl &V = *Var.getCanonicalDecl();
  if (V.isStaticLocal()) {
    const FunctionDecl *F = enclosingFunctionOf(V);
    return (F ? functionKey(*F) : std::string("?")) + "()::" + V.getName().str() + "@" + locKey(V);
  }
  if (V.isStaticDataMember())
    if (const auto *RD = dyn_cast<CXXRecordDecl>(V.getDeclContext()))
      return recordKey(*RD) + "::" + V.getName().str();
  std::string Name = V.getQualifiedNameAsString();
  if (!V.isExternallyVisible())  // `static` or in an anonymous namespace: one per file
    Name = toSourceLoc(V.getLocation(), V.getASTContext().getSourceManager()).file + "#" + Name;
  return Name;
}

// A static-storage pointer points at a container of its own if it is initialised by `new`.
bool initialisedByNew(const VarDecl &V) {
  const Expr *Init = V.getInit();
  return Init && isa<CXXNewExpr>(Init->IgnoreParenImpCasts());
}

// `new T`, `std::make_shared<T>()`, `std::make_unique<T>()`.
bool allocates(const Expr *Init) {
  if (!Init)
    return false;
  Init = Init->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<ExprWithCleanups>(Init))
    Init = C->getSubExpr()->IgnoreParenImpCasts();
  while (true) {
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Init))
      Init = M->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Init))
      Init = B->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *K = dyn_cast<CXXConstructExpr>(Init); K && K->getNumArgs() >= 1)
      Init = K->getArg(0)->IgnoreParenImpCasts();
    else
      break;
  }
  if (isa<CXXNewExpr>(Init))
    return true;
  const auto *Call = dyn_cast<CallExpr>(Init);
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  std::string Name = methodName(F);
  return F && F->isInStdNamespace() &&
         (Name == "make_shared" || Name == "make_unique" || Name == "allocate_shared");
}

// What a size can be compared with to bound it: a non-zero constant, a constant or global
// variable, a member (`capacity_`), a call (`maxSize()`), arithmetic of those. Not a local
// variable or a parameter: `i < v.size()` indexes, it does not bound.
bool isBoundLike(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *L = dyn_cast<IntegerLiteral>(E))
    return L->getValue() != 0;
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(DR->getDecl()) || isa<NonTypeTemplateParmDecl>(DR->getDecl()))
      return true;
    const auto *V = dyn_cast<VarDecl>(DR->getDecl());
    return V && (V->getType().isConstQualified() || V->isConstexpr() || V->hasGlobalStorage());
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isAdditiveOp())
    return isBoundLike(B->getLHS()) && isBoundLike(B->getRHS());
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isMultiplicativeOp())
    return isBoundLike(B->getLHS()) && isBoundLike(B->getRHS());
  return isa<MemberExpr>(E) || isa<CallExpr>(E) || isa<UnaryExprOrTypeTraitExpr>(E);
}

bool expandsInSystemHeader(SourceLocation Begin, const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(Begin);
  return Loc.isValid() && SM.isInSystemHeader(Loc);
}
bool expandsInSystemHeader(const Stmt &S, const SourceManager &SM) {
  return expandsInSystemHeader(S.getBeginLoc(), SM);
}
bool expandsInSystemHeader(const Decl &D, const SourceManager &SM) {
  return expandsInSystemHeader(D.getLocation(), SM);
}

// Whether a function belongs to a lambda's class: it is walked with the lambda, where the
// walk knows whether the lambda is called in place.
bool isLambdaMember(const FunctionDecl &F) {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  return M && M->getParent()->isLambda();
}

} // namespace

// Walks a function (signature, constructor initializers, body, the lambdas and local
// classes inside), a static variable, or an in-class initializer, for the uses of
// containers and the calls it makes, keeping the path from where it started so that it can
// tell which function each of them runs in. One walk for each; per-expression matchers
// would need the whole TU's parent map for that.
class CacheFacts::Scanner : public PathTrackingVisitor<Scanner> {
public:
  Scanner(CacheFacts &Facts, ASTContext &Ctx) : Facts(Facts), Ctx(Ctx) {}

  void scanInitializer(FieldDecl &Field) {
    startPathAt(Field);
    TraverseStmt(Field.getInClassInitializer());
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (firstVisit(*Call))
      Facts.addMemberCall(*Call, here(), Ctx);
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (firstVisit(*Call))
      Facts.addOperatorCall(*Call, here(), Ctx);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (!isa<CXXOperatorCallExpr>(Call) && !isa<CXXMemberCallExpr>(Call) && firstVisit(*Call))
      Facts.addCall(*Call, here(), Ctx);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *K) {
    if (const CXXConstructorDecl *Ctor = K->getConstructor();
        Ctor && !Ctor->isImplicit() && firstVisit(*K))
      Facts.addCallSite(*Ctor, here(), Ctx);
    return true;
  }

  // Objects that are not of static storage: their records' members are not caches.
  bool VisitVarDecl(VarDecl *V) {
    if (!V->hasGlobalStorage() && !expandsInSystemHeader(*V, Ctx.getSourceManager()))
      Facts.addAutomaticInstance(V->getType());
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (firstVisit(*New))
      Facts.addAllocation(New->getAllocatedType(), here(), Ctx);
    return true;
  }

  bool VisitCXXTemporaryObjectExpr(CXXTemporaryObjectExpr *Temporary) {
    if (firstVisit(*Temporary))
      Facts.addAutomaticInstance(Temporary->getType());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isComparisonOp() && firstVisit(*Op))
      Facts.addComparison(*Op, here(), Ctx);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf && firstVisit(*Op))
      Facts.addUse(Op->getSubExpr(), ContainerUseFact::Kind::Shrink, "its address taken", here(),
                   Ctx);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    if (firstVisit(*Return))
      if (const FunctionDecl *F = enclosingFunction(here()))
        Facts.addReturn(*Return, *F);
    return true;
  }

private:
  NodePath here() const { return path(); }

  // Whether to collect the facts of S: it is the program's, and no walk met it before. Some
  // nodes are shared: a template's code that does not depend on its parameters is reused by
  // its instantiations, a default argument is met in the declaration and at each call that
  // uses it, an in-class initializer in the field and in each constructor that uses it.
  // Such a node's facts are those of the walk that meets it first, in the order the
  // matchers meet declarations: the template before its instantiations, the declaration
  // before the calls below it, the field or the constructor, whichever the class declares
  // first.
  bool firstVisit(const Stmt &S) {
    return !expandsInSystemHeader(S, Ctx.getSourceManager()) && Facts.Visited.insert(&S).second;
  }

  CacheFacts &Facts;
  ASTContext &Ctx;
};

void CacheFacts::registerMatchers(MatchFinder &Finder) {
  auto User = unless(isExpansionInSystemHeader());
  Finder.addMatcher(varDecl(hasGlobalStorage(), User).bind("var"), this);
  Finder.addMatcher(fieldDecl(User).bind("field"), this);
  // Declarations too: their default arguments and signatures hold expressions.
  Finder.addMatcher(functionDecl(User).bind("function"), this);
}

void CacheFacts::run(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &N = Result.Nodes;
  if (const auto *V = N.getNodeAs<VarDecl>("var")) {
    addVariable(*V, Ctx);
    // A static local is walked with its function.
    if (!V->getParentFunctionOrMethod())
      Scanner(*this, Ctx).TraverseDecl(const_cast<VarDecl *>(V));
  } else if (const auto *F = N.getNodeAs<FieldDecl>("field")) {
    if (F->isInvalidDecl() || F->getParent()->isInvalidDecl())
      return;  // Clang could not read it (a TU that does not compile)
    addField(*F, Ctx);
    // Unless a constructor met it first, or the function around a local class.
    if (F->hasInClassInitializer())
      Scanner(*this, Ctx).scanInitializer(*const_cast<FieldDecl *>(F));
  } else if (const auto *Fn = N.getNodeAs<FunctionDecl>("function")) {
    if (!isLambdaMember(*Fn))
      Scanner(*this, Ctx).TraverseDecl(const_cast<FunctionDecl *>(Fn));
  }
}

std::string CacheFacts::containerTemplate(QualType T) const {
  if (T.isNull())
    return "";
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || T->isDependentType())
    return "";
  std::string Name = templateName(*RD);
  return Containers.count(Name) ? Name : "";
}

std::string CacheFacts::identity(const Expr *E) const {
  if (!E)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DR->getDecl());
    if (!V)
      return "";
    if (const auto *P = dyn_cast<ParmVarDecl>(V)) {
      const auto *F = dyn_cast<FunctionDecl>(P->getDeclContext());
      if (!F || !isNonConstLvalueReference(P->getType()))
        return "";
      return "param:" + functionKey(*F) + "#" + std::to_string(P->getFunctionScopeIndex());
    }
    if (V->hasGlobalStorage())
      return variableKey(*V);
    if (V->getType()->isReferenceType() && V->getInit())  // `auto &c = cache;`
      return identity(V->getInit());
    return "";
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent()))
        return recordKey(*RD) + "::" + F->getName().str();
    if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return variableKey(*V);
    return "";
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    return identity(U->getSubExpr());
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && !isa<CXXOperatorCallExpr>(Call)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (F && !F->isInStdNamespace() && isNonConstLvalueReference(F->getReturnType()))
      return "fn:" + functionKey(*F);
  }
  return "";
}

void CacheFacts::addVariable(const VarDecl &V, ASTContext &Ctx) {
  if (V.isInvalidDecl() || isa<ParmVarDecl>(V) || V.getType()->isDependentType() ||
      V.getDeclContext()->isDependentContext())
    return;
  QualType T = V.getType();
  std::string Template = containerTemplate(T);
  if (Template.empty())
    return addStaticInstance(V, Ctx);
  if (T->isReferenceType()) {
    // Another name for a container, unless it binds one made for it (`= *new ...`).
    std::string Target = identity(V.getInit());
    if (!Target.empty())
      return Facts.containerAliases.push_back({variableKey(V), Target});
  } else if (T->isPointerType() && !initialisedByNew(V)) {
    return;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  ContainerFact C;
  C.key = variableKey(V);
  C.containerTemplate = Template;
  C.threadLocal = V.getTLSKind() != VarDecl::TLS_None;
  QualType Object = T.getNonReferenceType();
  if (Object->isPointerType())
    Object = Object->getPointeeType();
  C.isConst = Object.isConstQualified();
  C.holdsShared = Object.getCanonicalType().getAsString().find("shared_ptr<") != std::string::npos;
  const VarDecl *Where = &V;
  if (V.isStaticLocal()) {
    C.storage = ContainerFact::Storage::FunctionStatic;
    C.symbol = V.getName().str();
    if (const FunctionDecl *F = enclosingFunctionOf(V))
      C.function = readableFunction(*F);
    C.definition = true;
  } else if (V.isStaticDataMember()) {
    C.storage = ContainerFact::Storage::StaticMember;
    const auto *RD = cast<CXXRecordDecl>(V.getDeclContext());
    C.record = recordKey(*RD);
    C.symbol = recordName(*RD) + "::" + V.getName().str();
    Where = V.getCanonicalDecl();  // in the class, where readers look
    C.definition = true;
  } else {
    C.storage = ContainerFact::Storage::Namespace;
    C.symbol = withoutAnonymousNamespaces(V.getQualifiedNameAsString());
    if (const VarDecl *Def = V.getDefinition())
      Where = Def;
    C.definition = Where->isThisDeclarationADefinition() != VarDecl::DeclarationOnly;
  }
  C.loc = toSourceLoc(Where->getBeginLoc(), SM);
  if (TypeSourceInfo *TSI = Where->getTypeSourceInfo())
    C.typeText = sourceText(TSI->getTypeLoc().getSourceRange(), Ctx);
  Facts.addContainer(std::move(C));
}

void CacheFacts::addField(const FieldDecl &F, ASTContext &Ctx) {
  const auto *RD = dyn_cast<CXXRecordDecl>(F.getParent());
  const SourceManager &SM = Ctx.getSourceManager();
  if (!RD || !isProgramRecord(*RD, SM) || F.getType()->isReferenceType() ||
      F.getType()->isPointerType())
    return;
  std::string Template = containerTemplate(F.getType());
  if (Template.empty())
    return;
  ContainerFact C;
  C.storage = ContainerFact::Storage::Member;
  C.record = recordKey(*RD);
  C.key = C.record + "::" + F.getName().str();
  C.symbol = recordName(*RD) + "::" + F.getName().str();
  C.containerTemplate = Template;
  C.isConst = F.getType().isConstQualified();
  C.holdsShared =
      F.getType().getCanonicalType().getAsString().find("shared_ptr<") != std::string::npos;
  C.loc = toSourceLoc(F.getBeginLoc(), SM);
  if (TypeSourceInfo *TSI = F.getTypeSourceInfo())
    C.typeText = sourceText(TSI->getTypeLoc().getSourceRange(), Ctx);
  C.definition = true;
  Facts.addContainer(std::move(C));
}

// `static Registry r;`, `Registry g_registry;`, `static auto *r = new Registry;`: the
// record's members (and its bases' and by-value members') have static storage.
void CacheFacts::addStaticInstance(const VarDecl &V, ASTContext &Ctx) {
  QualType T = V.getType().getNonReferenceType();
  if (const ArrayType *A = Ctx.getAsArrayType(T))
    T = A->getElementType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  QualType Object = T;
  if (T->isPointerType() || (RD && RD->isInStdNamespace())) {
    // A pointer or smart pointer keeps the object only if it is made for it.
    if (!allocates(V.getInit()))
      return;
    Object = T->isPointerType() ? T->getPointeeType() : QualType();
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
        Spec && Spec->getTemplateArgs().size() &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      Object = Spec->getTemplateArgs()[0].getAsType();
    RD = Object.isNull() ? nullptr : Object->getAsCXXRecordDecl();
  }
  // Nothing grows through a const object (but for its mutable members, left alone here:
  // such a member is the object's own memo, seldom a growing one).
  if (!RD || V.getType()->isReferenceType() || Object.isConstQualified())
    return;
  std::set<const CXXRecordDecl *> Seen;
  addInstanceOf(*RD, instancePath(V), toSourceLoc(V.getBeginLoc(), Ctx.getSourceManager()), Seen);
}

// An object made with new or make_shared: static if a static variable keeps it, when it is
// not that variable's initializer (addStaticInstance saw that): a lazy singleton's
// `if (!g) g = new T;`.
void CacheFacts::addAllocation(QualType T, NodePath At, ASTContext &Ctx) {
  const VarDecl *Keeper = staticVariableStoredInto(At);
  if (!Keeper)
    return addAutomaticInstance(T);
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || T.isConstQualified() || At.size() < 2 || At[At.size() - 2].get<VarDecl>())
    return;
  std::set<const CXXRecordDecl *> Seen;
  addInstanceOf(*RD, instancePath(*Keeper),
                toSourceLoc(At.back().getSourceRange().getBegin(), Ctx.getSourceManager()), Seen);
}

void CacheFacts::addInstanceOf(const CXXRecordDecl &Record, const std::string &Path,
                               const SourceLoc &Loc, std::set<const CXXRecordDecl *> &Seen) {
  const CXXRecordDecl *RD = Record.getDefinition();
  if (!RD || RD->isInStdNamespace() || RD->isDependentContext() || !Seen.insert(RD).second)
    return;
  Facts.staticInstances.push_back({recordKey(*RD), Path, Loc});
  forEachSubobject(*RD, [&](const CXXRecordDecl &Part, const FieldDecl *Member) {
    addInstanceOf(Part, Member ? Path + "." + Member->getName().str() : Path, Loc, Seen);
  });
}

void CacheFacts::addAutomaticInstance(QualType T) {
  if (T.isNull() || T->isDependentType() || T->isReferenceType())
    return;
  if (const ArrayType *A = T->getAsArrayTypeUnsafe())
    return addAutomaticInstance(A->getElementType());
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    addAutomaticInstanceOf(*RD);
}

// An object's subobjects are objects of the same storage.
void CacheFacts::addAutomaticInstanceOf(const CXXRecordDecl &Record) {
  const CXXRecordDecl *RD = Record.getDefinition();
  if (!RD || RD->isInStdNamespace() || RD->isDependentContext() ||
      !AutomaticSeen.insert(RD).second)
    return;
  Facts.automaticInstances.insert(recordKey(*RD));
  forEachSubobject(*RD, [&](const CXXRecordDecl &Part, const FieldDecl *) {
    addAutomaticInstanceOf(Part);
  });
}

void CacheFacts::addUse(const Expr *Object, ContainerUseFact::Kind Kind,
                        const std::string &Operation, NodePath At, ASTContext &Ctx) {
  if (!Object || containerTemplate(Object->getType()).empty())
    return;
  std::string Key = identity(Object);
  if (Key.empty())
    return;
  ContainerUseFact U;
  U.container = Key;
  U.kind = Kind;
  U.operation = Operation;
  U.loc = toSourceLoc(At.back().getSourceRange().getBegin(), Ctx.getSourceManager());
  // The function it happens in; "" while a static variable is initialised, or while a
  // constructor fills its own object's member.
  const auto *Member = dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts());
  bool OwnMember = Member && isa<FieldDecl>(Member->getMemberDecl()) &&
                   isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
  const FunctionDecl *F = runningFunction(At);
  if (F && !(OwnMember && isa<CXXConstructorDecl>(F)))
    U.function = readableFunction(*F);
  U.ownObject = OwnMember;
  Facts.containerUses.push_back(std::move(U));
}

void CacheFacts::addCallSite(const FunctionDecl &Callee, NodePath At, ASTContext &Ctx) {
  if (Callee.isInStdNamespace() || Ctx.getSourceManager().isInSystemHeader(
                                       Ctx.getSourceManager().getFileLoc(Callee.getLocation())))
    return;
  const FunctionDecl *Caller = runningFunction(At);
  if (!SeenCallDecls.insert({Caller, &Callee}).second)
    return;  // the names are made once per pair of functions
  CallFact C{Caller ? readableFunction(*Caller) : "", readableFunction(Callee), ""};
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Caller))
    C.constructs = recordKey(*Ctor->getParent());
  if (SeenCalls.insert({C.caller, C.callee, C.constructs}).second)
    Facts.calls.push_back(std::move(C));
}

void CacheFacts::addMemberCall(const CXXMemberCallExpr &Call, NodePath At, ASTContext &Ctx) {
  const CXXMethodDecl *M = Call.getMethodDecl();
  std::string Name = methodName(M);
  const Expr *Object = Call.getImplicitObjectArgument();
  if (growingMethods().count(Name))
    addUse(Object, ContainerUseFact::Kind::Grow, Name, At, Ctx);
  else if (shrinkingMethods().count(Name))
    addUse(Object, ContainerUseFact::Kind::Shrink, Name, At, Ctx);
  // What the other container of swap, merge and splice loses.
  if (Name == "swap" || Name == "merge" || Name == "splice")
    for (const Expr *Arg : Call.arguments())
      addUse(Arg, ContainerUseFact::Kind::Shrink, Name, At, Ctx);
  if (M && !M->getParent()->isInStdNamespace()) {
    addArguments(*M, Call);
    addCallSite(*M, At, Ctx);
  }
}

// A container bound to a reference parameter is used under the parameter's name.
void CacheFacts::addArguments(const FunctionDecl &Callee, const CallExpr &Call) {
  if (Callee.isInStdNamespace())
    return;
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee.getNumParams(); ++I)
    if (isNonConstLvalueReference(Callee.getParamDecl(I)->getType()))
      if (std::string Key = identity(Call.getArg(I)); !Key.empty())
        Facts.containerAliases.push_back(
            {"param:" + functionKey(Callee) + "#" + std::to_string(I), Key});
}

void CacheFacts::addOperatorCall(const CXXOperatorCallExpr &Call, NodePath At, ASTContext &Ctx) {
  if (Call.getNumArgs() == 0)
    return;
  const Expr *Object = Call.getArg(0);
  if (Call.getOperator() == OO_Equal) {
    addUse(Object, ContainerUseFact::Kind::Shrink, "assignment", At, Ctx);
  } else if (Call.getOperator() == OO_Subscript) {
    // operator[] inserts into a map (a container with a mapped_type).
    const CXXRecordDecl *RD = Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (RD && !RD->lookup(&Ctx.Idents.get("mapped_type")).empty())
      addUse(Object, ContainerUseFact::Kind::Grow, "operator[]", At, Ctx);
  }
}

void CacheFacts::addCall(const CallExpr &Call, NodePath At, ASTContext &Ctx) {
  const FunctionDecl *F = Call.getDirectCallee();
  if (!F)
    return;
  std::string Name = methodName(F);
  if (F->isInStdNamespace() &&
      (Name == "make_shared" || Name == "make_unique" || Name == "allocate_shared"))
    if (const TemplateArgumentList *Args = F->getTemplateSpecializationArgs();
        Args && Args->size() && Args->get(0).getKind() == TemplateArgument::Type)
      addAllocation(Args->get(0).getAsType(), At, Ctx);
  if (Call.getNumArgs() == 0)
    return;
  if (F->isInStdNamespace()) {
    if (Name == "swap")
      for (const Expr *Arg : Call.arguments())
        addUse(Arg, ContainerUseFact::Kind::Shrink, "std::swap", At, Ctx);
    else if (Name == "erase" || Name == "erase_if" || Name == "exchange" || Name == "move")
      addUse(Call.getArg(0), ContainerUseFact::Kind::Shrink, "std::" + Name, At, Ctx);
    else if (Name == "back_inserter" || Name == "front_inserter" || Name == "inserter")
      addUse(Call.getArg(0), ContainerUseFact::Kind::Grow, "std::" + Name, At, Ctx);
    return;
  }
  addArguments(*F, Call);
  addCallSite(*F, At, Ctx);
}

void CacheFacts::addComparison(const BinaryOperator &Op, NodePath At, ASTContext &Ctx) {
  const Expr *Sides[2] = {Op.getLHS(), Op.getRHS()};
  for (int I = 0; I < 2; ++I) {
    const auto *Size = dyn_cast<CXXMemberCallExpr>(Sides[I]->IgnoreParenImpCasts());
    if (Size && methodName(Size->getMethodDecl()) == "size" && isBoundLike(Sides[1 - I]) &&
        decides(At))
      addUse(Size->getImplicitObjectArgument(), ContainerUseFact::Kind::Bound,
             "size compared", At, Ctx);
  }
}

void CacheFacts::addReturn(const ReturnStmt &Return, const FunctionDecl &Function) {
  if (!isNonConstLvalueReference(Function.getReturnType()) ||
      containerTemplate(Function.getReturnType()).empty())
    return;
  if (std::string Key = identity(Return.getRetValue()); !Key.empty())
    Facts.containerAliases.push_back({"fn:" + functionKey(Function), Key});
}

} // namespace leakcheck

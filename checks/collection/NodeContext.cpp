#include "collection/NodeContext.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace leakcheck {

namespace {

// How far up a question looks, as when it was asked of the AST's parent map: nodes deeper
// than this below their function are taken to run while static variables are initialised.
constexpr size_t MaxDepth = 256;

// Calls Visit(Parent, Child) for each ancestor of Nodes[At], nearest first, until Visit
// returns false.
template <class Visitor>
void walkUp(NodePath Nodes, size_t At, Visitor &&Visit) {
  for (size_t Depth = 0; At > 0 && Depth < MaxDepth; ++Depth, --At)
    if (!Visit(Nodes[At - 1], Nodes[At]))
      return;
}

// Whether the lambda at Nodes[At] is called where it is written: `[] { ... }()`.
bool calledInPlace(NodePath Nodes, size_t At) {
  const auto *L = Nodes[At].get<LambdaExpr>();
  bool InPlace = false;
  walkUp(Nodes, At, [&](const DynTypedNode &P, const DynTypedNode &) {
    if (const auto *Call = P.get<CXXOperatorCallExpr>()) {
      InPlace = Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
                Call->getArg(0)->IgnoreImplicit() == L;
      return false;
    }
    return P.get<ImplicitCastExpr>() || P.get<MaterializeTemporaryExpr>() ||
           P.get<CXXBindTemporaryExpr>() || P.get<ParenExpr>();
  });
  return InPlace;
}

// The lambda expression a lambda's member function at Nodes[At] was reached through.
size_t lambdaOf(NodePath Nodes, size_t At, const CXXRecordDecl &Closure) {
  for (size_t I = At; I-- > 0;)
    if (const auto *L = Nodes[I].get<LambdaExpr>(); L && L->getLambdaClass() == &Closure)
      return I;
  return At;
}

} // namespace

const FunctionDecl *runningFunction(NodePath P) {
  size_t At = P.size() - 1;
  for (size_t Depth = 0; Depth < MaxDepth; ++Depth) {
    if (At == 0)
      return nullptr;
    --At;
    const LambdaExpr *L = P[At].get<LambdaExpr>();
    const FunctionDecl *F = P[At].get<FunctionDecl>();
    // A lambda's body is reached through its call operator, inside the lambda's class.
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F); M && M->getParent()->isLambda()) {
      size_t Lambda = lambdaOf(P, At, *M->getParent());
      if (Lambda != At) {
        At = Lambda;
        L = P[At].get<LambdaExpr>();
      }
    }
    if (L && calledInPlace(P, At))
      continue;  // runs where it is written: go on up
    if (L)
      return L->getCallOperator();
    if (F)
      return F;
    if (const auto *V = P[At].get<VarDecl>(); V && V->hasGlobalStorage())
      return nullptr;
  }
  return nullptr;
}

bool decides(NodePath P) {
  bool Decides = false;
  walkUp(P, P.size() - 1, [&](const DynTypedNode &Parent, const DynTypedNode &Child) {
    if (const auto *C = Parent.get<ConditionalOperator>())
      Decides = C->getCond()->IgnoreParenImpCasts() == Child.get<Expr>();
    else
      Decides = Parent.get<IfStmt>() || Parent.get<WhileStmt>() || Parent.get<DoStmt>() ||
                Parent.get<ReturnStmt>();
    const auto *B = Parent.get<BinaryOperator>();
    const auto *U = Parent.get<UnaryOperator>();
    return !Decides && (Parent.get<ParenExpr>() || Parent.get<ImplicitCastExpr>() ||
                        Parent.get<ExprWithCleanups>() || (B && B->isLogicalOp()) ||
                        (U && U->getOpcode() == UO_LNot));
  });
  return Decides;
}

namespace {

// The variable of static storage E names (`g`, `R::instance_`), or null.
const VarDecl *staticVariableNamed(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    D = Member->getMemberDecl();
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->hasGlobalStorage() ? V : nullptr;
}

} // namespace

const VarDecl *staticVariableStoredInto(NodePath P) {
  const VarDecl *Stored = nullptr;
  walkUp(P, P.size() - 1, [&](const DynTypedNode &Parent, const DynTypedNode &) {
    if (const auto *V = Parent.get<VarDecl>()) {
      Stored = V->hasGlobalStorage() ? V : nullptr;
      return false;
    }
    if (const auto *B = Parent.get<BinaryOperator>()) {
      if (B->getOpcode() == BO_Assign)
        Stored = staticVariableNamed(B->getLHS());
      return false;
    }
    if (const auto *Op = Parent.get<CXXOperatorCallExpr>()) {
      if (Op->getOperator() == OO_Equal)
        Stored = staticVariableNamed(Op->getArg(0));
      return false;
    }
    if (const auto *Call = Parent.get<CXXMemberCallExpr>()) {
      const auto *M = Call->getMethodDecl();
      if (M && M->getIdentifier() && M->getName() == "reset")
        Stored = staticVariableNamed(Call->getImplicitObjectArgument());
      return false;
    }
    // Conversions and the smart pointer's constructor pass the value on.
    return Parent.get<CastExpr>() || Parent.get<ParenExpr>() || Parent.get<ExprWithCleanups>() ||
           Parent.get<MaterializeTemporaryExpr>() || Parent.get<CXXBindTemporaryExpr>() ||
           Parent.get<CXXConstructExpr>();
  });
  return Stored;
}

const FunctionDecl *enclosingFunction(NodePath P) {
  for (size_t At = P.size(); At-- > 0;) {
    if (const auto *F = P[At].get<FunctionDecl>())
      return F;
    if (const auto *L = P[At].get<LambdaExpr>())
      return L->getCallOperator();
  }
  return nullptr;
}

} // namespace leakcheck

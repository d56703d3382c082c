#include "collection/TypeOwnership.h"

#include "collection/AstUtils.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>

namespace leakcheck {

struct TypeOwnership::Walk {
  TypeOwnershipResult Result;
  std::set<const clang::CXXRecordDecl *> OnPath;  // records being walked by value
};

// A record the program (not the standard library or a system header) names as a type: the
// node a strong pointer to it points at, even where this TU only declares it.
static bool isProgramType(const clang::CXXRecordDecl &RD) {
  if (RD.isLambda() || RD.isInStdNamespace() || !RD.getIdentifier())
    return false;
  const clang::SourceManager &SM = RD.getASTContext().getSourceManager();
  return !SM.isInSystemHeader(SM.getFileLoc(RD.getLocation()));
}

static OwnKind stronger(OwnKind A, OwnKind B) {
  return (A == OwnKind::Shared || B == OwnKind::Shared) ? OwnKind::Shared : OwnKind::Unique;
}

static std::vector<clang::QualType> typeArguments(const clang::CXXRecordDecl &RD) {
  std::vector<clang::QualType> Out;
  const auto *Spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(&RD);
  if (!Spec)
    return Out;
  for (const clang::TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == clang::TemplateArgument::Type)
      Out.push_back(Arg.getAsType());
    else if (Arg.getKind() == clang::TemplateArgument::Pack)
      for (const clang::TemplateArgument &E : Arg.pack_elements())
        if (E.getKind() == clang::TemplateArgument::Type)
          Out.push_back(E.getAsType());
  }
  return Out;
}

TypeOwnershipResult TypeOwnership::analyze(clang::QualType T) const {
  Walk W;
  walkType(T, OwnKind::Unique, /*Many=*/false, W);
  auto &Targets = W.Result.targets;
  std::sort(Targets.begin(), Targets.end());
  // One entry per (record, kind); "many" if any path holds many.
  std::vector<OwnedTarget> Unique;
  for (const OwnedTarget &X : Targets) {
    if (!Unique.empty() && Unique.back() == X)
      Unique.back().many |= X.many;
    else
      Unique.push_back(X);
  }
  Targets = std::move(Unique);
  return std::move(W.Result);
}

void TypeOwnership::walkType(clang::QualType T, OwnKind Through, bool Many, Walk &W) const {
  if (T.isNull())
    return;
  T = T.getCanonicalType().getUnqualifiedType();
  // Raw pointers, references and member pointers observe: they never own.
  if (T->isReferenceType() || T->isAnyPointerType() || T->isMemberPointerType() ||
      T->isFunctionType())
    return;
  if (const clang::ArrayType *A = Ctx.getAsArrayType(T))
    return walkType(A->getElementType(), Through, /*Many=*/true, W);
  const clang::CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return;
  std::string Name = templateName(*RD);
  std::vector<clang::QualType> Args = typeArguments(*RD);
  if (Vocabulary.sharedPointers.count(Name)) {
    if (!Args.empty())
      walkPointee(Args.front(), OwnKind::Shared, Many, W);
  } else if (Vocabulary.uniquePointers.count(Name)) {
    if (!Args.empty())
      walkPointee(Args.front(), stronger(Through, OwnKind::Unique), Many, W);
  } else if (Vocabulary.callables.count(Name)) {
    W.Result.holdsCallable = true;
  } else if (Vocabulary.containers.count(Name) || Vocabulary.wrappers.count(Name)) {
    // Allocators, comparators and hashers are std records in neither list: skipped below.
    bool HoldsMany = Many || Vocabulary.containers.count(Name);
    for (clang::QualType Arg : Args)
      walkType(Arg, Through, HoldsMany, W);
  } else if (!RD->isInStdNamespace()) {
    walkRecordByValue(*RD, Through, Many, W);
  }
}

void TypeOwnership::walkPointee(clang::QualType T, OwnKind Kind, bool Many, Walk &W) const {
  T = T.getCanonicalType().getUnqualifiedType();
  if (const clang::ArrayType *A = Ctx.getAsArrayType(T)) {  // shared_ptr<T[]>
    T = A->getElementType().getCanonicalType().getUnqualifiedType();
    Many = true;
  }
  const clang::CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return;
  if (isProgramType(*RD)) {
    OwnedTarget Target;
    Target.record = recordKey(*RD);
    Target.kind = Kind;
    Target.many = Many;
    W.Result.targets.push_back(std::move(Target));
    return;
  }
  // An owned container, wrapper or library object: what it holds is owned through Kind.
  walkType(T, Kind, Many, W);
}

void TypeOwnership::walkRecordByValue(const clang::CXXRecordDecl &RD, OwnKind Through,
                                      bool Many, Walk &W) const {
  const clang::CXXRecordDecl *Def = RD.getDefinition();
  if (!Def || Def->isDependentContext() || !W.OnPath.insert(Def).second)
    return;
  // A callable inside a program record held by value is that record's field: lambdas are
  // stored there (`x.inner.cb = ...`), so remember the record rather than the callable.
  bool HeldCallable = W.Result.holdsCallable;
  W.Result.holdsCallable = false;
  for (const clang::FieldDecl *F : Def->fields())
    walkType(F->getType(), Through, Many, W);
  for (const clang::CXXBaseSpecifier &Base : Def->bases())
    if (const clang::CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      walkRecordByValue(*B, Through, Many, W);
  if (W.Result.holdsCallable && isProgramType(*Def)) {
    W.Result.callableHolders.push_back(recordKey(*Def));
    W.Result.holdsCallable = false;
  }
  W.Result.holdsCallable |= HeldCallable;
  W.OnPath.erase(Def);
}

} // namespace leakcheck

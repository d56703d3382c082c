#include "collection/WeakFixes.h"

#include "collection/AstUtils.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <optional>

using namespace clang;

namespace leakcheck {

namespace {

// Replaces the characters [begin, end) of a file by text.
struct Edit {
  SourceLocation begin, end;
  std::string text;
};

// The std::weak_ptr counterpart of a shared pointer template ("" if it has none).
std::string weakTemplate(const std::string &Shared) {
  if (Shared == "std::shared_ptr")
    return "std::weak_ptr";
  size_t At = Shared.rfind("shared_ptr");
  if (At == std::string::npos)
    return "";
  return Shared.substr(0, At) + "weak_ptr" + Shared.substr(At + 10);
}

class WeakRewriter {
public:
  // Field: the field whose declaration is rewritten (names are looked up from its record).
  WeakRewriter(ASTContext &Ctx, const OwnershipVocabulary &V, std::string Target,
               const FieldDecl &Field)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Vocabulary(V), Target(std::move(Target)),
        FieldContext(Field.getParent()) {}

  std::string Problem;

  // Appends the edits that weaken TL's strong pointers to Target; false (Problem says why)
  // when the type cannot be rewritten where it is written.
  // Begin: where a qualifier written before TL starts (`a::Ref<T>`), if any: a replacement
  // of the whole of TL replaces it too.
  bool collect(TypeLoc TL, std::vector<Edit> &Edits, SourceLocation Begin = {}) {
    if (TL.isNull() || !holdsTarget(TL.getType()))
      return true;
    if (Begin.isInvalid())
      Begin = TL.getBeginLoc();
    if (auto Q = TL.getAs<QualifiedTypeLoc>())
      return collect(Q.getUnqualifiedLoc(), Edits);
    if (auto P = TL.getAs<ParenTypeLoc>())
      return collect(P.getInnerLoc(), Edits);
    if (auto A = TL.getAs<ArrayTypeLoc>())
      return collect(A.getElementLoc(), Edits);
    if (auto E = TL.getAs<ElaboratedTypeLoc>())  // `std::shared_ptr<T>`, `a::Ref`
      return collect(E.getNamedTypeLoc(), Edits, Begin);
    if (auto TST = TL.getAs<TemplateSpecializationTypeLoc>()) {
      if (TST.getTypePtr()->isTypeAlias())
        return collectAliasTemplate(Begin, TST, Edits);
      if (isSharedPointer(TST.getType()))
        return collectPointer(Begin, TST, Edits);
      return collectContainer(TST, Edits);
    }
    if (auto TD = TL.getAs<TypedefTypeLoc>())
      return collectAlias(Begin, TL, TD.getTypedefNameDecl(), Edits);
    if (auto U = TL.getAs<UsingTypeLoc>())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(U.getFoundDecl()->getTargetDecl()))
        return collectAlias(Begin, TL, TD, Edits);
    if (TL.getAs<SubstTemplateTypeParmTypeLoc>())
      return fail("the strong pointer is a template argument ('" + TL.getType().getAsString() +
                  "')");
    if (const CXXRecordDecl *RD = TL.getType()->getAsCXXRecordDecl())
      return fail("the strong pointer is inside '" + RD->getNameAsString() +
                  "', held by value: weaken it there");
    return fail("the type '" + TL.getType().getAsString() + "' cannot be rewritten");
  }

  // The text of the characters [Begin, End) with Edits applied.
  std::optional<std::string> apply(SourceLocation Begin, SourceLocation End,
                                   std::vector<Edit> Edits) {
    if (Begin.isMacroID() || End.isMacroID()) {
      fail("the declaration is written in a macro");
      return std::nullopt;
    }
    auto [File, From] = SM.getDecomposedLoc(Begin);
    auto [EndFile, To] = SM.getDecomposedLoc(End);
    bool Invalid = false;
    StringRef Buffer = SM.getBufferData(File, &Invalid);
    if (Invalid || EndFile != File || To < From || To > Buffer.size()) {
      fail("the declaration's text is not in one file");
      return std::nullopt;
    }
    std::stable_sort(Edits.begin(), Edits.end(), [&](const Edit &A, const Edit &B) {
      return SM.getFileOffset(A.begin) < SM.getFileOffset(B.begin);
    });
    std::string Out;
    unsigned At = From;
    for (const Edit &E : Edits) {
      if (E.begin.isMacroID() || E.end.isMacroID()) {
        fail("the type is written in a macro");
        return std::nullopt;
      }
      auto [BFile, B] = SM.getDecomposedLoc(E.begin);
      auto [EFile, Stop] = SM.getDecomposedLoc(E.end);
      if (BFile != File || EFile != File || B < At || Stop < B || Stop > To) {
        fail("the type is not written in the declaration");
        return std::nullopt;
      }
      Out += Buffer.substr(At, B - At).str() + E.text;
      At = Stop;
    }
    return Out + Buffer.substr(At, To - At).str();
  }

  // The written text of TL, weakened.
  std::optional<std::string> rewrite(TypeLoc TL) {
    std::vector<Edit> Edits;
    if (!collect(TL, Edits))
      return std::nullopt;
    return apply(TL.getBeginLoc(), endOf(TL.getEndLoc()), std::move(Edits));
  }

  SourceLocation endOf(SourceLocation TokenLoc) const {
    return Lexer::getLocForEndOfToken(TokenLoc, 0, SM, Ctx.getLangOpts());
  }

private:
  bool fail(std::string Why) {
    if (Problem.empty())
      Problem = std::move(Why);
    return false;
  }

  bool holdsTarget(QualType T) const {
    for (const OwnedTarget &O : TypeOwnership(Ctx, Vocabulary).analyze(T).targets)
      if (O.record == Target && O.kind == OwnKind::Shared)
        return true;
    return false;
  }

  std::string templateOf(QualType T) const {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD ? templateName(*RD) : "";
  }

  bool isSharedPointer(QualType T) const {
    return Vocabulary.sharedPointers.count(templateOf(T)) != 0;
  }

  bool pointsToTarget(QualType Pointee) const {
    Pointee = Pointee.getCanonicalType();
    if (const ArrayType *A = Ctx.getAsArrayType(Pointee))
      Pointee = A->getElementType().getCanonicalType();
    const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl();
    return RD && recordKey(*RD) == Target;
  }

  // `std::shared_ptr<Target>` (from Begin, where its qualifier starts) becomes
  // `std::weak_ptr<Target>`; a shared pointer to something that holds Target is entered.
  bool collectPointer(SourceLocation Begin, TemplateSpecializationTypeLoc TST,
                      std::vector<Edit> &Edits) {
    if (TST.getNumArgs() == 0 || TST.getArgLoc(0).getArgument().getKind() != TemplateArgument::Type)
      return fail("the shared pointer's argument is not a type");
    QualType Pointee = TST.getArgLoc(0).getArgument().getAsType();
    if (pointsToTarget(Pointee)) {
      std::string Weak = weakTemplate(templateOf(TST.getType()));
      if (Weak.empty())
        return fail("'" + templateOf(TST.getType()) + "' has no weak counterpart");
      if (Qualify)  // written in an alias's scope: name the pointee from anywhere
        Edits.push_back({Begin, TST.getRAngleLoc().getLocWithOffset(1),
                         Weak + "<" + Pointee.getCanonicalType().getAsString(Ctx.getPrintingPolicy()) + ">"});
      else
        Edits.push_back({Begin, TST.getLAngleLoc(), Weak});
      return true;
    }
    TypeSourceInfo *Arg = TST.getArgLoc(0).getTypeSourceInfo();
    return Arg ? collect(Arg->getTypeLoc(), Edits) : fail("the pointee is not written");
  }

  // A container or wrapper: its arguments are rewritten; an ordered set or map keyed on
  // the pointer compares weak keys by owner (std::owner_less<>), an unordered one cannot
  // hash them.
  bool collectContainer(TemplateSpecializationTypeLoc TST, std::vector<Edit> &Edits) {
    std::string Name = templateOf(TST.getType());
    if (!Vocabulary.containers.count(Name) && !Vocabulary.wrappers.count(Name))
      return fail("the strong pointer is inside '" + TST.getType().getAsString() +
                  "', held by value: weaken it there");
    static const std::map<std::string, unsigned> OrderedKeyed = {
        {"std::set", 1}, {"std::multiset", 1}, {"std::map", 2}, {"std::multimap", 2}};
    for (unsigned I = 0; I < TST.getNumArgs(); ++I) {
      TemplateArgumentLoc Arg = TST.getArgLoc(I);
      if (Arg.getArgument().getKind() != TemplateArgument::Type || !Arg.getTypeSourceInfo())
        continue;
      size_t Before = Edits.size();
      if (!collect(Arg.getTypeSourceInfo()->getTypeLoc(), Edits))
        return false;
      bool KeyChanged = I == 0 && Edits.size() != Before;
      if (!KeyChanged || Vocabulary.wrappers.count(Name) || Name == "std::vector" ||
          Name == "std::deque" || Name == "std::list" || Name == "std::forward_list" ||
          Name == "std::array" || Name == "std::stack" || Name == "std::queue")
        continue;
      auto Keyed = OrderedKeyed.find(Name);
      if (Keyed == OrderedKeyed.end())
        return fail("std::weak_ptr cannot be an element or key of '" + Name +
                    "' (it has no hash and no ordering)");
      if (TST.getNumArgs() > Keyed->second)
        return fail("'" + Name + "' has its own comparator, which cannot compare std::weak_ptr");
      if (!isSharedPointer(Arg.getArgument().getAsType()))
        return fail("the keys of '" + Name + "' would no longer be comparable");
      Edits.push_back({TST.getRAngleLoc(), TST.getRAngleLoc(), ", std::owner_less<>"});
    }
    return true;
  }

  // An alias or typedef: replaced by what it names, weakened (`CustomerRef` becomes
  // `std::weak_ptr<Customer>`).
  bool collectAlias(SourceLocation Begin, TypeLoc TL, const TypedefNameDecl *Alias,
                    std::vector<Edit> &Edits) {
    TypeSourceInfo *TSI = Alias ? Alias->getTypeSourceInfo() : nullptr;
    if (!TSI)
      return fail("the alias's definition is not written");
    // The alias's text names types as seen from its own scope.
    bool Outer = Qualify;
    Qualify |= !Alias->getDeclContext()->getRedeclContext()->Encloses(FieldContext);
    std::optional<std::string> Text = rewrite(TSI->getTypeLoc());
    Qualify = Outer;
    if (!Text)
      return false;
    Edits.push_back({Begin, endOf(TL.getEndLoc()), *Text});
    return true;
  }

  // `Ref<Car>` with `template <class T> using Ref = std::shared_ptr<T>`.
  bool collectAliasTemplate(SourceLocation Begin, TemplateSpecializationTypeLoc TST,
                            std::vector<Edit> &Edits) {
    QualType Aliased = TST.getTypePtr()->getAliasedType();
    if (TST.getNumArgs() == 1 && isSharedPointer(Aliased) &&
        TST.getArgLoc(0).getArgument().getKind() == TemplateArgument::Type &&
        pointsToTarget(TST.getArgLoc(0).getArgument().getAsType())) {
      std::string Weak = weakTemplate(templateOf(Aliased));
      SourceRange Arg = TST.getArgLoc(0).getSourceRange();
      std::string ArgText = sourceText(Arg, Ctx);
      if (!Weak.empty() && !ArgText.empty()) {
        Edits.push_back({Begin, endOf(TST.getEndLoc()), Weak + "<" + ArgText + ">"});
        return true;
      }
    }
    return fail("the strong pointer is written through the alias template '" +
                TST.getType().getAsString() + "'");
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const OwnershipVocabulary &Vocabulary;
  std::string Target;
  const DeclContext *FieldContext;
  bool Qualify = false;  // rewriting an alias declared where the field's names differ
};

bool isNullInitializer(const Expr *Init, ASTContext &Ctx) {
  Init = Init ? Init->IgnoreImplicit() : nullptr;
  if (const auto *List = dyn_cast_or_null<InitListExpr>(Init); List && List->getNumInits() == 1)
    Init = List->getInit(0)->IgnoreImplicit();
  if (const auto *K = dyn_cast_or_null<CXXConstructExpr>(Init); K && K->getNumArgs() == 1)
    Init = K->getArg(0)->IgnoreImplicit();
  return Init && Init->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
}

} // namespace

void computeWeakFixes(const FieldDecl &Field, ASTContext &Ctx,
                      const OwnershipVocabulary &Vocabulary, FieldFact &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  // The declaration, up to and with its ';'.
  SourceLocation Begin = Field.getBeginLoc();
  std::optional<Token> Next = Lexer::findNextToken(Field.getEndLoc(), SM, LO);
  std::string Shared;  // why no fix can be offered for any target
  SourceLocation End;
  if (Begin.isMacroID() || Field.getEndLoc().isMacroID() || !Next)
    Shared = "the declaration is written in a macro";
  else if (Next->is(tok::comma))
    Shared = "the field is declared together with others";
  else
    End = Next->is(tok::semi) ? Next->getEndLoc()
                              : Lexer::getLocForEndOfToken(Field.getEndLoc(), 0, SM, LO);
  if (Shared.empty())
    for (const FieldDecl *Other : Field.getParent()->fields())
      if (Other != &Field && Other->getBeginLoc() == Begin)
        Shared = "the field is declared together with others";
  if (Shared.empty() && SM.isWrittenInSameFile(Begin, End))
    Out.declLength = SM.getFileOffset(End) - SM.getFileOffset(Begin);
  TypeSourceInfo *TSI = Field.getTypeSourceInfo();
  if (Shared.empty() && !TSI)
    Shared = "the field's type is not written";

  for (const OwnedTarget &T : Out.targets) {
    if (T.kind != OwnKind::Shared)
      continue;
    WeakFix Fix;
    Fix.target = T.record;
    Fix.problem = Shared;
    if (Fix.problem.empty()) {
      WeakRewriter W(Ctx, Vocabulary, T.record, Field);
      std::vector<Edit> Edits;
      bool Ok = W.collect(TSI->getTypeLoc(), Edits);
      if (Ok && Edits.empty())
        W.Problem = "no strong pointer to the record is written in the declaration";
      // A weak_ptr cannot be initialised with nullptr: drop such an initializer.
      else if (Ok && Field.hasInClassInitializer() &&
               isNullInitializer(Field.getInClassInitializer(), Ctx))
        Edits.push_back({W.endOf(Field.getLocation()),
                         W.endOf(Field.getInClassInitializer()->getEndLoc()), ""});
      std::optional<std::string> Text;
      if (Ok && !Edits.empty())
        Text = W.apply(Begin, End, std::move(Edits));
      if (Text)
        Fix.replacement = *Text;
      else
        Fix.problem = W.Problem;
    }
    Out.weakFixes.push_back(std::move(Fix));
  }
}

} // namespace leakcheck

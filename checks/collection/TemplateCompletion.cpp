#include "collection/TemplateCompletion.h"

#include "collection/AstUtils.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Sema/Sema.h"

#include <set>
#include <vector>

using namespace clang;

namespace leakcheck {

namespace {

class Completer {
public:
  Completer(Sema &S, ASTContext &Ctx) : S(S), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void run() {
    visitContext(Ctx.getTranslationUnitDecl());
    while (!Work.empty()) {
      const CXXRecordDecl *RD = Work.back();
      Work.pop_back();
      visitRecord(*RD);
    }
  }

private:
  bool inSystemHeader(const Decl &D) const {
    return SM.isInSystemHeader(SM.getFileLoc(D.getLocation()));
  }

  void visitContext(const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (inSystemHeader(*D))
        continue;
      if (const auto *NS = dyn_cast<NamespaceDecl>(D))
        visitContext(NS);
      else if (const auto *LS = dyn_cast<LinkageSpecDecl>(D))
        visitContext(LS);
      else if (const auto *RD = dyn_cast<CXXRecordDecl>(D);
               RD && RD->isThisDeclarationADefinition() && !RD->isDependentContext())
        visitRecord(*RD);
      else if (const auto *CT = dyn_cast<ClassTemplateDecl>(D))
        for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
          if (Spec->hasDefinition())
            Work.push_back(Spec->getDefinition());
    }
  }

  void visitRecord(const CXXRecordDecl &RD) {
    if (!Visited.insert(&RD).second)
      return;
    for (const FieldDecl *F : RD.fields())
      visitType(F->getType(), F->getLocation(), 0);
    for (const CXXBaseSpecifier &B : RD.bases())
      visitType(B.getType(), RD.getLocation(), 0);
    for (const Decl *D : RD.decls())
      if (const auto *Nested = dyn_cast<CXXRecordDecl>(D);
          Nested && Nested->isThisDeclarationADefinition() && !Nested->isDependentContext())
        visitRecord(*Nested);
  }

  void visitType(QualType T, SourceLocation Loc, unsigned Depth) {
    if (T.isNull() || Depth > 12)
      return;
    T = T.getCanonicalType();
    if (T->isDependentType())
      return;
    if (T->isPointerType() || T->isReferenceType())
      return visitType(T->getPointeeType(), Loc, Depth + 1);
    if (const ArrayType *A = Ctx.getAsArrayType(T))
      return visitType(A->getElementType(), Loc, Depth + 1);
    const auto *Spec =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
    if (!Spec)
      return;
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type)
        visitType(Arg.getAsType(), Loc, Depth + 1);
      else if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &E : Arg.pack_elements())
          if (E.getKind() == TemplateArgument::Type)
            visitType(E.getAsType(), Loc, Depth + 1);
    }
    // Only the program's own templates: the standard library's are read by their
    // template arguments (TypeOwnership), never by their members.
    if (Spec->hasDefinition() || Spec->isInStdNamespace() ||
        inSystemHeader(*Spec->getSpecializedTemplate()))
      return;
    Sema::SFINAETrap Trap(S);
    if (S.isCompleteType(Loc, T) && !Trap.hasErrorOccurred() && Spec->hasDefinition())
      Work.push_back(Spec->getDefinition());
  }

  Sema &S;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::set<const CXXRecordDecl *> Visited;
  std::vector<const CXXRecordDecl *> Work;
};

} // namespace

void completeNamedTemplates(Sema &S, ASTContext &Ctx) { Completer(S, Ctx).run(); }

} // namespace leakcheck

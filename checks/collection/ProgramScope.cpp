#include "collection/ProgramScope.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace leakcheck {

namespace {

class ScopeBuilder {
public:
  explicit ScopeBuilder(const SourceManager &SM) : SM(SM) {}

  void addTopLevel(Decl *D) {
    if (!inSystemHeader(D->getBeginLoc()))
      Scope.push_back(D);
    else
      addProgramInstantiations(D);
  }

  std::vector<Decl *> take() { return std::move(Scope); }

private:
  bool inSystemHeader(SourceLocation Loc) const {
    Loc = SM.getExpansionLoc(Loc);
    return Loc.isValid() && SM.isInSystemHeader(Loc);
  }

  // Looks through the namespaces of a system header for templates with instantiations of
  // the program's partial specializations.
  void addProgramInstantiations(Decl *D) {
    if (auto *DC = dyn_cast<DeclContext>(D); DC && (isa<NamespaceDecl>(D) ||
                                                    isa<LinkageSpecDecl>(D) ||
                                                    isa<ExportDecl>(D))) {
      for (Decl *Child : DC->decls())
        addProgramInstantiations(Child);
    } else if (auto *CT = dyn_cast<ClassTemplateDecl>(D); CT && CT->isCanonicalDecl()) {
      for (ClassTemplateSpecializationDecl *Spec : CT->specializations())
        if (isInstantiation(Spec->getSpecializationKind()) &&
            fromProgram(Spec->getSpecializedTemplateOrPartial()))
          Scope.push_back(Spec);
    } else if (auto *VT = dyn_cast<VarTemplateDecl>(D); VT && VT->isCanonicalDecl()) {
      for (VarTemplateSpecializationDecl *Spec : VT->specializations())
        if (isInstantiation(Spec->getSpecializationKind()) &&
            fromProgram(Spec->getSpecializedTemplateOrPartial()))
          Scope.push_back(Spec);
    }
  }

  // The instantiations a whole-TU walk visits with their template; explicit ones are
  // visited where they are written.
  static bool isInstantiation(TemplateSpecializationKind K) {
    return K == TSK_Undeclared || K == TSK_ImplicitInstantiation;
  }

  template <class Primary, class Partial>
  bool fromProgram(llvm::PointerUnion<Primary *, Partial *> Pattern) const {
    auto *P = Pattern.template dyn_cast<Partial *>();
    return P && !inSystemHeader(P->getBeginLoc());
  }

  const SourceManager &SM;
  std::vector<Decl *> Scope;
};

} // namespace

std::vector<Decl *> programDeclarations(ASTContext &Ctx) {
  ScopeBuilder Builder(Ctx.getSourceManager());
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    Builder.addTopLevel(D);
  return Builder.take();
}

} // namespace leakcheck

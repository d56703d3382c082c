// A RecursiveASTVisitor that knows where it is: the statements and declarations from the
// node it was started on down to the node it visits. Fact collectors ask this path what
// they would otherwise ask ASTContext::getParents, whose map covers the whole translation
// unit, system headers included, and costs a parse's worth of time and memory to build.
#pragma once

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace leakcheck {

template <class Derived>
class PathTrackingVisitor : public clang::RecursiveASTVisitor<Derived> {
  using Base = clang::RecursiveASTVisitor<Derived>;

public:
  // The nodes the AST matchers visit: implicit code (implicit members, the members a
  // constructor initialises implicitly, lambda classes) and template instantiations.
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(clang::Decl *D) {
    if (!D)
      return true;
    Path.push_back(clang::DynTypedNode::create(*D));
    bool Result = Base::TraverseDecl(D);
    Path.pop_back();
    return Result;
  }

  bool TraverseConstructorInitializer(clang::CXXCtorInitializer *Init) {
    Path.push_back(clang::DynTypedNode::create(*Init));
    bool Result = Base::TraverseConstructorInitializer(Init);
    Path.pop_back();
    return Result;
  }

  // Statements are walked from a queue rather than by recursion: these two bracket each
  // statement's subtree.
  bool dataTraverseStmtPre(clang::Stmt *S) {
    Path.push_back(clang::DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(clang::Stmt *) {
    Path.pop_back();
    return true;
  }

protected:
  // From the node the walk started on to the node being visited, both included.
  llvm::ArrayRef<clang::DynTypedNode> path() const { return Path; }
  // Starts the path above the walk's first node: a field whose initializer is walked.
  void startPathAt(const clang::Decl &D) { Path.push_back(clang::DynTypedNode::create(D)); }

private:
  llvm::SmallVector<clang::DynTypedNode, 32> Path;
};

} // namespace leakcheck

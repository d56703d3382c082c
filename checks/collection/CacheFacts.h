// Collects the facts of leakcheck-unbounded-static-cache for one translation unit: the
// containers that may have static storage (variables with static or thread storage,
// non-static data members), the static instances of records, every place such a container
// grows, shrinks or has its size compared, and the references that alias it (a function
// returning it, a reference parameter bound to it), so that the check can join uses in one
// TU to a container defined in another; and the calls between the program's functions, to
// tell growth while the program runs from growth while static variables are initialised.
#pragma once

#include "collection/FactCollector.h"
#include "collection/NodeContext.h"

#include "llvm/ADT/DenseSet.h"

#include <set>
#include <tuple>
#include <string>

namespace leakcheck {

class CacheFacts : public FactCollector {
public:
  CacheFacts(ProgramModel &Facts, std::set<std::string> Containers)
      : FactCollector(Facts), Containers(std::move(Containers)) {}

  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class Scanner;

  // The container template T names ("std::map"), if it is one of Containers; pointers and
  // references are seen through.
  std::string containerTemplate(clang::QualType T) const;
  // The key of the container (or alias) an expression denotes, or "".
  std::string identity(const clang::Expr *E) const;

  void addVariable(const clang::VarDecl &V, clang::ASTContext &Ctx);
  void addField(const clang::FieldDecl &F, clang::ASTContext &Ctx);
  void addStaticInstance(const clang::VarDecl &V, clang::ASTContext &Ctx);
  void addInstanceOf(const clang::CXXRecordDecl &RD, const std::string &Path,
                     const SourceLoc &Loc, std::set<const clang::CXXRecordDecl *> &Seen);
  // An object of type T that is not of static storage (CacheFacts.cpp: Scanner).
  void addAutomaticInstance(clang::QualType T);
  void addAutomaticInstanceOf(const clang::CXXRecordDecl &RD);
  void addAllocation(clang::QualType T, NodePath At, clang::ASTContext &Ctx);
  // At: the path to the expression from where the scanner started (NodeContext.h).
  void addUse(const clang::Expr *Object, ContainerUseFact::Kind Kind, const std::string &Operation,
              NodePath At, clang::ASTContext &Ctx);
  void addMemberCall(const clang::CXXMemberCallExpr &Call, NodePath At,
                     clang::ASTContext &Ctx);
  void addOperatorCall(const clang::CXXOperatorCallExpr &Call, NodePath At,
                       clang::ASTContext &Ctx);
  void addCall(const clang::CallExpr &Call, NodePath At, clang::ASTContext &Ctx);
  void addArguments(const clang::FunctionDecl &Callee, const clang::CallExpr &Call);
  void addComparison(const clang::BinaryOperator &Op, NodePath At, clang::ASTContext &Ctx);
  void addReturn(const clang::ReturnStmt &Return, const clang::FunctionDecl &Function);
  void addCallSite(const clang::FunctionDecl &Callee, NodePath At, clang::ASTContext &Ctx);

  std::set<std::string> Containers;
  std::set<std::tuple<std::string, std::string, std::string>> SeenCalls;  // this TU's calls
  llvm::DenseSet<const clang::CXXRecordDecl *> AutomaticSeen;
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, const clang::FunctionDecl *>>
      SeenCallDecls;
  llvm::DenseSet<const clang::Stmt *> Visited;  // the nodes whose facts are collected
};

} // namespace leakcheck

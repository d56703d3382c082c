// Collects the ownership facts of one translation unit: records with their strong fields
// and bases, lambdas stored into callable fields (directly or through parameters), and
// the links a function makes between two objects of one record.
#pragma once

#include "collection/FactCollector.h"
#include "collection/TypeOwnership.h"

namespace leakcheck {

class OwnershipFacts : public FactCollector {
public:
  OwnershipFacts(ProgramModel &Facts, OwnershipVocabulary Vocabulary)
      : FactCollector(Facts), Vocabulary(std::move(Vocabulary)) {}

  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  class BodyScanner;
  void addRecord(const clang::CXXRecordDecl &RD, clang::ASTContext &Ctx);
  // `Holder.Field` (rooted at Target) is made to hold Value inside Function.
  void addStore(const clang::Expr *Target, const clang::Expr *Value,
                const clang::FunctionDecl *Function, clang::ASTContext &Ctx);
  void addFieldStore(const clang::FieldDecl &Field, const std::string &Holder,
                     const clang::Expr *Value, const clang::FunctionDecl *Function,
                     clang::ASTContext &Ctx);
  void addArgument(const clang::Expr *Arg, const clang::FunctionDecl &Callee, unsigned Param,
                   clang::ASTContext &Ctx);
  void addOverride(const clang::CXXMethodDecl &Method);
  // Where a value ends up: lambda captures or a forwarded parameter flow into Slot.
  void addFlow(const clang::Expr *Value, const ValueSlot &Slot, clang::ASTContext &Ctx);

  // A parameter of this type can pass a lambda on (std::function, a closure, ...).
  bool mayCarryCallable(clang::QualType T, clang::ASTContext &Ctx) const;
  TypeOwnershipResult ownership(clang::QualType T, clang::ASTContext &Ctx) const {
    return TypeOwnership(Ctx, Vocabulary).analyze(T);
  }

  OwnershipVocabulary Vocabulary;
};

} // namespace leakcheck

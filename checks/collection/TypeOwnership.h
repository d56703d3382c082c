// What a value of a given type keeps alive: the records it owns through strong smart
// pointers, directly, inside standard containers and wrappers, or through members held by
// value. The one place that knows which templates own, observe, hold or call.
#pragma once

#include "model/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"

#include <set>
#include <string>
#include <vector>

namespace leakcheck {

// Which templates play which part; options extend the defaults (boost::shared_ptr, Ref<T>...).
struct OwnershipVocabulary {
  std::set<std::string> sharedPointers{"std::shared_ptr"};
  std::set<std::string> uniquePointers{"std::unique_ptr"};
  std::set<std::string> callables{"std::function", "std::move_only_function",
                                  "std::copyable_function", "std::packaged_task"};
  // Templates whose type arguments are held by value (keys and values of maps included);
  // "many" ones hold any number of them.
  std::set<std::string> containers{
      "std::vector", "std::deque", "std::list", "std::forward_list", "std::array",
      "std::set", "std::multiset", "std::unordered_set", "std::unordered_multiset",
      "std::map", "std::multimap", "std::unordered_map", "std::unordered_multimap",
      "std::stack", "std::queue", "std::priority_queue", "std::valarray"};
  std::set<std::string> wrappers{"std::optional", "std::variant", "std::pair", "std::tuple"};
};

struct TypeOwnershipResult {
  std::vector<OwnedTarget> targets;        // sorted, unique by (record, kind)
  bool holdsCallable = false;              // contains a callable that may store a lambda
  std::vector<std::string> callableHolders;  // keys of records held by value that hold one
};

class TypeOwnership {
public:
  TypeOwnership(const clang::ASTContext &Ctx, const OwnershipVocabulary &Vocabulary)
      : Ctx(Ctx), Vocabulary(Vocabulary) {}

  TypeOwnershipResult analyze(clang::QualType T) const;

private:
  struct Walk;
  void walkType(clang::QualType T, OwnKind Through, bool Many, Walk &W) const;
  void walkPointee(clang::QualType T, OwnKind Kind, bool Many, Walk &W) const;
  void walkRecordByValue(const clang::CXXRecordDecl &RD, OwnKind Through, bool Many,
                         Walk &W) const;

  const clang::ASTContext &Ctx;
  const OwnershipVocabulary &Vocabulary;
};

} // namespace leakcheck

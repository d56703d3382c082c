// The fix of leakcheck-missing-weak-backref, worked out while the declaration is in view:
// a field's declaration rewritten so that its strong pointers to one record become
// std::weak_ptr, with the text as the user wrote it (aliases are expanded to what they name,
// `std::vector<std::shared_ptr<T>>` becomes `std::vector<std::weak_ptr<T>>`, a set or map
// keyed on the pointer gets `std::owner_less<>`).
#pragma once

#include "model/Model.h"
#include "collection/TypeOwnership.h"

namespace clang {
class ASTContext;
class FieldDecl;
} // namespace clang

namespace leakcheck {

// Fills Out.declLength and, for every shared target of Out, Out.weakFixes.
void computeWeakFixes(const clang::FieldDecl &Field, clang::ASTContext &Ctx,
                      const OwnershipVocabulary &Vocabulary, FieldFact &Out);

} // namespace leakcheck

// What of a translation unit the fact collectors' matchers need to walk: the program's own
// declarations. Every collector matches only outside system headers, while the system
// headers hold most of a TU's declarations and template instantiations; a matcher walk
// limited to these (ASTContext::setTraversalScope) skips them and finds the same nodes.
#pragma once

#include "clang/AST/ASTContext.h"

#include <vector>

namespace leakcheck {

// The top-level declarations outside system headers, and the instantiations of system
// class and variable templates that follow a partial specialization the program wrote
// (`template <class T> struct fmt::formatter<mine<T>>`): those are walked with their
// primary template, in a system header. In the order a whole-TU walk meets them.
std::vector<clang::Decl *> programDeclarations(clang::ASTContext &Ctx);

} // namespace leakcheck

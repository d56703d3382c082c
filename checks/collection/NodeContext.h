// Where a node sits in the code, told from its path: the nodes from a walk's starting node
// down to it (PathTrackingVisitor keeps that path). Which function runs it, and whether a
// comparison decides something.
#pragma once

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"

namespace leakcheck {

// The nodes from a walk's starting node (first) down to the node asked about (last).
using NodePath = llvm::ArrayRef<clang::DynTypedNode>;

// The function the node runs in: the innermost function or, in a lambda, the lambda's call
// operator (its body runs when the lambda is called), unless the lambda is called where it
// is written; null while a static variable is initialised.
const clang::FunctionDecl *runningFunction(NodePath P);

// Whether the comparison the path ends at decides something: it is the condition of an if,
// a while or `?:` (also inside && / || / !), or what a function returns. A for loop's
// condition does not count.
bool decides(NodePath P);

// Whether the value of the expression the path ends at (a `new`, a make_shared) is kept by
// a variable of static storage: it initialises one (`static T *p = new T;`), or is assigned
// or reset into one (`if (!g) g = new T;`, `g.reset(new T)`).
// Returns that variable, or null.
const clang::VarDecl *staticVariableStoredInto(NodePath P);

// The function (or lambda call operator) whose body holds the node: the function a return
// statement returns from.
const clang::FunctionDecl *enclosingFunction(NodePath P);

} // namespace leakcheck

// Where a node sits in the code, told from its path: the nodes from a walk's starting node
// down to it (PathTrackingVisitor keeps that path). Which function runs it, and whether a
// comparison decides something.
#pragma once

#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"

namespace leakcheck {

struct NodePath {
  llvm::ArrayRef<clang::DynTypedNode> Nodes;  // the walk's first node first, the node last
  // Whose code the path's first node is part of, for when no node on the path tells: the
  // constructor that runs an in-class initializer, the function around a local class.
  const clang::FunctionDecl *Outer = nullptr;
};

// The function the node runs in: the innermost function or, in a lambda, the lambda's call
// operator (its body runs when the lambda is called), unless the lambda is called where it
// is written; null while a static variable is initialised.
const clang::FunctionDecl *runningFunction(const NodePath &P);

// Whether the comparison the path ends at decides something: it is the condition of an if,
// a while or `?:` (also inside && / || / !), or what a function returns. A for loop's
// condition does not count.
bool decides(const NodePath &P);

// The function (or lambda call operator) whose body holds the node: the function a return
// statement returns from.
const clang::FunctionDecl *enclosingFunction(const NodePath &P);

} // namespace leakcheck

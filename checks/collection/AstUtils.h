// Small helpers that turn AST entities into the model's plain data.
#pragma once

#include "model/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

#include <string>

namespace leakcheck {

// The file location of Loc (macro expansions resolved to where they are used), with the file
// named relative to the working directory when it lies below it.
SourceLoc toSourceLoc(clang::SourceLocation Loc, const clang::SourceManager &SM);
// The other way: the location in this TU of a SourceLoc that toSourceLoc made; invalid when
// the file is not part of the TU.
clang::SourceLocation toClangLocation(const SourceLoc &Loc, const clang::SourceManager &SM);

// A program-wide unique key for a record: qualified name with template arguments; records in
// an anonymous namespace are prefixed by their file, so equal names in two TUs stay apart.
std::string recordKey(const clang::CXXRecordDecl &RD);
// The qualified name as written, without template arguments ("ns::DNode").
std::string recordName(const clang::CXXRecordDecl &RD);
// "std::vector" for std::__cxx11::vector & co, else the qualified name: how options and the
// lists of known templates name a record's template.
std::string templateName(const clang::CXXRecordDecl &RD);

// A function's key in the program: its qualified name (overloads share it).
std::string functionKey(const clang::FunctionDecl &F);

// The source text of Range (token range), or "" when it is not in one file.
std::string sourceText(clang::SourceRange Range, const clang::ASTContext &Ctx);

// Whether a record can be a node of the ownership graph: a named, non-lambda record
// defined outside system headers and outside namespace std.
bool isProgramRecord(const clang::CXXRecordDecl &RD, const clang::SourceManager &SM);

} // namespace leakcheck

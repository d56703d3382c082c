// The clang-tidy front door: each leakcheck check as a clang-tidy check of the same name.
//
// Light on purpose (no AST or matcher header): a module that registers checks only needs
// this. TidyModule.cpp registers every check of allChecks() as the module
// "leakcheck-module" of the plugin build/lib/libleakcheck-tidy.so.
#pragma once

#include "analyses/Check.h"

#include "clang-tidy/ClangTidyModule.h"

#include <vector>

namespace leakcheck {

// Registers each of Checks under its name. In clang-tidy, a check runs per translation
// unit: the fact collectors' matchers run on clang-tidy's MatchFinder, and at the end of
// the TU the check analyses that TU's facts and reports each finding with its notes and
// fix-it. Options come from .clang-tidy CheckOptions: "<check-name>.<Option>", and the
// vocabulary options "leakcheck.<Option>" that every check shares.
void addTidyChecks(clang::tidy::ClangTidyCheckFactories &Factories,
                   const std::vector<CheckInfo> &Checks);

} // namespace leakcheck

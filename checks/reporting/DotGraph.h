// Pictures of ownership, as Graphviz DOT (render with `dot -Tsvg`): records are nodes,
// strong fields are edges labelled with the field's name, and the field that should be a
// std::weak_ptr (the back-reference) is drawn dashed.
#pragma once

#include "model/Finding.h"
#include "model/Model.h"

#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace leakcheck {

// One cluster per reported cycle (each finding with a `cycle`), titled with the finding's
// symbol. The dashed edge is the back-reference leakcheck-missing-weak-backref names for
// that cycle, when that check reported it. No cycle: an empty graph.
void writeDotCycles(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

// The ownership graph of every record of the program: an edge per field and record it keeps
// alive by its type (shared_ptr, unique_ptr, containers of them, ...) or through a stored
// lambda that captures a strong pointer, and a hollow-headed edge from a derived record to
// each base. Edges on a reported cycle are red, back-references dashed.
void writeDotProgram(llvm::raw_ostream &OS, const ProgramModel &Model,
                     const std::vector<Finding> &Findings);

} // namespace leakcheck

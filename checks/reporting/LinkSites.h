// Where the program links each edge of a reported cycle: the statement that stores a target
// into the field (`p->cars.push_back(c)`, `c->owner = p`), or the lambda that a callback
// field stores. SARIF's codeFlows and the JSON cycle edges show it, so a reader can step
// from declaration to the code that closes the cycle.
#pragma once

#include "model/Finding.h"
#include "model/Model.h"

#include <vector>

namespace leakcheck {

// Fills CycleEdge::linkedAt/linkedIn of every cycle edge the model knows a link site for
// (the first in source order, so that reports do not depend on the order of TUs).
void attachLinkSites(std::vector<Finding> &Findings, const ProgramModel &Model);

} // namespace leakcheck

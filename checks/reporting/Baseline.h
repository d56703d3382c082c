// Baselines: "report only what is new". A baseline is an earlier JSON report
// (--write-baseline writes one); a finding is in it when a finding with the same identity
// is, and the identity leaves out lines and columns, so unrelated edits that move code do
// not bring old findings back.
#pragma once

#include "model/Finding.h"

#include <set>
#include <string>
#include <vector>

namespace leakcheck {

// A finding's identity: its check, and its cycle's edges "Record::field" in cycle order
// starting at the smallest (so the same cycle is one identity whichever edge is reported
// first), or, for a finding without a cycle, its symbol.
std::string findingIdentity(const Finding &F);

struct Baseline {
  std::set<std::string> identities;
};

// Reads a JSON report written by leakcheck; false with Error saying which file and why.
bool readBaseline(const std::string &Path, Baseline &Out, std::string &Error);

// Drops the findings the baseline holds; returns how many.
unsigned applyBaseline(std::vector<Finding> &Findings, const Baseline &B);

} // namespace leakcheck

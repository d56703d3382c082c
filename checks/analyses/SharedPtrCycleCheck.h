// leakcheck-shared-ptr-cycle: every distinct strong ownership cycle, once, listing each edge.
//
// Options:
//   MaxCyclesPerComponent  simple cycles enumerated per strongly connected component before
//                          the search only covers the remaining edges (default 100)
//   BackReferenceNames     words that mark a field to its own record as pointing back
//                          (default: parent;prev;previous;owner;up;back;outer;container;
//                          enclosing;holder;host)
#pragma once

#include "analyses/Check.h"
#include "analyses/OwnershipCycles.h"

namespace leakcheck {

class SharedPtrCycleCheck : public LeakCheck {
public:
  static constexpr const char *Name = "leakcheck-shared-ptr-cycle";
  SharedPtrCycleCheck() : LeakCheck(Name) {}
  void configure(const CheckOptions &Options) override;
  void analyze(const ProgramModel &Model, std::vector<Finding> &Out) const override;

  // The cycle search options a check reads from its options (shared with the back-reference
  // check, which must see the same cycles).
  static CycleSearchOptions searchOptions(const CheckOptions &Options, const std::string &Check);

private:
  CycleSearchOptions Search;
};

// Describes a cycle's edges for the reporter: "A::f -> B::g -> A".
std::string describeCycle(const OwnershipCycle &Cycle);
std::vector<CycleEdge> cycleEdges(const OwnershipCycle &Cycle);

} // namespace leakcheck

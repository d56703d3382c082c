// leakcheck-missing-weak-backref: in every strong ownership cycle, the one edge that points
// back at its owner and should be a std::weak_ptr, with the rewritten declaration as a fix.
//
// The cycles are those of leakcheck-shared-ptr-cycle (findOwnershipCycles with that check's
// options). In each, the edge is chosen by structure first, then by name:
//   1. a stored callback that captures a strong pointer: capture a weak one instead (advice,
//      no rewrite);
//   2. a to-one pointer to a record that holds objects of the pointer's record in a
//      container (`Car::owner` beside `Person::cars`);
//   3. a field the program assigns shared_from_this() of the object that holds it;
//   4. a derived record's pointer to the record that holds it through its base;
//   5. a pointer to the record that creates (make_shared, new) the object holding it;
//   6. a name that says it points back (option BackReferenceNames);
//   7. a base's field, pointing to the record that holds the derived object;
// then an edge whose declaration can be rewritten, then the edge that closes the cycle read
// from its first declared field. Only shared_ptr edges qualify (a unique_ptr has no weak
// form).
//
// Options:
//   BackReferenceNames  words of a field name that mean it points back to its owner
#pragma once

#include "analyses/Check.h"
#include "analyses/OwnershipCycles.h"

namespace leakcheck {

class MissingWeakBackrefCheck : public LeakCheck {
public:
  static constexpr const char *Name = "leakcheck-missing-weak-backref";

  MissingWeakBackrefCheck() : LeakCheck(Name) {}
  void configure(const CheckOptions &Options) override;
  void analyze(const ProgramModel &Model, std::vector<Finding> &Out) const override;

private:
  CycleSearchOptions Search;  // leakcheck-shared-ptr-cycle's: the same cycles
  std::vector<std::string> BackNames;
};

} // namespace leakcheck

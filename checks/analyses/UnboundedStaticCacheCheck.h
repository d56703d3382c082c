// leakcheck-unbounded-static-cache: a container with static storage duration that the
// program grows and never shrinks: a cache or registry that only fills up until exit.
//
// Static storage: namespace-scope variables, static data members, function-local statics,
// thread_locals, and the data members of a record the program has a static instance of.
// Across all translation units (CacheFacts collects the uses), the container is grown
// (insert, emplace*, try_emplace, insert_or_assign, push*, operator[] on a map, ...) and never
// erased, cleared, popped, extracted, swapped, resized, re-assigned, moved from, nor
// compared by size() with a bound. Const containers, and those only filled while they are
// initialised, are not caches.
//
// Options:
//   Containers  the container templates that count (default: the standard ones that grow)
#pragma once

#include "analyses/Check.h"

#include <set>

namespace leakcheck {

class UnboundedStaticCacheCheck : public LeakCheck {
public:
  static constexpr const char *Name = "leakcheck-unbounded-static-cache";

  UnboundedStaticCacheCheck() : LeakCheck(Name) {}
  void configure(const CheckOptions &Options) override;
  void analyze(const ProgramModel &Model, std::vector<Finding> &Out) const override;

private:
  std::set<std::string> Containers;
};

} // namespace leakcheck

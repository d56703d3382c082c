#include "collection/FactCollector.h"

#include "collection/CacheFacts.h"
#include "collection/OwnershipFacts.h"

namespace leakcheck {

// Vocabulary options are shared by every check that reads ownership facts, so they live
// under the "leakcheck." prefix: leakcheck.SharedPointers, leakcheck.Containers, ...
static OwnershipVocabulary vocabulary(const CheckOptions &Options) {
  OwnershipVocabulary V;
  auto Extend = [&](std::set<std::string> &Set, const char *Option) {
    for (const std::string &Name : Options.getNames("leakcheck", Option))
      Set.insert(Name);
  };
  Extend(V.sharedPointers, "SharedPointers");
  Extend(V.uniquePointers, "UniquePointers");
  Extend(V.callables, "Callables");
  Extend(V.containers, "Containers");
  return V;
}

std::vector<std::unique_ptr<FactCollector>>
createFactCollectors(ProgramModel &Facts, const CheckOptions &Options) {
  std::vector<std::unique_ptr<FactCollector>> Out;
  Out.push_back(std::make_unique<OwnershipFacts>(Facts, vocabulary(Options)));
  Out.push_back(std::make_unique<CacheFacts>(Facts, Options.getNames("leakcheck-unbounded-static-cache", "Containers")));
  return Out;
}

} // namespace leakcheck

#include "model/Model.h"

#include <iterator>

namespace leakcheck {

void ProgramModel::addContainer(ContainerFact C) {
  auto It = containers.find(C.key);
  if (It == containers.end())
    containers.emplace(C.key, std::move(C));
  else if (!It->second.definition && C.definition)
    It->second = std::move(C);
}

void ProgramModel::merge(ProgramModel &&Other) {
  for (auto &Entry : Other.records)
    records.emplace(Entry.first, std::move(Entry.second));
  auto Append = [](auto &Into, auto &From) {
    Into.insert(Into.end(), std::make_move_iterator(From.begin()),
                std::make_move_iterator(From.end()));
  };
  Append(captures, Other.captures);
  Append(forwards, Other.forwards);
  Append(links, Other.links);
  Append(selfArguments, Other.selfArguments);
  for (auto &Entry : Other.containers)
    addContainer(std::move(Entry.second));
  Append(containerUses, Other.containerUses);
  Append(containerAliases, Other.containerAliases);
  Append(staticInstances, Other.staticInstances);
  Append(calls, Other.calls);
  automaticInstances.insert(Other.automaticInstances.begin(), Other.automaticInstances.end());
  translationUnits += Other.translationUnits;
}

} // namespace leakcheck

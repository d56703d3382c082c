#include "Model.h"

#include <iterator>

namespace leakcheck {

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
  translationUnits += Other.translationUnits;
}

} // namespace leakcheck

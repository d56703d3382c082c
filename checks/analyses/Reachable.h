// Walks a graph of string keys (an adjacency map): shared by the analyses that follow
// derived records, aliases of containers, ...
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace leakcheck {

// Every key reachable from From through Next, From included, depth first, each once (Seen
// holds the keys visited, and may be shared between calls); Visit is called on each.
template <class Visitor>
void forEachReachable(const std::map<std::string, std::vector<std::string>> &Next,
                      const std::string &From, std::set<std::string> &Seen, Visitor &&Visit) {
  if (!Seen.insert(From).second)
    return;
  Visit(From);
  auto It = Next.find(From);
  if (It != Next.end())
    for (const std::string &To : It->second)
      forEachReachable(Next, To, Seen, Visit);
}

} // namespace leakcheck

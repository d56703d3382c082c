// 10^5 random graphs checked against a reference reachability model.
//
// Each graph has 2..12 tracked nodes with random traced edges (self-loops and parallel
// edges included; some through an aliasing shared_ptr into the target), random external
// roots, and some references in an untraced field. The model:
//   * G* is the greatest set S with S = closure(roots + untraced targets of S), closure
//     taken over every reference, traced or not. Starting from all nodes and iterating
//     reaches it. An untraced reference keeps its target alive for as long as its holder
//     lives, so the collector can never free G*, and everything else is garbage that
//     repeated full collections must free (the holder of an untraced reference dies, then
//     its target becomes garbage for the next collection).
// Checks: after every collection (the first of a random generation) every node of G* is
// alive — G* contains everything reachable from the roots —, and once a full collection
// finds nothing, exactly G* is alive.
#include <random>
#include <sstream>

#include "support.h"

namespace {

struct RandomNode {
  RandomNode(int id, std::vector<char>* alive) : id(id), alive(alive) { (*alive)[id] = 1; }
  ~RandomNode() { (*alive)[id] = 0; }
  std::vector<std::shared_ptr<RandomNode>> edges;
  std::shared_ptr<const void> alias;  // aliasing pointer to another node's id
  std::shared_ptr<RandomNode> hidden;  // not traced
  int id;
  std::vector<char>* alive;
  LEAKCHECK_TRACE(RandomNode, edges, alias);
};

struct Model {
  int n = 0;
  std::vector<std::vector<int>> refs;  // every reference, traced or not
  std::vector<int> hidden;             // untraced target or -1
  std::vector<std::size_t> traced;     // number of traced edges (in `edges`)
  std::vector<char> aliased;           // has an aliasing edge
  std::vector<char> root;

  std::vector<char> closure(std::vector<int> pending) const {
    std::vector<char> seen(n, 0);
    for (int i : pending) seen[i] = 1;
    while (!pending.empty()) {
      int i = pending.back();
      pending.pop_back();
      for (int j : refs[i]) {
        if (!seen[j]) {
          seen[j] = 1;
          pending.push_back(j);
        }
      }
    }
    return seen;
  }

  std::vector<char> must_survive() const {
    std::vector<char> s(n, 1);
    for (;;) {
      std::vector<int> starts;
      for (int i = 0; i < n; ++i) {
        if (root[i]) starts.push_back(i);
        if (s[i] && hidden[i] >= 0) starts.push_back(hidden[i]);
      }
      std::vector<char> next = closure(starts);
      if (next == s) return s;
      s = next;
    }
  }

  std::string describe() const {
    std::ostringstream out;
    for (int i = 0; i < n; ++i) {
      out << i << (root[i] ? " (root)" : "") << " ->";
      for (int j : refs[i]) out << ' ' << j;
      if (hidden[i] >= 0) out << " [hidden " << hidden[i] << ']';
      out << '\n';
    }
    return out.str();
  }
};

class RandomGraphs : public GcTest {};

TEST_F(RandomGraphs, CollectorAgreesWithReachabilityModel) {
  constexpr int kGraphs = 100000;
  std::mt19937 rng(20240611);
  auto below = [&](int bound) { return static_cast<int>(rng() % static_cast<unsigned>(bound)); };
  std::vector<char> alive;
  std::size_t freed_by_collector = 0;

  for (int graph = 0; graph < kGraphs; ++graph) {
    Model m;
    m.n = 2 + below(11);
    m.refs.assign(m.n, {});
    m.hidden.assign(m.n, -1);
    m.root.assign(m.n, 0);
    m.traced.assign(m.n, 0);
    m.aliased.assign(m.n, 0);
    alive.assign(m.n, 0);

    std::vector<std::shared_ptr<RandomNode>> nodes;
    for (int i = 0; i < m.n; ++i) nodes.push_back(gc::make_tracked<RandomNode>(i, &alive));
    std::vector<std::shared_ptr<RandomNode>> roots;
    for (int i = 0; i < m.n; ++i) {
      for (int k = below(4); k > 0; --k) {
        int j = below(m.n);
        nodes[i]->edges.push_back(nodes[j]);
        m.refs[i].push_back(j);
        ++m.traced[i];
      }
      if (below(8) == 0) {
        int j = below(m.n);
        nodes[i]->alias = std::shared_ptr<const void>(nodes[j], &nodes[j]->id);
        m.refs[i].push_back(j);
        m.aliased[i] = 1;
      }
      if (below(10) == 0) {
        int j = below(m.n);
        nodes[i]->hidden = nodes[j];
        m.refs[i].push_back(j);
        m.hidden[i] = j;
      }
      if (below(4) == 0) {
        m.root[i] = 1;
        roots.push_back(nodes[i]);
      }
    }
    std::vector<std::weak_ptr<RandomNode>> watch(nodes.begin(), nodes.end());
    nodes.clear();

    const std::vector<char> survive = m.must_survive();
    // Survivors must be alive and untouched (never cleared).
    auto check_survivors = [&](const char* when) {
      for (int i = 0; i < m.n; ++i) {
        if (!survive[i]) continue;
        auto p = watch[i].lock();
        if (!alive[i] || !p) {
          FAIL() << "graph " << graph << ": node " << i << " destroyed " << when
                 << " but it is still referenced\n" << m.describe();
        }
        if (p->edges.size() != m.traced[i] || bool(p->alias) != bool(m.aliased[i])) {
          FAIL() << "graph " << graph << ": node " << i << " cleared " << when
                 << " but it is still referenced\n" << m.describe();
        }
      }
    };
    check_survivors("before any collection");
    freed_by_collector += gc::collect(below(3));
    check_survivors("by a young collection");
    for (int round = 0; round <= m.n + 1; ++round) {
      std::size_t found = gc::collect(2);
      freed_by_collector += found;
      check_survivors("by a full collection");
      if (found == 0) break;
    }
    for (int i = 0; i < m.n; ++i) {
      if (alive[i] != survive[i]) {
        FAIL() << "graph " << graph << ": node " << i << " is " << (alive[i] ? "alive" : "dead")
               << " after full collections, the model says " << (survive[i] ? "alive" : "dead")
               << "\n" << m.describe();
      }
    }

    // Cut what is left (hidden cycles would leak otherwise) and check it all goes.
    for (auto& w : watch) {
      if (auto p = w.lock()) {
        p->edges.clear();
        p->alias.reset();
        p->hidden.reset();
      }
    }
    roots.clear();
    for (int i = 0; i < m.n; ++i) {
      if (alive[i]) FAIL() << "graph " << graph << ": node " << i << " outlived its last reference";
    }
  }
  EXPECT_GT(freed_by_collector, static_cast<std::size_t>(kGraphs));  // it had real work
}

}  // namespace

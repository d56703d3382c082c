// Cycle search on the merged program model.
//
// 1. Resolve stored callables: a lambda that captures strong pointers and is stored into a
//    field (directly, or through the parameters of setters, in any TU) makes that field
//    own what the lambda captures.
// 2. Build the ownership graph: a node per record the program defines, an edge per
//    (record, field, target). A field of a record includes the fields of its bases, and
//    an edge to a record reaches every record derived from it.
// 3. Split edges in two. A *recursive* edge points to the record's own kind (a list's
//    `next`, a tree's `children`): by itself it is recursion, not a cycle. Every other edge
//    goes into the graph, whose strongly connected components (llvm::scc_iterator) hold
//    the cycles between different records: enumerate their simple cycles, bounded, then
//    make sure every edge of a component lies on at least one reported cycle.
// 4. Recursive edges form a cycle only with evidence that one of them points back: the
//    program links two objects both ways, the field's name says so, or a stored callback
//    captures a pointer to its own kind.
// 5. Rotate each cycle to start at its first declared field, and report each once.
#include "analyses/OwnershipCycles.h"

#include "analyses/Reachable.h"

#include "llvm/ADT/GraphTraits.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>

namespace leakcheck {

std::string OwnershipEdge::label() const { return declaredIn->name + "::" + field->name; }

void notePartialRecords(const OwnershipCycle &Cycle, std::vector<Note> &Notes) {
  std::set<const RecordFact *> Seen;
  for (const OwnershipEdge &E : Cycle.edges)
    for (const RecordFact *R : {E.from, E.declaredIn, E.to})
      if (!R->partialIn.empty() && Seen.insert(R).second)
        Notes.push_back({R->loc, "'" + R->name + "' is known only from translation units "
                                 "that do not compile (" +
                                     llvm::join(R->partialIn, ", ") +
                                     "): this finding rests on their partial facts"});
}

static std::vector<std::string> identifierWords(llvm::StringRef Id) {
  if (Id.starts_with("m_"))
    Id = Id.drop_front(2);
  std::vector<std::string> Words;
  std::string Word;
  auto Flush = [&] {
    if (!Word.empty())
      Words.push_back(Word);
    Word.clear();
  };
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    if (!std::isalnum(static_cast<unsigned char>(C))) {
      Flush();
      continue;
    }
    // A lower-case letter followed by an upper-case one starts a new word: upLink.
    if (std::isupper(static_cast<unsigned char>(C)) && I > 0 &&
        std::islower(static_cast<unsigned char>(Id[I - 1])))
      Flush();
    Word += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  }
  Flush();
  return Words;
}

bool nameSaysBackReference(const std::string &Identifier, const std::vector<std::string> &Names) {
  for (const std::string &Word : identifierWords(Identifier))
    for (const std::string &Name : Names)
      if (llvm::StringRef(Word).equals_insensitive(Name))
        return true;
  return false;
}

// A node as llvm::scc_iterator sees it: successors through non-recursive edges only.
struct GraphNode {
  unsigned index = 0;
  std::vector<const GraphNode *> succ;
};

namespace {

// --- Step 1: stored callables -------------------------------------------------------

struct CapturedTarget {
  OwnedTarget target;
  SourceLoc lambda;
};

// What each field slot receives from lambdas, following setter parameters to a fixed point.
std::map<ValueSlot, std::vector<CapturedTarget>> resolveStoredCallables(const ProgramModel &M) {
  std::map<ValueSlot, std::vector<CapturedTarget>> Slots;
  std::map<ValueSlot, std::set<std::string>> Seen;  // slot -> record keys already recorded
  auto Add = [&](const ValueSlot &Slot, const CapturedTarget &T) {
    if (!Seen[Slot].insert(T.target.record).second)
      return false;
    Slots[Slot].push_back(T);
    return true;
  };
  for (const CaptureFact &C : M.captures)
    for (const OwnedTarget &T : C.captured)
      Add(C.into, {T, C.loc});
  // Parameters forwarded into other slots; chains are short, but a cycle of forwards must
  // terminate: Add() only reports progress for targets not seen in the slot before.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const ForwardFact &F : M.forwards) {
      auto It = Slots.find(F.from);
      if (It == Slots.end())
        continue;
      std::vector<CapturedTarget> From = It->second;  // Add may rehash Slots
      for (const CapturedTarget &T : From)
        Changed |= Add(F.into, T);
    }
  }
  return Slots;
}

// --- Step 2: the graph --------------------------------------------------------------

struct Graph {
  std::vector<const RecordFact *> records;  // node i (node 0 is a synthetic root)
  std::vector<OwnershipEdge> edges;
  std::vector<std::vector<unsigned>> out;   // node -> edges
  std::vector<GraphNode> nodes;             // node -> successor nodes (graph edges only)
  std::map<std::string, unsigned> index;
};

class Hierarchy {
public:
  explicit Hierarchy(const ProgramModel &M) : Model(M) {
    for (const auto &[Key, R] : M.records)
      for (const std::string &Base : R.bases)
        Derived[Base].push_back(Key);
  }
  // The record and every record the program defines that derives from it.
  const std::vector<std::string> &selfAndDerived(const std::string &Key) {
    auto [It, Inserted] = DerivedCache.try_emplace(Key);
    if (Inserted) {
      std::set<std::string> Seen;
      forEachReachable(Derived, Key, Seen, [&](const std::string &K) {
        if (Model.records.count(K))
          It->second.push_back(K);
      });
    }
    return It->second;
  }
  bool isA(const std::string &Key, const std::string &Base) {
    const auto &D = selfAndDerived(Base);
    return std::find(D.begin(), D.end(), Key) != D.end();
  }
  // The record's own fields, then its bases' (each base once), with the declaring record.
  std::vector<std::pair<const RecordFact *, const FieldFact *>> fields(const RecordFact &R) {
    std::vector<std::pair<const RecordFact *, const FieldFact *>> Out;
    std::set<std::string> Seen;
    collectFields(R, Seen, Out);
    return Out;
  }

private:
  void collectFields(const RecordFact &R, std::set<std::string> &Seen,
                     std::vector<std::pair<const RecordFact *, const FieldFact *>> &Out) {
    if (!Seen.insert(R.key).second)
      return;
    for (const FieldFact &F : R.fields)
      Out.push_back({&R, &F});
    for (const std::string &Base : R.bases) {
      auto It = Model.records.find(Base);
      if (It != Model.records.end())
        collectFields(It->second, Seen, Out);
    }
  }

  const ProgramModel &Model;
  std::map<std::string, std::vector<std::string>> Derived;
  std::map<std::string, std::vector<std::string>> DerivedCache;
};

// What the lambdas stored in a field keep alive: those stored in the field itself, and those
// stored in the callable fields of the records it holds by value (a `Signal clicked;` whose
// `slots` receive `[self = shared_from_this()]` makes `clicked` own what they capture).
void collectStoredCallables(const ProgramModel &M, Hierarchy &H,
                            const std::map<ValueSlot, std::vector<CapturedTarget>> &Stored,
                            const RecordFact &DeclaredIn, const FieldFact &Field,
                            std::vector<CapturedTarget> &Out, unsigned Depth) {
  if (Field.holdsCallable) {
    ValueSlot Slot;
    Slot.record = DeclaredIn.key;
    Slot.field = Field.name;
    auto It = Stored.find(Slot);
    if (It != Stored.end())
      for (CapturedTarget T : It->second) {
        T.target.kind = OwnKind::Callback;
        Out.push_back(T);
      }
  }
  if (Depth > 8)
    return;
  for (const std::string &HolderKey : Field.callableHolders) {
    auto Holder = M.records.find(HolderKey);
    if (Holder == M.records.end())
      continue;
    for (auto [Declaring, Inner] : H.fields(Holder->second))
      collectStoredCallables(M, H, Stored, *Declaring, *Inner, Out, Depth + 1);
  }
}

Graph buildGraph(const ProgramModel &M, Hierarchy &H) {
  auto Stored = resolveStoredCallables(M);
  Graph G;
  G.records.push_back(nullptr);  // the synthetic root, so scc_iterator sees every node
  for (const auto &[Key, R] : M.records) {
    G.index[Key] = G.records.size();
    G.records.push_back(&R);
  }
  G.out.resize(G.records.size());
  G.nodes.resize(G.records.size());
  for (unsigned I = 0; I < G.records.size(); ++I)
    G.nodes[I].index = I;
  for (unsigned I = 1; I < G.records.size(); ++I)
    G.nodes[0].succ.push_back(&G.nodes[I]);

  for (unsigned From = 1; From < G.records.size(); ++From) {
    const RecordFact &R = *G.records[From];
    for (auto [DeclaredIn, Field] : H.fields(R)) {
      std::vector<CapturedTarget> Targets;
      for (const OwnedTarget &T : Field->targets)
        Targets.push_back({T, {}});
      collectStoredCallables(M, H, Stored, *DeclaredIn, *Field, Targets, 0);
      for (const CapturedTarget &T : Targets) {
        bool Recursive = H.isA(R.key, T.target.record);
        for (const std::string &ToKey : H.selfAndDerived(T.target.record)) {
          OwnershipEdge E;
          E.from = &R;
          E.declaredIn = DeclaredIn;
          E.field = Field;
          E.to = &M.records.at(ToKey);
          E.declaredTarget = T.target.record;
          E.kind = T.target.kind;
          E.many = T.target.many;
          E.recursive = Recursive;
          E.capture = T.lambda;
          unsigned To = G.index.at(ToKey);
          G.out[From].push_back(G.edges.size());
          G.edges.push_back(std::move(E));
          if (!Recursive)
            G.nodes[From].succ.push_back(&G.nodes[To]);
        }
      }
    }
  }
  return G;
}

// --- Step 5 helpers: canonical form -------------------------------------------------

bool leaks(const std::vector<OwnershipEdge> &Edges) {
  return std::any_of(Edges.begin(), Edges.end(),
                     [](const OwnershipEdge &E) { return E.kind != OwnKind::Unique; });
}

// Starts the cycle at its first declared field, so the warning lands on the field a reader
// meets first and the same cycle found from another start looks the same.
void rotateToFirstDeclared(std::vector<OwnershipEdge> &Edges) {
  auto First = std::min_element(Edges.begin(), Edges.end(),
                                [](const OwnershipEdge &A, const OwnershipEdge &B) {
                                  if (!(A.field->loc == B.field->loc))
                                    return A.field->loc < B.field->loc;
                                  return A.label() < B.label();
                                });
  std::rotate(Edges.begin(), First, Edges.end());
}

// The length of the shortest prefix that the sequence repeats.
size_t shortestPeriod(const std::vector<std::string> &Labels) {
  for (size_t P = 1; P < Labels.size(); ++P) {
    if (Labels.size() % P)
      continue;
    bool Repeats = true;
    for (size_t I = P; I < Labels.size() && Repeats; ++I)
      Repeats = Labels[I] == Labels[I - P];
    if (Repeats)
      return P;
  }
  return Labels.size();
}

class CycleSet {
public:
  void add(std::vector<OwnershipEdge> Edges, OwnershipCycle::Evidence Evidence) {
    if (Edges.empty() || !leaks(Edges))
      return;
    rotateToFirstDeclared(Edges);
    std::vector<std::string> Key;
    for (const OwnershipEdge &E : Edges)
      Key.push_back(E.label());
    // Through derived records, a simple cycle of the graph can run the same fields twice
    // (A::f -> B::g -> A::f -> B::g): it is the shorter cycle, once.
    size_t Period = shortestPeriod(Key);
    Edges.resize(Period);
    Key.resize(Period);
    if (!Seen.insert(Key).second)
      return;
    Cycles.push_back({std::move(Edges), Evidence});
  }
  std::vector<OwnershipCycle> take() { return std::move(Cycles); }

private:
  std::set<std::vector<std::string>> Seen;
  std::vector<OwnershipCycle> Cycles;
};

} // namespace
} // namespace leakcheck

// llvm::scc_iterator walks the graph through GraphTraits.
namespace llvm {
template <> struct GraphTraits<const leakcheck::GraphNode *> {
  using NodeRef = const leakcheck::GraphNode *;
  using ChildIteratorType = std::vector<const leakcheck::GraphNode *>::const_iterator;
  static NodeRef getEntryNode(NodeRef N) { return N; }
  static ChildIteratorType child_begin(NodeRef N) { return N->succ.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->succ.end(); }
};
} // namespace llvm

namespace leakcheck {
namespace {

// --- Step 3: cycles between different records ---------------------------------------

class ComponentSearch {
public:
  ComponentSearch(const Graph &G, std::vector<unsigned> Nodes, const CycleSearchOptions &O,
                  CycleSet &Out)
      : G(G), Nodes(std::move(Nodes)), Options(O), Out(Out) {
    std::sort(this->Nodes.begin(), this->Nodes.end());
    for (unsigned I = 0; I < this->Nodes.size(); ++I)
      Rank[this->Nodes[I]] = I;
  }

  void run() {
    enumerateSimpleCycles();
    coverRemainingEdges();
  }

private:
  bool inComponent(unsigned Node) const { return Rank.count(Node); }
  bool graphEdge(unsigned E) const {
    return !G.edges[E].recursive && inComponent(G.index.at(G.edges[E].to->key));
  }
  unsigned target(unsigned E) const { return G.index.at(G.edges[E].to->key); }

  void emit(const std::vector<unsigned> &Path) {
    std::vector<OwnershipEdge> Edges;
    for (unsigned E : Path) {
      Edges.push_back(G.edges[E]);
      Covered.insert(E);
    }
    Out.add(std::move(Edges), OwnershipCycle::Evidence::Types);
    ++Found;
  }

  // Every simple cycle, each from its lowest-ranked node (so each is found once), by
  // depth-first search over the component; stops at the bounds of CycleSearchOptions.
  void enumerateSimpleCycles() {
    unsigned Steps = 0;
    for (unsigned Start : Nodes) {
      struct Frame {
        unsigned Node;
        size_t Next;
      };
      std::vector<Frame> Stack{{Start, 0}};
      std::vector<unsigned> Path;  // edges
      std::set<unsigned> OnPath{Start};
      while (!Stack.empty()) {
        if (++Steps > Options.maxStepsPerComponent || Found >= Options.maxCyclesPerComponent)
          return;
        Frame &F = Stack.back();
        const auto &Out = G.out[F.Node];
        if (F.Next == Out.size()) {
          OnPath.erase(F.Node);
          Stack.pop_back();
          if (!Path.empty())
            Path.pop_back();
          continue;
        }
        unsigned E = Out[F.Next++];
        if (!graphEdge(E))
          continue;
        unsigned To = target(E);
        if (Rank[To] < Rank[Start])
          continue;
        if (To == Start) {
          Path.push_back(E);
          emit(Path);
          Path.pop_back();
          continue;
        }
        if (OnPath.count(To))
          continue;
        Path.push_back(E);
        OnPath.insert(To);
        Stack.push_back({To, 0});
      }
    }
  }

  // Past the bound, an edge no reported cycle contains still gets one: the edge, then the
  // shortest way back to where it starts.
  void coverRemainingEdges() {
    for (unsigned From : Nodes)
      for (unsigned E : G.out[From]) {
        if (!graphEdge(E) || Covered.count(E))
          continue;
        std::vector<unsigned> Back = shortestPath(target(E), From);
        Back.insert(Back.begin(), E);
        emit(Back);
      }
  }

  std::vector<unsigned> shortestPath(unsigned From, unsigned To) const {
    std::map<unsigned, unsigned> Via;  // node -> edge that reached it
    std::deque<unsigned> Queue{From};
    std::set<unsigned> Seen{From};
    while (!Queue.empty() && !Seen.count(To) ) {
      unsigned N = Queue.front();
      Queue.pop_front();
      for (unsigned E : G.out[N]) {
        if (!graphEdge(E) || !Seen.insert(target(E)).second)
          continue;
        Via[target(E)] = E;
        Queue.push_back(target(E));
      }
    }
    std::vector<unsigned> Path;
    for (unsigned N = To; N != From;) {
      unsigned E = Via.at(N);
      Path.push_back(E);
      N = G.index.at(G.edges[E].from->key);
    }
    std::reverse(Path.begin(), Path.end());
    return Path;
  }

  const Graph &G;
  std::vector<unsigned> Nodes;
  const CycleSearchOptions &Options;
  CycleSet &Out;
  std::map<unsigned, unsigned> Rank;
  std::set<unsigned> Covered;
  unsigned Found = 0;
};

// --- Step 4: recursive edges with evidence that one points back ---------------------

void findRecursiveCycles(const ProgramModel &M, const Graph &G, const CycleSearchOptions &O,
                         CycleSet &Out) {
  std::vector<const OwnershipEdge *> Recursive;
  for (const OwnershipEdge &E : G.edges)
    if (E.recursive)
      Recursive.push_back(&E);
  auto FirstWithLabel = [&](const std::string &RecordKey, const std::string &Field) {
    for (const OwnershipEdge *E : Recursive)
      if (E->declaredIn->key == RecordKey && E->field->name == Field)
        return E;
    return static_cast<const OwnershipEdge *>(nullptr);
  };

  // A stored callback that captures a pointer to its own kind keeps its object alive.
  for (const OwnershipEdge *E : Recursive)
    if (E->kind == OwnKind::Callback)
      Out.add({*E}, OwnershipCycle::Evidence::SelfCallback);

  // The program links two objects both ways: `a.f = b` and `b.g = a` in one function.
  std::map<std::string, std::vector<const LinkFact *>> ByFunction;
  for (const LinkFact &L : M.links)
    ByFunction[L.function].push_back(&L);
  for (const auto &[Function, Links] : ByFunction)
    for (const LinkFact *A : Links) {
      // `self_ = shared_from_this()`, `n->next = n`: an object made to own itself.
      if (A->holder == A->value)
        if (const OwnershipEdge *E = FirstWithLabel(A->record, A->field))
          Out.add({*E}, OwnershipCycle::Evidence::OwnsItself);
      for (const LinkFact *B : Links) {
        if (A->holder != B->value || A->value != B->holder || A->holder == A->value)
          continue;
        const OwnershipEdge *EA = FirstWithLabel(A->record, A->field);
        const OwnershipEdge *EB = FirstWithLabel(B->record, B->field);
        if (!EA || !EB)
          continue;
        if (EA == EB || (EA->declaredIn == EB->declaredIn && EA->field == EB->field))
          Out.add({*EA}, OwnershipCycle::Evidence::LinkedBothWays);
        else
          Out.add({*EA, *EB}, OwnershipCycle::Evidence::LinkedBothWays);
      }
    }

  // A field whose name says it points back, beside one that points down to its holder.
  for (const OwnershipEdge *Back : Recursive) {
    if (Back->kind == OwnKind::Callback ||
        !nameSaysBackReference(Back->field->name, O.backReferenceNames))
      continue;
    for (const OwnershipEdge *Down : Recursive) {
      if (Down->kind == OwnKind::Callback || Down->label() == Back->label() ||
          nameSaysBackReference(Down->field->name, O.backReferenceNames))
        continue;
      if (Down->from == Back->to && Down->to == Back->from)
        Out.add({*Down, *Back}, OwnershipCycle::Evidence::BackName);
    }
  }
}

} // namespace

std::vector<OwnershipCycle> findOwnershipCycles(const ProgramModel &Model,
                                                const CycleSearchOptions &Options) {
  Hierarchy H(Model);
  Graph G = buildGraph(Model, H);
  CycleSet Cycles;
  for (auto It = llvm::scc_begin(static_cast<const GraphNode *>(&G.nodes[0])); !It.isAtEnd();
       ++It) {
    if (It->size() < 2)
      continue;  // one record alone has no non-recursive edge to itself
    std::vector<unsigned> Nodes;
    for (const GraphNode *N : *It)
      Nodes.push_back(N->index);
    ComponentSearch(G, std::move(Nodes), Options, Cycles).run();
  }
  findRecursiveCycles(Model, G, Options, Cycles);
  std::vector<OwnershipCycle> Out = Cycles.take();
  std::stable_sort(Out.begin(), Out.end(), [](const OwnershipCycle &A, const OwnershipCycle &B) {
    return A.edges.front().field->loc < B.edges.front().field->loc;
  });
  return Out;
}

} // namespace leakcheck

#include "analyses/MissingWeakBackrefCheck.h"

#include "analyses/SharedPtrCycleCheck.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace leakcheck {

void MissingWeakBackrefCheck::configure(const CheckOptions &Options) {
  Search = SharedPtrCycleCheck::searchOptions(Options, SharedPtrCycleCheck::Name);
  BackNames = Options.getList(name(), "BackReferenceNames");
}

namespace {

std::string quote(const std::string &S) { return "'" + S + "'"; }

// What speaks for one edge of a cycle being the back-reference, strongest first.
struct Evidence {
  bool callback = false;   // a stored lambda that captures a strong pointer
  bool shared = false;     // a shared_ptr edge: one that std::weak_ptr can replace
  bool toContainerOwner = false;  // to-one, to a record that holds its kind in a container
  bool assignedOwner = false;     // assigned shared_from_this() of the object holding it
  bool derivedToHolder = false;   // from a derived record to the record holding its base
  bool toCreator = false;         // to the record that creates the object holding it
  bool named = false;             // its name says it points back
  bool inheritedToHolder = false; // a base's field, to the record that holds the derived one
  bool fixable = false;           // its declaration can be rewritten
  bool closes = false;            // it closes the cycle at the record declared first

  auto rank() const {
    return std::make_tuple(callback, shared, toContainerOwner, assignedOwner, derivedToHolder,
                           toCreator, named, inheritedToHolder, fixable, closes);
  }
};

class Chooser {
public:
  Chooser(const ProgramModel &Model, const std::vector<std::string> &BackNames)
      : Model(Model), BackNames(BackNames) {
    for (const SelfArgumentFact &S : Model.selfArguments)
      SelfArguments.emplace(S.param, &S);
  }

  // The index of the edge to weaken, and why, in words.
  std::pair<size_t, std::string> choose(const OwnershipCycle &C) const {
    std::vector<Evidence> All;
    const size_t N = C.edges.size();
    for (size_t I = 0; I < N; ++I)
      All.push_back(evidence(C, I));
    size_t Best = 0;
    for (size_t I = 1; I < N; ++I)
      if (All[I].rank() > All[Best].rank())
        Best = I;
    return {Best, reason(C, Best, All)};
  }

  // Whether the program stores a new object (`std::make_shared<T>()`) into E's field: its
  // holder makes what it holds.
  bool createdNew(const OwnershipEdge &E) const {
    for (const LinkFact &L : Model.links)
      if (L.record == E.declaredIn->key && L.field == E.field->name && L.value == "new")
        return true;
    return false;
  }

  // Where the program gives E's field the shared_from_this() of another object: directly
  // (`engine->car = shared_from_this()`), or through the parameter of a setter or
  // constructor (`view->attach(shared_from_this())`).
  std::optional<SourceLoc> ownerAssignment(const OwnershipEdge &E) const {
    for (const LinkFact &L : Model.links) {
      if (L.record != E.declaredIn->key || L.field != E.field->name)
        continue;
      if (L.value == "this" && !L.holder.empty() && L.holder != "this")
        return L.loc;
      auto It = SelfArguments.find(L.valueParam);
      if (!L.valueParam.empty() && It != SelfArguments.end())
        return It->second->loc;
    }
    return std::nullopt;
  }

private:
  Evidence evidence(const OwnershipCycle &C, size_t I) const {
    const size_t N = C.edges.size();
    const OwnershipEdge &E = C.edges[I];
    const OwnershipEdge &Prev = C.edges[(I + N - 1) % N];
    const OwnershipEdge &Next = C.edges[(I + 1) % N];
    Evidence V;
    V.callback = E.kind == OwnKind::Callback;
    V.shared = E.kind == OwnKind::Shared;
    V.toContainerOwner = N > 1 && !E.many && Next.many;
    V.assignedOwner = ownerAssignment(E).has_value();
    V.derivedToHolder = N > 1 && Prev.declaredTarget != Prev.to->key;
    V.toCreator = N > 1 && createdNew(Next);
    V.named = nameSaysBackReference(E.field->name, BackNames);
    V.inheritedToHolder = N > 1 && E.declaredIn != E.from && Next.to == E.from;
    const WeakFix *Fix = E.field->weakFix(E.declaredTarget);
    V.fixable = Fix && !Fix->replacement.empty();
    V.closes = I + 1 == N;
    return V;
  }

  std::string reason(const OwnershipCycle &C, size_t I, const std::vector<Evidence> &All) const {
    const size_t N = C.edges.size();
    const OwnershipEdge &E = C.edges[I];
    const OwnershipEdge &Prev = C.edges[(I + N - 1) % N];
    const OwnershipEdge &Next = C.edges[(I + 1) % N];
    const Evidence &V = All[I];
    if (N == 1)
      return "it is the cycle's only edge";
    unsigned Shared = 0;
    for (const Evidence &Other : All)
      Shared += Other.shared;
    if (V.shared && Shared == 1)
      return "it is the cycle's only shared_ptr edge";
    if (V.toContainerOwner)
      return "it points back to " + quote(E.to->name) + ", which holds " +
             quote(Next.to->name) + " objects in a container (" + quote(Next.label()) + ")";
    if (V.assignedOwner)
      return "the program gives it the shared_from_this() of the object that holds it";
    if (V.derivedToHolder)
      return "it points from the derived " + quote(E.from->name) + " back to " +
             quote(E.to->name) + ", which holds it as its base " +
             quote(Model.records.count(Prev.declaredTarget)
                       ? Model.records.at(Prev.declaredTarget).name
                       : Prev.declaredTarget) +
             " (" + quote(Prev.label()) + ")";
    if (V.toCreator)
      return "it points back to " + quote(E.to->name) + ", which makes the " +
             quote(Next.to->name) + " it holds (" + quote(Next.label()) + ")";
    if (V.named)
      return "its name says it points back";
    if (V.inheritedToHolder)
      return "it is declared in " + quote(E.declaredIn->name) + ", a base of " +
             quote(E.from->name) + ", and points to the record that holds " +
             quote(E.from->name) + " (" + quote(Next.label()) + ")";
    std::string Why = "nothing in the structure or the names tells which edge points back; ";
    if (V.fixable && !V.closes)
      return Why + "it is the edge whose declaration can be rewritten";
    return Why + "it is the edge that closes the cycle read from its first declared field, " +
           quote(C.edges.front().label());
  }

  const ProgramModel &Model;
  const std::vector<std::string> &BackNames;
  std::map<std::string, const SelfArgumentFact *> SelfArguments;  // by parameter
};

} // namespace

void MissingWeakBackrefCheck::analyze(const ProgramModel &Model, std::vector<Finding> &Out) const {
  Chooser Choose(Model, BackNames);
  std::set<std::string> Reported;  // one finding per field, however many cycles it closes
  for (const OwnershipCycle &C : findOwnershipCycles(Model, Search)) {
    auto [Index, Why] = Choose.choose(C);  // Why: for shared_ptr edges
    const OwnershipEdge &E = C.edges[Index];
    if (!Reported.insert(E.label()).second)
      continue;
    Finding F;
    F.check = name();
    F.loc = E.field->loc;
    F.symbol = E.label();
    std::string Cycle = describeCycle(C);
    if (E.kind == OwnKind::Callback) {
      F.message = "the lambda stored in " + quote(E.label()) + " captures a strong pointer to " +
                  quote(E.to->name) + " and closes the cycle " + Cycle +
                  ": capture weak_from_this() or a std::weak_ptr instead, and lock() it when "
                  "the callback runs";
      if (E.capture.valid())
        F.notes.push_back({E.capture, "capture a std::weak_ptr here, e.g. "
                                      "[weak = weak_from_this()]"});
      notePartialRecords(C, F.notes);
      Out.push_back(std::move(F));
      continue;
    }
    F.message = "back-reference " + quote(E.label()) + " should be a std::weak_ptr: " + Why +
                "; as a strong pointer it closes the cycle " + Cycle;
    const WeakFix *Fix = E.field->weakFix(E.declaredTarget);
    if (Fix && !Fix->replacement.empty() && E.field->declLength)
      F.fix = FixIt{E.field->loc, E.field->declLength, Fix->replacement};
    else
      F.message += " (no automatic fix: " +
                   (Fix && !Fix->problem.empty() ? Fix->problem
                                                 : std::string("the declaration is not known")) +
                   ")";
    if (std::optional<SourceLoc> Given = Choose.ownerAssignment(E))
      F.notes.push_back({*Given, quote(E.label()) + " is given its owner's shared_from_this() here"});
    notePartialRecords(C, F.notes);
    Out.push_back(std::move(F));
  }
}

} // namespace leakcheck

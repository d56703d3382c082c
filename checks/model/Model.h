// The program model: facts collected per translation unit, merged across the program.
//
// Nothing here refers to a Clang AST: a TU's facts outlive its AST, and the analyses
// (checks/*Check.cpp) run on the merged model only (design.md section 3).
#pragma once

#include <map>
#include <set>
#include <tuple>
#include <string>
#include <vector>

namespace leakcheck {

struct SourceLoc {
  std::string file;  // as the user named it (relative to the working directory when inside it)
  unsigned line = 0;
  unsigned column = 0;
  bool valid() const { return line != 0; }
  bool operator<(const SourceLoc &O) const {
    return file != O.file ? file < O.file : line != O.line ? line < O.line : column < O.column;
  }
  bool operator==(const SourceLoc &O) const {
    return file == O.file && line == O.line && column == O.column;
  }
};

// How a field keeps its target alive. A cycle leaks only if one of its edges is Shared or
// Callback (a cycle of unique_ptr cannot be built without a leak elsewhere).
enum class OwnKind { Unique, Shared, Callback };

// One record a field (or a captured value) keeps alive, with the strongest pointer on the way.
struct OwnedTarget {
  std::string record;  // record key (see RecordFact::key)
  OwnKind kind = OwnKind::Shared;
  bool many = false;  // through a container or an array: the holder owns many of them
  bool operator<(const OwnedTarget &O) const {
    return record != O.record ? record < O.record : kind < O.kind;
  }
  bool operator==(const OwnedTarget &O) const { return record == O.record && kind == O.kind; }
};

// How to declare a field with std::weak_ptr in place of its strong pointers to one record:
// the fix of leakcheck-missing-weak-backref, worked out where the declaration is seen.
struct WeakFix {
  std::string target;       // key of the record the weakened pointers point to
  std::string replacement;  // the whole new declaration, ';' included; "" when none is offered
  std::string problem;      // why none is offered
};

struct FieldFact {
  std::string name;
  SourceLoc loc;             // start of the declaration
  std::string typeText;      // the declared type as written ("CarList", "std::shared_ptr<Car>")
  std::string declText;      // the whole declaration as written, without the ';'
  unsigned declLength = 0;   // bytes from loc to the end of the declaration, ';' included
  std::vector<OwnedTarget> targets;  // what the type alone keeps alive
  bool holdsCallable = false;        // std::function & co: stored lambdas add targets (flows)
  std::vector<std::string> callableHolders;  // records held by value that hold callables
  std::vector<WeakFix> weakFixes;    // one per shared target
  const WeakFix *weakFix(const std::string &Target) const {
    for (const WeakFix &W : weakFixes)
      if (W.target == Target)
        return &W;
    return nullptr;
  }
};

struct RecordFact {
  std::string key;   // fully qualified with template arguments: unique in the program
  std::string name;  // qualified, as written, without template arguments ("ns::DNode")
  SourceLoc loc;
  std::vector<std::string> bases;  // keys of direct bases
  std::vector<FieldFact> fields;
  // Translation units that do not compile and saw this record; empty when a TU that
  // compiled defines it (its facts then replace theirs). Findings through a partial record
  // say so.
  std::set<std::string> partialIn;
};

// A place a callable can be stored or passed through: a field, or a function parameter.
struct ValueSlot {
  std::string record, field;  // a field: Record key and field name
  std::string function;       // a parameter: function key ...
  unsigned param = 0;         // ... and its index
  bool isField() const { return function.empty(); }
  bool operator<(const ValueSlot &O) const {
    return std::tie(record, field, function, param) < std::tie(O.record, O.field, O.function, O.param);
  }
};

// A lambda (or other closure) that captures strong pointers is stored into a slot.
struct CaptureFact {
  ValueSlot into;
  std::vector<OwnedTarget> captured;  // what the captures keep alive
  SourceLoc loc;                      // the lambda
};

// A parameter's value is stored into another slot (a setter: `cb_ = std::move(f);`).
struct ForwardFact {
  ValueSlot from;  // a parameter
  ValueSlot into;
};

// In one function, `holder.field` is made to own `value` (assignment, push_back, insert...).
// Two links in opposite directions (`p->children.push_back(c); c->parent = p;`) show that
// the program links objects of a self-referencing record both ways.
struct LinkFact {
  std::string function;  // key of the enclosing function
  std::string record, field;
  std::string holder, value;  // endpoints: "this", a variable's identity in the function, a
                              // field of one ("this.engine_"); value "new": a new object
  std::string valueParam;     // the value is a parameter of the function: "<function>#<index>"
  SourceLoc loc;
};

// A call passes the caller's own object (`this`, shared_from_this()) to a parameter,
// "<function>#<index>": `view->attach(shared_from_this())`. With a LinkFact storing that
// parameter, it shows a field that is given its owner.
struct SelfArgumentFact {
  std::string param;
  SourceLoc loc;
};

// --- Containers with static storage (leakcheck-unbounded-static-cache) ----------------

// A container variable that may live as long as the program: a namespace-scope variable, a
// static data member, a function-local static, a thread_local, or a non-static data member
// (static storage only when the program has a static instance of its record).
struct ContainerFact {
  enum class Storage { Namespace, StaticMember, FunctionStatic, Member };
  std::string key;       // program-wide identity: qualified name; function statics and
                         // internal-linkage variables add their location
  std::string symbol;    // as reported: "Calculator::cache_", "events::g_listeners", "history"
  std::string function;  // a function-local static: the function it lives in
  std::string record;    // a data member (Member, StaticMember): key of its record
  std::string containerTemplate;  // "std::unordered_map"
  std::string typeText;           // as written
  SourceLoc loc;                  // the definition where seen (static members: in the class)
  Storage storage = Storage::Namespace;
  bool threadLocal = false;
  bool isConst = false;
  bool definition = false;  // loc is the defining declaration
  bool holdsShared = false; // its elements hold std::shared_ptr
  std::set<std::string> partialIn;  // as RecordFact::partialIn
};

// A use of a container: where it grows, shrinks or is kept to a size.
struct ContainerUseFact {
  enum class Kind {
    Grow,    // insert, emplace*, push*, operator[] on a map, ...
    Shrink,  // erase, clear, pop*, extract, swap, resize, assignment, moved from, escapes
    Bound,   // its size() is compared with a bound
  };
  std::string container;  // a container key, or an alias key (ContainerAliasFact)
  Kind kind = Kind::Grow;
  std::string operation;  // "push_back", "operator[]", "erase", "assignment", ...
  std::string function;   // qualified name of the function it happens in; "" while the
                          // container is initialised (a static variable's initializer, a
                          // constructor filling its own object's member)
  bool ownObject = false; // it is a member of the object the function runs on (`this->m_`)
  SourceLoc loc;
};

// Another name for containers: `fn:<function>` returns a reference to `container`,
// `param:<function>#<index>` is a reference parameter bound to it.
struct ContainerAliasFact {
  std::string alias;
  std::string container;
};

// A call between two of the program's functions (qualified names).
struct CallFact {
  std::string caller;  // "": while a static variable is initialised (`static bool r = reg();`)
  std::string callee;
  std::string constructs;  // the caller is a constructor: the key of the record it builds
};

// A static-storage object of a record: the record's data members have static storage too.
struct StaticInstanceFact {
  std::string record;    // record key
  std::string variable;  // how the object is reached: "Registry::instance()::r", "g_app.registry"
  SourceLoc loc;
};

// A translation unit that did not compile: what the report says of it.
struct BrokenUnit {
  std::string file;
  std::string firstError;                  // "a.cpp:3:10: 'x.h' file not found"
  std::vector<std::string> missingHeaders; // as written in the #include
  std::vector<std::string> invalidRecords; // records Clang could not read there
  bool operator<(const BrokenUnit &O) const { return file < O.file; }
};

// Everything known about the program: one per TU, then merged.
struct ProgramModel {
  std::map<std::string, RecordFact> records;  // by key
  std::vector<CaptureFact> captures;
  std::vector<ForwardFact> forwards;
  std::vector<LinkFact> links;
  std::vector<SelfArgumentFact> selfArguments;
  std::map<std::string, ContainerFact> containers;  // by key
  std::vector<ContainerUseFact> containerUses;
  std::vector<ContainerAliasFact> containerAliases;
  std::vector<StaticInstanceFact> staticInstances;
  // Records of which the program makes objects that are not of static storage (a local, a
  // by-value parameter, `new`, make_shared, a temporary), with their bases and by-value
  // members: their data members are not static storage, whatever static instance exists.
  std::set<std::string> automaticInstances;
  std::vector<CallFact> calls;
  // Records Clang marked invalid in this TU (a field of a type from a missing header, ...):
  // left out of the model; keepOnlyDeclarations moves them into the TU's BrokenUnit.
  std::set<std::string> invalidRecords;
  std::vector<BrokenUnit> brokenUnits;  // TUs that did not compile, by file
  unsigned translationUnits = 0;  // TUs that compiled
  // Whether these facts are those of the whole program: every TU of it analysed, and each
  // compiled. A check then may say "nothing in the program"; otherwise "in the analysed
  // files". One TU (the clang-tidy plugin) is never the whole program.
  bool wholeProgram = true;

  // Adds a container; a definition replaces a mere declaration (an extern variable is
  // declared in many TUs and defined in one).
  void addContainer(ContainerFact C);

  // Adds another model's facts. The result depends neither on the order of merges nor on
  // their grouping (commutative and associative), so that every order of TUs and every -j
  // gives the same findings:
  //  - a record (or container) seen by several TUs: the facts of TUs that compiled replace
  //    those of TUs that did not; among equals, the facts are united (fields by name,
  //    each field's targets, bases), taking the first declaration by source location;
  //  - the other facts are collected, then put in one canonical order (canonicalize()).
  void merge(ProgramModel &&Other);

  // Sorts every list of facts and drops duplicates: after it, two models with the same
  // facts are equal whatever order the facts came in. merge() leaves lists unsorted (so
  // that merging many TUs stays linear); the Driver canonicalizes once, after the last.
  void canonicalize();

  // What a TU that does not compile contributes (it must never override a TU that did):
  // only its records and containers, each marked partial in Unit.file, and Unit itself
  // (with the records Clang marked invalid). Facts from function bodies (links, captures,
  // uses, calls, instances) are dropped: code that does not compile is where they would be
  // wrong.
  void keepOnlyDeclarations(BrokenUnit Unit);
};

} // namespace leakcheck

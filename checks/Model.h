// The program model: facts collected per translation unit, merged across the program.
//
// Nothing here refers to a Clang AST: a TU's facts outlive its AST, and the analyses
// (checks/*Check.cpp) run on the merged model only (design.md section 3).
#pragma once

#include <map>
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

struct FieldFact {
  std::string name;
  SourceLoc loc;             // start of the declaration
  std::string typeText;      // the declared type as written ("CarList", "std::shared_ptr<Car>")
  std::string declText;      // the whole declaration as written, without the ';'
  std::vector<OwnedTarget> targets;  // what the type alone keeps alive
  bool holdsCallable = false;        // std::function & co: stored lambdas add targets (flows)
  std::vector<std::string> callableHolders;  // records held by value that hold callables
};

struct RecordFact {
  std::string key;   // fully qualified with template arguments: unique in the program
  std::string name;  // qualified, as written, without template arguments ("ns::DNode")
  SourceLoc loc;
  std::vector<std::string> bases;  // keys of direct bases
  std::vector<FieldFact> fields;
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
  std::string holder, value;  // endpoints: "this", or a variable's identity in the function
  SourceLoc loc;
};

// Everything known about the program: one per TU, then merged.
struct ProgramModel {
  std::map<std::string, RecordFact> records;  // by key
  std::vector<CaptureFact> captures;
  std::vector<ForwardFact> forwards;
  std::vector<LinkFact> links;
  unsigned translationUnits = 0;

  // Adds another TU's facts. A record seen by many TUs (defined in a header) stays one
  // node; the first definition seen wins (the ODR makes them equal).
  void merge(ProgramModel &&Other);
};

} // namespace leakcheck

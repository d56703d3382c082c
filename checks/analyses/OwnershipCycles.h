// The strong ownership graph of a program and its cycles.
//
// Shared by leakcheck-shared-ptr-cycle (which reports the cycles) and
// leakcheck-missing-weak-backref (which names the edge to weaken in each).
#pragma once

#include "model/Finding.h"
#include "model/Model.h"

#include <string>
#include <vector>

namespace leakcheck {

// One strong edge: an object of `from` keeps an object of `to` alive through `field`.
struct OwnershipEdge {
  const RecordFact *from = nullptr;        // may derive from `declaredIn`
  const RecordFact *declaredIn = nullptr;  // the record that declares the field
  const FieldFact *field = nullptr;
  const RecordFact *to = nullptr;          // derives from (or is) the type the field names
  std::string declaredTarget;              // key of the record the field's type names
  OwnKind kind = OwnKind::Shared;
  bool many = false;                       // held through a container or array
  bool recursive = false;                  // `from` is-a `declaredTarget`: a field to its own kind
  SourceLoc capture;                       // Callback edges: the lambda that captures

  std::string label() const;               // "Record::field", record as written
};

struct OwnershipCycle {
  enum class Evidence {
    Types,           // between different records: the types alone close it
    LinkedBothWays,  // the program links two objects of one record both ways
    OwnsItself,      // the program makes an object own itself (`self_ = shared_from_this()`)
    BackName,        // a field to its own record whose name says it points back
    SelfCallback,    // a stored callback captures a strong pointer to its own record
  };
  std::vector<OwnershipEdge> edges;  // in order; rotated to start at the first declared field
  Evidence evidence = Evidence::Types;
};

struct CycleSearchOptions {
  // Bounds the enumeration of simple cycles in one strongly connected component; every
  // edge on a cycle is still reported in at least one cycle past the bound.
  unsigned maxCyclesPerComponent = 100;
  unsigned maxStepsPerComponent = 200000;
  // Words that say a field points back to its owner (matched against the field name's
  // words: m_parentNode -> {parent, node}).
  std::vector<std::string> backReferenceNames;
};

// True if one of the words of the identifier is in Names (case-insensitive).
bool nameSaysBackReference(const std::string &Identifier, const std::vector<std::string> &Names);

// A note for each record of the cycle known only from TUs that do not compile: the
// finding rests on their partial facts and says so.
void notePartialRecords(const OwnershipCycle &Cycle, std::vector<Note> &Notes);

// Every distinct strong cycle of the program, each once, in a stable order.
std::vector<OwnershipCycle> findOwnershipCycles(const ProgramModel &Model,
                                                const CycleSearchOptions &Options);

} // namespace leakcheck

// What the checks report. The reporter (Report.h) renders these as text, JSON or SARIF.
#pragma once

#include "model/Model.h"

#include <optional>
#include <string>
#include <vector>

namespace leakcheck {

// One strong edge of a cycle: field `field` of record `record` keeps the next record alive.
struct CycleEdge {
  std::string record;  // as written, without template arguments
  std::string field;
  SourceLoc loc;
  std::string target;  // the record this edge keeps alive (as written)
  OwnKind kind = OwnKind::Shared;
  // Where the program makes the field own a target, when known (reporting/LinkSites.h):
  // the value stored (`p->cars.push_back(c)`), or the lambda a callback stores.
  SourceLoc linkedAt;
  std::string linkedIn;  // the function that does it ("" when unknown)
};

// A replacement of one declaration (a fix-it).
struct FixIt {
  SourceLoc loc;             // where the replaced text starts
  unsigned length = 0;       // how many bytes it replaces, from loc on (lines may follow)
  std::string replacement;   // the new declaration
};

// A secondary location shown as a `note:`.
struct Note {
  SourceLoc loc;
  std::string message;
};

// What the runtime collector saw of a cycle (--confirm).
struct RuntimeCounts {
  unsigned instances = 0;    // objects in the garbage cycles of this shape
  unsigned occurrences = 0;  // garbage components of this shape
  unsigned long long bytes = 0;
};

struct Finding {
  std::string check;  // "leakcheck-shared-ptr-cycle", ...
  std::string severity = "warning";
  SourceLoc loc;
  std::string symbol;  // "Record::field", or a variable's qualified name
  std::string message;
  std::vector<CycleEdge> cycle;  // cycle findings: every strong edge, in order
  std::optional<FixIt> fix;
  std::vector<Note> notes;
  // --confirm: whether the runtime collector saw this cycle (unset without --confirm).
  std::optional<bool> confirmed;
  std::optional<RuntimeCounts> runtime;
};

} // namespace leakcheck

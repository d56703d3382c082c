// Cause A (cppcheck's Settings and Check classes, yaml-cpp's RegEx): a record with one
// static instance is not a singleton when the program also makes other objects of it.
// Its members grow on those objects, which come and go; none is a cache.
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Settings {
  std::vector<std::string> libraries;  // quiet: local Settings objects exist
  void addLibrary(const std::string &l) { libraries.push_back(l); }
};
static Settings s_defaults;  // one static instance, in a test fixture

void configure(const std::string &lib) {
  Settings settings;  // ... and local ones everywhere else
  settings.addLibrary(lib);
}

// A check registered through a static instance, run on a new object per file.
struct CheckMemory {
  std::map<std::string, int> allocations;  // quiet: made with make_unique below
  void alloc(const std::string &name) { allocations[name]++; }
  static CheckMemory instance;
};
CheckMemory CheckMemory::instance;

void runChecks() {
  auto check = std::make_unique<CheckMemory>();
  check->alloc("p");
}

// Made with new, and as a temporary.
struct Token {
  std::vector<int> links;  // quiet: new Token below
  void link(int i) { links.push_back(i); }
};
Token g_end;
struct Scope {
  std::vector<int> vars;  // quiet: a temporary Scope below
  Scope &add(int v) {
    vars.push_back(v);
    return *this;
  }
};
Scope g_global;

// A by-value member of a record with local objects, and a base of one.
struct Errors {
  std::vector<std::string> list;  // quiet: Logger objects are local, so are their Errors
  void report(const std::string &e) { list.push_back(e); }
};
struct Logger {
  Errors errors;
};
Logger g_logger;
struct History {
  std::vector<int> steps;  // quiet: Undo derives from it, and an Undo is a parameter
  void step(int s) { steps.push_back(s); }
};
struct Undo : History {};
History g_history;

void replay(Undo u) { u.step(1); }

void use() {
  Token *t = new Token;
  t->link(1);
  delete t;
  Scope().add(1);
  Logger local;
  local.errors.report("e");
  g_logger.errors.report("g");
  g_end.link(2);
  g_global.add(2);
  g_history.step(3);
  s_defaults.addLibrary("std");
}

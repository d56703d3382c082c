// thread_local storage lives as long as its thread: a per-thread cache that only grows.
#include <set>
#include <string>

thread_local std::set<std::string> t_interned;  // CACHE: t_interned

const std::string &intern(const std::string &s) { return *t_interned.insert(s).first; }

struct Parser {
  static thread_local std::set<int> visited_;  // CACHE: Parser::visited_
  void visit(int n) { visited_.insert(n); }
};
thread_local std::set<int> Parser::visited_;

// Every option leakcheck reads, declared once, and the values a run was given.
//
// An option is declared here with its scope (a check's name, or "leakcheck" for the
// vocabulary every check and fact collector shares), its name, its kind, its default and a
// line of documentation. From this one list come the defaults the checks read, the
// validation of `.leakcheck.yaml` (an unknown key or a value of the wrong kind is an error,
// with the closest valid key), the options the clang-tidy plugin stores and tells
// `--verify-config` about, `--list-checks`, and the README's option tables (a test keeps
// them in step). No Clang AST here: fact collectors and checks both read these.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace leakcheck {

struct OptionSpec {
  enum class Kind {
    Unsigned,  // a non-negative integer
    List,      // words separated by ';' or ',' (a YAML list is joined with ';')
    Names,     // a List of qualified names; a leading "::" is dropped
  };
  const char *scope;  // "leakcheck" or a check name
  const char *name;
  Kind kind;
  const char *defaultValue;
  const char *doc;
  bool affectsFacts = false;  // read by the fact collectors: cached facts depend on it
  std::string key() const { return std::string(scope) + "." + name; }
};

// Every option, in the order the documentation lists them.
const std::vector<OptionSpec> &declaredOptions();
// The declared option with this key ("leakcheck-shared-ptr-cycle.MaxCyclesPerComponent"),
// or null.
const OptionSpec *findOption(const std::string &Key);
// The declared key nearest to Key by edit distance (for "did you mean"), or "".
std::string closestOptionKey(const std::string &Key);
// "" if Value is a valid value of the option, else what is wrong with it.
std::string checkOptionValue(const OptionSpec &Spec, const std::string &Value);
// "boost::shared_ptr;Ref" -> {"boost::shared_ptr", "Ref"}.
std::vector<std::string> splitOptionList(const std::string &Text);

// Check options as given, clang-tidy style: "<scope>.<Option>" -> value. Reading an option
// that is not given yields its declared default; reading one that is not declared is a
// programming error (it aborts), so that no check reads an option users cannot set.
class CheckOptions {
public:
  void set(const std::string &Key, const std::string &Value) { Values[Key] = Value; }
  std::string get(const std::string &Scope, const std::string &Option) const;
  unsigned getUnsigned(const std::string &Scope, const std::string &Option) const;
  std::vector<std::string> getList(const std::string &Scope, const std::string &Option) const;
  std::set<std::string> getNames(const std::string &Scope, const std::string &Option) const;
  const std::map<std::string, std::string> &all() const { return Values; }

private:
  std::map<std::string, std::string> Values;
};

} // namespace leakcheck

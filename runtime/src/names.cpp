// Field names parsed from LEAKCHECK_TRACE's stringised list, and object descriptions.
#include <cstdio>
#include <cstdlib>
#include <memory>

#if defined(__GNUG__)
#include <cxxabi.h>
#endif

#include "state.h"

namespace leakcheck::gc::detail {

FieldNames::FieldNames(const char* list) {
  // "cars_, name_" -> {"cars_", "name_"}; commas nested in brackets do not split.
  std::string current;
  int depth = 0;
  auto flush = [&] {
    auto first = current.find_first_not_of(" \t\n");
    auto last = current.find_last_not_of(" \t\n");
    names_.push_back(first == std::string::npos ? "" : current.substr(first, last - first + 1));
    current.clear();
  };
  for (const char* p = list; *p; ++p) {
    char c = *p;
    if (c == '(' || c == '[' || c == '{' || c == '<') ++depth;
    if (c == ')' || c == ']' || c == '}' || c == '>') --depth;
    if (c == ',' && depth == 0) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
}

static std::string type_name(const TypeInfo* type) {
  if (type->record[0] != '\0') return type->record;
#if defined(__GNUG__)
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> demangled(
      abi::__cxa_demangle(type->rtti->name(), nullptr, nullptr, &status), &std::free);
  if (status == 0 && demangled) return demangled.get();
#endif
  return type->rtti->name();
}

std::string describe(const TypeInfo* type, const void* address) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, " %p", address);
  return type_name(type) + buffer;
}

}  // namespace leakcheck::gc::detail

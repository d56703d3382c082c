// Test inputs say what leakcheck must report, in comments on the lines it must report:
//
//   std::vector<std::shared_ptr<Car>> cars;  // CYCLE: Person::cars -> Car::owner
//   std::shared_ptr<Person> owner;           // EDGE: Car::owner
//
//   CYCLE: e1 -> e2 ...  a leakcheck-shared-ptr-cycle finding on this line, symbol e1, whose
//                        cycle is exactly e1, e2, ... in that order; e1 is declared on this
//                        line, every other edge where an EDGE annotation names it.
//   EDGE: R::f           where field R::f is declared (this line).
//   BACKREF: R::f [=> replacement]   a leakcheck-missing-weak-backref finding on this line,
//                        symbol R::f, with that fix-it replacement if given.
//   CACHE: symbol        a leakcheck-unbounded-static-cache finding on this line.
//   ARGS: -std=c++20     compiler arguments for the case (default -std=c++17).
// Several annotations on one line are separated by " ; ". A case is one .cpp file, or a
// directory whose .cpp files are analysed together. What is not annotated must not be
// reported: the comparison is exact.
#pragma once

#include "model/Finding.h"

#include <string>
#include <vector>

namespace leakcheck::test {

struct AnnotatedCase {
  std::string name;                  // file or directory name
  std::string root;                  // directory paths are shown relative to
  std::vector<std::string> sources;  // .cpp files to analyse
  std::vector<std::string> args{"-std=c++17"};
  std::vector<std::string> expected;  // describe() of each expected finding, sorted
  std::vector<std::string> problems;  // malformed annotations

  static AnnotatedCase load(const std::string &Path);
  // describe() of each actual finding, sorted.
  std::vector<std::string> describeAll(const std::vector<Finding> &Findings) const;
};

// Every case (a .cpp file or a directory) directly under Dir, sorted by name.
std::vector<std::string> listCases(const std::string &Dir);
// A test name for the case at Path: "<check dir>_<case>", identifier characters only.
std::string caseTestName(const std::string &Path);

} // namespace leakcheck::test

"""Helpers of the install, package and subproject tests (tests/install/*.py)."""
import os
import subprocess
import sys

# A file that includes <memory>: parsing it needs Clang's builtin headers (the resource
# directory), which the installed leakcheck must find by itself.
CYCLE_SOURCE = """#include <memory>
#include <vector>
struct Car;
struct Person {
  std::vector<std::shared_ptr<Car>> cars;
};
struct Car {
  std::shared_ptr<Person> owner;
};
"""


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def run(cmd, cwd=None, expect=0, env=None):
    """Runs cmd; fails the test unless it exits with expect (None: any). Returns the result."""
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if expect is not None and r.returncode != expect:
        fail(f"{' '.join(cmd)} exited {r.returncode} (expected {expect}):\n{r.stdout}\n{r.stderr}")
    return r


def check_analyzer(leakcheck, work):
    """The analyzer found where it was put: --version, and a run on a file with <memory>."""
    r = run([leakcheck, "--version"])
    if "built with LLVM" not in r.stdout:
        fail(f"--version does not name the LLVM: {r.stdout}")
    src = os.path.join(work, "cycle.cpp")
    with open(src, "w") as f:
        f.write(CYCLE_SOURCE)
    r = run([leakcheck, src, "--", "-std=c++17"], cwd=work, expect=1)
    if "strong shared_ptr cycle Person::cars -> Car::owner -> Person" not in r.stdout:
        fail(f"{leakcheck} did not report the cycle:\n{r.stdout}\n{r.stderr}")
    return src


def files_under(root):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            out.append(os.path.relpath(os.path.join(d, n), root))
    return sorted(out)

#!/usr/bin/env python3
"""Validates leakcheck's SARIF with Microsoft's SARIF Multitool, GitHub's ingestion rules included.

usage: multitool.py <leakcheck> <source-dir> <work-dir> [<tool-dir>]

Installs the Multitool from npm (@microsoft/sarif-multitool-linux, pinned) into <tool-dir>
(default <work-dir>/tool) once, writes SARIF reports of the test inputs of every check
(and of a file with non-ASCII text before its findings, and of a clean run), and runs
`Sarif.Multitool validate --rule-kind "Sarif;Gh"` on them: any error or warning fails.
A known-bad log must be rejected, so that a validator that checks nothing fails too.
"""
import glob
import json
import os
import shutil
import subprocess
import sys

PACKAGE = "@microsoft/sarif-multitool-linux"
VERSION = "5.7.0"

UNICODE_INPUT = """#include <memory>
#include <vector>
struct Car;
struct Person {
  /* Größe 😀 */ std::vector<std::shared_ptr<Car>> cars;
};
struct Car {
  /* Größe 😀 */ std::shared_ptr<Person> owner;
};
int main() {
  auto ann = std::make_shared<Person>();
  auto car = std::make_shared<Car>();
  car->owner = ann;
  ann->cars.push_back(car);
}
"""


def multitool(tool_dir):
    exe = os.path.join(tool_dir, "node_modules", "@microsoft", "sarif-multitool-linux",
                       "Sarif.Multitool")
    if not os.path.exists(exe):
        npm = shutil.which("npm")
        if not npm:
            sys.exit("multitool: npm not found (.ci/install-deps installs it)")
        os.makedirs(tool_dir, exist_ok=True)
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                        tool_dir, f"{PACKAGE}@{VERSION}"], check=True)
    os.chmod(exe, 0o755)  # its postinstall script does this; npm may not run scripts
    return exe


def leakcheck(binary, out, args, cwd):
    r = subprocess.run([binary, "--format=sarif", "--output=" + out, "--keep-going"] + args,
                       cwd=cwd, capture_output=True, text=True)
    if r.returncode not in (0, 1) or not os.path.exists(out):
        sys.exit(f"multitool: leakcheck {' '.join(args)} exited {r.returncode}:\n{r.stderr}")
    return out


def problems(exe, logs, work):
    """The errors and warnings the validator reports on logs (and an error for each log it
    reports nothing on: every leakcheck log draws notes, e.g. SARIF2009 on rule ids, so
    silence means the validator did not read it, as it does with a log it cannot parse)."""
    out = os.path.join(work, "validation.sarif")
    if os.path.exists(out):
        os.remove(out)
    # The logs first: an option that takes a list would take them as its values.
    r = subprocess.run([exe, "validate"] + logs + ["--rule-kind", "Sarif;Gh", "--level",
                                                   "Error;Warning;Note", "--output", out],
                       capture_output=True, text=True)
    if not os.path.exists(out):
        sys.exit(f"multitool: the validator wrote no result (exit {r.returncode}):\n"
                 f"{r.stdout}{r.stderr}")
    with open(out, encoding="utf-8-sig") as f:
        validation = json.load(f)
    found = []
    seen = set()
    for run in validation["runs"]:
        for res in run.get("results", []):
            where = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            seen.add(os.path.basename(where))
            if res.get("level", "warning") in ("error", "warning"):
                found.append(f"{where}: {res.get('level', 'warning')} {res['ruleId']}: "
                             f"{res['message'].get('text', res['message'])}")
        for note in run.get("invocations", [{}])[0].get("toolExecutionNotifications", []):
            if note.get("level", "warning") == "error":
                found.append(f"validator error: {note['message']['text']}")
    for log in logs:
        if os.path.basename(log) not in seen:
            found.append(f"{log}: the validator reported nothing on it (could not read it?)")
    return found


def main(binary, source, work, tool_dir=None):
    binary, source, work = map(os.path.abspath, (binary, source, work))
    os.makedirs(work, exist_ok=True)
    exe = multitool(tool_dir or os.path.join(work, "tool"))

    # The validator must catch what is wrong: no $schema, a rule without help, an absolute
    # path as a relative reference, no region (GH1013, GH2012, SARIF1004, SARIF2017).
    bad = os.path.join(work, "bad.sarif")
    with open(bad, "w") as f:
        json.dump({"version": "2.1.0", "runs": [{
            "tool": {"driver": {"name": "x", "version": "1", "rules": [{"id": "R"}]}},
            "results": [{"ruleId": "R", "message": {"text": "m."}, "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": "/abs/file.cpp"}}}]}]}]}, f)
    caught = problems(exe, [bad], work)
    for rule in ("GH1013", "GH2012", "SARIF1004"):
        if not any(rule in p for p in caught):
            sys.exit(f"multitool: the validator missed {rule} in a bad log: {caught}")

    logs = []
    inputs = os.path.join(source, "tests", "inputs")
    for check in sorted(os.listdir(inputs)):
        # Every third input of each check: each kind of finding, note and fix, quickly.
        files = sorted(glob.glob(os.path.join(inputs, check, "*.cpp")))[::3]
        logs.append(leakcheck(binary, os.path.join(work, check + ".sarif"),
                              files + ["--", "-std=c++17"], source))
    with open(os.path.join(work, "unicode.cpp"), "w", encoding="utf-8") as f:
        f.write(UNICODE_INPUT)
    logs.append(leakcheck(binary, os.path.join(work, "unicode.sarif"),
                          ["unicode.cpp", "--", "-std=c++17"], work))
    # A source root above the files, and a clean run.
    logs.append(leakcheck(binary, os.path.join(work, "srcroot.sarif"),
                          ["--srcroot=" + os.path.dirname(work),
                           os.path.join(work, "unicode.cpp"), "--", "-std=c++17"], source))
    # --confirm with a runtime cycle that no static finding names: a finding located in the
    # runtime report itself.
    report = os.path.join(work, "gc.json")
    with open(report, "w") as f:
        json.dump({"tool": "leakcheck-gc", "version": 1, "cycles": [{
            "edges": [{"record": "Xr", "field": "f"}, {"record": "Yr", "field": "g"}],
            "records": [{"record": "Xr", "instances": 1, "bytes": 16},
                        {"record": "Yr", "instances": 1, "bytes": 16}],
            "occurrences": 1, "instances": 2, "bytes": 32}]}, f, indent=2)
    logs.append(leakcheck(binary, os.path.join(work, "confirm.sarif"),
                          ["--confirm=" + report, "unicode.cpp", "--", "-std=c++17"], work))
    # A run where a TU did not compile (invocations with a notification per such TU).
    broken = os.path.join(source, "tests", "order", "broken_tu")
    if os.path.isdir(broken):
        logs.append(leakcheck(binary, os.path.join(work, "broken.sarif"),
                              sorted(glob.glob(os.path.join(broken, "*.cpp"))) +
                              ["--", "-std=c++17"], source))
    logs.append(leakcheck(binary, os.path.join(work, "clean.sarif"),
                          [os.path.join(inputs, "shared-ptr-cycle", "person_car_weak.cpp"),
                           "--", "-std=c++17"], source))

    found = problems(exe, logs, work)
    for p in found:
        print(p)
    results = 0
    for log in logs:
        with open(log, encoding="utf-8") as f:
            results += len(json.load(f)["runs"][0]["results"])
    print(f"multitool {VERSION}: {len(logs)} logs, {results} results, "
          f"{len(found)} errors and warnings (rule kinds Sarif and Gh)")
    return 1 if found else 0


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))

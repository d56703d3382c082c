#!/usr/bin/env python3
"""The whole loop of examples/runtime, as a test: leakcheck flags the cycle statically, the
program run with the debug collector confirms it, `leakcheck --confirm` joins the two; the
weak_ptr twin is quiet on both sides.

Usage: confirm_loop.py <leakcheck> <person_car> <person_car_fixed> <work dir>"""
import json, os, subprocess, sys

leakcheck, leaky, fixed, work = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
include = os.path.join(here, "..", "..", "runtime", "include")
os.makedirs(work, exist_ok=True)


def static(source, *extra):
    p = subprocess.run([leakcheck, "--format=json", *extra, os.path.join(here, source), "--",
                        "-std=c++17", "-I" + include], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    return p.returncode, json.loads(p.stdout)["findings"]


def run_collected(binary, name):
    report = os.path.join(work, name)
    env = dict(os.environ, LEAKCHECK_GC_DEBUG="leak", LEAKCHECK_GC_REPORT=report)
    subprocess.run([binary], env=env, check=True, capture_output=True)
    return report, json.load(open(report))


def cycle_edges(finding):
    return [(e["record"], e["field"]) for e in finding.get("cycle", [])]


# The leak: flagged statically, seen at run time, confirmed by the join.
status, findings = static("person_car.cpp")
cycles = [f for f in findings if f["check"] == "leakcheck-shared-ptr-cycle"]
assert status == 1 and [cycle_edges(f) for f in cycles] == [[("Person", "cars_"), ("Car", "owner")]], findings
report, gc = run_collected(leaky, "person_car.gc.json")
assert gc["cycles"] and gc["collected"] == 6, gc
status, findings = static("person_car.cpp", "--confirm=" + report)
cycles = [f for f in findings if f["check"] == "leakcheck-shared-ptr-cycle"]
assert len(cycles) == 1 and cycles[0]["confirmed"] is True, cycles
assert cycles[0]["runtime"]["instances"] == 6, cycles[0]

# The fix: quiet on both sides, and the join adds nothing.
status, findings = static("person_car_fixed.cpp")
assert status == 0 and findings == [], findings
report, gc = run_collected(fixed, "person_car_fixed.gc.json")
assert gc["cycles"] == [] and gc["collected"] == 0, gc
status, findings = static("person_car_fixed.cpp", "--confirm=" + report)
assert status == 0 and findings == [], findings
print("confirm loop: flagged, confirmed at run time (6 instances); fixed twin quiet")

#!/usr/bin/env python3
"""Runs an example program with the debug collector and checks its JSON report.

check_report.py <program> <report.json> --cycle Person.cars_,Car.owner   expects that cycle
check_report.py <program> <report.json> --no-cycles                      expects none
"""
import argparse
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("program")
    parser.add_argument("report")
    parser.add_argument("--cycle", help="comma-separated Record.field edges, in any order")
    parser.add_argument("--no-cycles", action="store_true")
    args = parser.parse_args()

    if os.path.exists(args.report):
        os.remove(args.report)
    env = dict(os.environ, LEAKCHECK_GC_DEBUG="leak", LEAKCHECK_GC_REPORT=args.report)
    run = subprocess.run([args.program], env=env, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    if run.returncode != 0:
        sys.exit(f"{args.program} exited with {run.returncode}")
    with open(args.report) as f:
        report = json.load(f)
    print(json.dumps(report, indent=2))

    if report.get("tool") != "leakcheck-gc":
        sys.exit("not a leakcheck-gc report")
    cycles = report["cycles"]
    if args.no_cycles:
        if cycles or report["collected"] != 0:
            sys.exit("expected no cycle")
        return
    want = sorted(tuple(e.split(".", 1)) for e in args.cycle.split(","))
    for cycle in cycles:
        got = sorted((e["record"], e["field"]) for e in cycle["edges"])
        if got == want:
            if cycle["instances"] < len(want) or cycle["bytes"] <= 0:
                sys.exit(f"cycle found with implausible counts: {cycle}")
            print(f"confirmed: {args.cycle} ({cycle['instances']} instances)")
            return
    sys.exit(f"cycle {args.cycle} not in the report")


if __name__ == "__main__":
    main()

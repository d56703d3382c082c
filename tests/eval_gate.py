#!/usr/bin/env python3
"""Runs ../shared/eval/score.py and fails below a recall/precision threshold.

Usage: eval_gate.py <leakcheck> <score.py> <threshold> [score.py options]
Exits 77 (ctest: skipped) when the evaluation cases are not there (a checkout without
../shared)."""
import os, re, subprocess, sys

binary, scorer, threshold = sys.argv[1], sys.argv[2], float(sys.argv[3])
if not os.path.exists(scorer):
    print(f"no evaluation cases at {scorer}: skipped")
    sys.exit(77)
p = subprocess.run([sys.executable, scorer, binary] + sys.argv[4:], capture_output=True, text=True)
print(p.stdout, p.stderr)
m = re.search(r"recall=([\d.]+) precision=([\d.]+)", p.stdout)
if not m:
    sys.exit("no score line")
recall, precision = float(m.group(1)), float(m.group(2))
if recall < threshold or precision < threshold:
    sys.exit(f"recall {recall} / precision {precision} below {threshold}")

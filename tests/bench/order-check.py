#!/usr/bin/env python3
"""Order independence on a corpus project: analyses every TU of a compilation database in
its sorted order and in a few random orders (alternating -j1 and -j2), without the fact cache,
and says whether every JSON report (without stats.seconds) is identical to the first.

Usage: order-check.py <leakcheck> <build dir with compile_commands.json> [seed] [orders]
"""
import json, random, subprocess, sys
lc, build = sys.argv[1], sys.argv[2]
db = json.load(open(build + "/compile_commands.json"))
files = sorted({e["file"] if e["file"].startswith("/") else e["directory"] + "/" + e["file"] for e in db})
def run(order, j):
    r = subprocess.run([lc, "-p", build, "--no-cache", "--keep-going", "--format=json", "--fail-on=none", f"-j{j}"] + order,
                       capture_output=True, text=True)
    d = json.loads(r.stdout); del d["stats"]["seconds"]
    return json.dumps(d, indent=1, sort_keys=True), len(d["findings"])
ref, n = run(files, 2)
print(f"{len(files)} TUs, {n} findings in sorted order")
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
same = 0
for k in range(int(sys.argv[4]) if len(sys.argv) > 4 else 3):
    order = files[:]; rnd.shuffle(order)
    out, _ = run(order, 1 + k % 2)
    same += out == ref
    print(f"order {k+1} (-j{1 + k % 2}): {'identical' if out == ref else 'DIFFERENT'}", flush=True)
print(f"{same} of {k+1} random orders identical")

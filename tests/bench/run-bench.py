#!/usr/bin/env python3
"""Benchmarks leakcheck on the corpus (tests/bench/fetch-corpus.sh) and prints a table.

For each project, in one run on one machine:
  floor      the sum of `clang-19 -fsyntax-only` over the project's TUs, with the flags of
             its compile_commands.json (what parsing alone costs)
  leakcheck  `leakcheck -p build -j1` wall time, and its ratio to the floor
  tidy       `clang-tidy-19` with the leakcheck plugin's checks over the same TUs
  -j2        `leakcheck -j2` wall time, and the speed-up over -j1
  RSS        leakcheck -j1 peak RSS vs the largest single `clang -fsyntax-only` peak RSS
  parse -P2  the same `clang -fsyntax-only` commands two at a time: the speed-up the machine
             gives parsing alone, the control for leakcheck's -j2 speed-up

and then the runtime collector's benchmark (tests/bench/runtime/run.sh) in the same run,
unless --no-runtime.

Usage: run-bench.py [--leakcheck build/bin/leakcheck] [--plugin build/lib/libleakcheck-tidy.so]
                    [--projects a,b] [--max-tus N] [--markdown] [--no-runtime]
--max-tus takes every k-th TU so that at most N are measured (the same TUs for every tool).
"""
import argparse, concurrent.futures, json, os, shlex, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def corpus_projects():
    out = subprocess.run(["bash", "-c", f"source {HERE}/corpus.list; echo ${{CORPUS_PROJECTS[@]}}"],
                         capture_output=True, text=True, check=True).stdout.split()
    return out


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS in MB, exit status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.monotonic() - start
        lines = [l for l in open(t.name).read().split("\n") if l.strip().isdigit()]
        rss = int(lines[-1]) / 1024 if lines else 0.0
    return wall, rss, p.returncode


def syntax_only_command(entry, clang, resource_dir):
    """The entry's compiler command as clang -fsyntax-only, with what leakcheck adds."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [clang], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-w", "-Wno-enum-constexpr-conversion",
                  f"-resource-dir={resource_dir}"]


def select(entries, max_tus):
    if not max_tus or len(entries) <= max_tus:
        return entries
    step = len(entries) / max_tus
    return [entries[int(i * step)] for i in range(max_tus)]


def bench(project, corpus, args, resource_dir):
    build = os.path.join(corpus, project, "build")
    entries = json.load(open(os.path.join(build, "compile_commands.json")))
    entries = select(entries, args.max_tus)
    files = [os.path.join(e["directory"], e["file"]) for e in entries]
    row = {"project": project, "tus": len(files)}

    floor, largest, failed = 0.0, 0.0, 0
    for e in entries:
        wall, rss, status = timed(syntax_only_command(e, args.clang, resource_dir), cwd=e["directory"])
        floor += wall
        largest = max(largest, rss)
        failed += status != 0
    row.update(floor=floor, parse_rss=largest, floor_failures=failed)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda e: subprocess.run(syntax_only_command(e, args.clang, resource_dir),
                                               cwd=e["directory"], stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL), entries))
    row["floor_p2"] = time.monotonic() - start

    lc = [args.leakcheck, "-p", build, "--format=json", "--output=/dev/null", "--keep-going", "--no-cache"]
    row["j1"], row["rss"], row["j1_status"] = timed(lc + ["-j1"] + files)
    row["j2"], _, _ = timed(lc + ["-j2"] + files)
    tidy = [args.clang_tidy, f"--load={args.plugin}", "--checks=-*,leakcheck-*", "-p", build,
            "--quiet"] + files
    row["tidy"], _, _ = timed(tidy)
    return row


def print_table(rows, markdown):
    head = ["project", "TUs", "parse floor s", "leakcheck -j1 s", "vs floor", "clang-tidy+plugin s",
            "vs tidy", "-j2 s", "-j2 speed-up", "parse -P2 speed-up", "peak RSS MB", "largest parse MB", "RSS ratio"]
    lines = []
    for r in rows:
        lines.append([r["project"], str(r["tus"]), f"{r['floor']:.1f}", f"{r['j1']:.1f}",
                      f"{r['j1'] / r['floor']:.2f}x", f"{r['tidy']:.1f}", f"{r['j1'] / r['tidy']:.2f}x",
                      f"{r['j2']:.1f}", f"{r['j1'] / r['j2']:.2f}x",
                      f"{r['floor'] / r['floor_p2']:.2f}x", f"{r['rss']:.0f}",
                      f"{r['parse_rss']:.0f}", f"{r['rss'] / r['parse_rss']:.2f}x"])
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for l in lines:
            print("| " + " | ".join(l) + " |")
    else:
        widths = [max(len(x) for x in col) for col in zip(head, *lines)]
        for l in [head] + lines:
            print("  ".join(x.rjust(w) for x, w in zip(l, widths)))
    for r in rows:
        if r["floor_failures"] or r["j1_status"] not in (0, 1):
            print(f"note: {r['project']}: {r['floor_failures']} TUs failed clang -fsyntax-only; "
                  f"leakcheck exit {r['j1_status']}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--leakcheck", default=os.path.join(ROOT, "build/bin/leakcheck"))
    ap.add_argument("--plugin", default=os.path.join(ROOT, "build/lib/libleakcheck-tidy.so"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("--projects", default="")
    ap.add_argument("--max-tus", type=int, default=0)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--no-runtime", action="store_true")
    args = ap.parse_args()
    corpus = os.environ.get("LEAKCHECK_CORPUS", os.path.expanduser("~/.cache/leakcheck-corpus"))
    resource_dir = subprocess.run([args.clang, "-print-resource-dir"], capture_output=True,
                                  text=True, check=True).stdout.strip()
    projects = args.projects.split(",") if args.projects else corpus_projects()
    rows = []
    for p in projects:
        print(f"bench: {p} ...", file=sys.stderr, flush=True)
        rows.append(bench(p, corpus, args, resource_dir))
    print_table(rows, args.markdown)
    if not args.no_runtime:
        print(f"bench: runtime collector ...", file=sys.stderr, flush=True)
        build = os.path.dirname(os.path.dirname(os.path.abspath(args.leakcheck)))
        runtime = subprocess.run([os.path.join(HERE, "runtime", "run.sh"), build],
                                 capture_output=True, text=True)
        print("\nRuntime collector (tests/bench/runtime/run.sh):\n")
        print(runtime.stdout.rstrip() if runtime.returncode == 0 else
              f"not run: {runtime.stderr.strip()}")


if __name__ == "__main__":
    main()

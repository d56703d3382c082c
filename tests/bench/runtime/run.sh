#!/usr/bin/env bash
# Runs the runtime collector benchmark and CPython's on the same graph shape, and prints
# a table of ratios. Usage: tests/bench/runtime/run.sh [build-dir] [objects] [ring]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../../build}
objects=${2:-1000000}
ring=${3:-10}
bench=$build/bin/bench_runtime
[ -x "$bench" ] || { echo "run.sh: $bench not built (cmake --build $build --target bench_runtime)" >&2; exit 2; }

cpp=$("$bench" --objects "$objects" --ring "$ring")
py=$(python3 "$here/gc_bench.py" "$objects" "$ring")
value() { awk -v k="$2" '$1 == k { print $2 }' <<<"$1"; }

printf '%s objects in rings of %s; C++: %s, %s\n\n' "$objects" "$ring" \
  "$(${CXX:-c++} --version 2>/dev/null | head -1 || echo '?')" "$(value "$py" python) (CPython)"
printf '%-44s %12s %12s %8s\n' "measurement" "leakcheck" "baseline" "ratio"
row() {  # name, ours, theirs, unit
  printf '%-44s %10s%s %10s%s %7.2fx\n' "$1" "$2" "$4" "$3" "$4" "$(awk -v a="$2" -v b="$3" 'BEGIN { print a / b }')"
}
row "make_tracked vs std::make_shared (per object)" "$(value "$cpp" make_tracked_ns)" "$(value "$cpp" make_shared_ns)" ns
row "  same, 1000 objects live at a time" "$(value "$cpp" make_tracked_small_ns)" "$(value "$cpp" make_shared_small_ns)" ns
row "  automatic collection on vs off" "$(value "$cpp" make_tracked_auto_ns)" "$(value "$cpp" make_tracked_ns)" ns
row "  CPython: allocation with gc on vs off" "$(value "$py" alloc_gc_on_ns)" "$(value "$py" alloc_gc_off_ns)" ns
row "full collection, rings reachable vs CPython" "$(value "$cpp" collect_reachable_s)" "$(value "$py" collect_reachable_s)" s
row "full collection, rings garbage vs CPython" "$(value "$cpp" collect_garbage_s)" "$(value "$py" collect_garbage_s)" s
printf '\nunreachable found: leakcheck %s, CPython %s\n' "$(value "$cpp" collect_garbage_found)" "$(value "$py" collect_garbage_found)"

#!/usr/bin/env python3
"""CPython's side of the runtime benchmark: the same graph shape as bench_runtime.cpp
(N objects in rings of R, each holding the next), timed with gc.collect() while the
rings are reachable and after they were dropped. Prints "name value" lines."""
import gc
import sys
import time


class Node:
    __slots__ = ("next",)


def build_rings(n, ring):
    heads = []
    for _ in range(0, n, ring):
        head = Node()
        last = head
        for _ in range(1, ring):
            last.next = Node()
            last = last.next
        last.next = head
        heads.append(head)
    return heads


def allocation_ns(objects, runs, enabled):
    """Per-object time to create `objects` tracked objects kept alive, then drop them."""
    best = float("inf")
    for _ in range(runs):
        gc.enable() if enabled else gc.disable()
        start = time.perf_counter()
        kept = [Node() for _ in range(objects)]
        kept = None
        best = min(best, time.perf_counter() - start)
        gc.disable()
        gc.collect()
    return best * 1e9 / objects


def main():
    objects = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    ring = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    gc.disable()
    reachable = garbage = float("inf")
    for _ in range(runs):
        heads = build_rings(objects, ring)
        gc.collect()
        start = time.perf_counter()
        found_reachable = gc.collect()
        reachable = min(reachable, time.perf_counter() - start)
        heads = None
        start = time.perf_counter()
        found_garbage = gc.collect()
        garbage = min(garbage, time.perf_counter() - start)
    print(f"python {sys.version.split()[0]}")
    print(f"alloc_gc_off_ns {allocation_ns(objects, runs, False):.1f}")
    print(f"alloc_gc_on_ns {allocation_ns(objects, runs, True):.1f}")
    print(f"collect_reachable_s {reachable:.4f}")
    print(f"collect_reachable_found {found_reachable}")
    print(f"collect_garbage_s {garbage:.4f}")
    print(f"collect_garbage_found {found_garbage}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares `rehost scan` with `clang -fsyntax-only` and clang-tidy, side by side.

Parsing is the floor for any Clang tool, so the figure that matters is the ratio
to `clang -fsyntax-only` on the same files, measured in interleaved rounds (the
machine is noisy). Run by hand:  bench/scan_speed.py build/bin/rehost [FILES] [ROUNDS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

REHOST = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/bin/rehost")
FILES = int(sys.argv[2]) if len(sys.argv) > 2 else 20
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 5

SOURCE = """#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <time.h>
static const char *const kHost = "cache-%(n)d.internal";
redisContext *connect_%(n)d(int argc, char **argv) {
  if (argc > 2) return redisConnect(argv[1], atoi(argv[2]));
  return redisConnect(kHost, 6379 + %(n)d);
}
"""


def run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n in range(FILES):
            path = os.path.join(tmp, f"unit{n}.c")
            with open(path, "w") as f:
                f.write(SOURCE % {"n": n})
            files.append(path)
        modes = {
            "clang-14 -fsyntax-only": lambda: sum(run(["clang-14", "-fsyntax-only", "-w", f]) for f in files),
            "rehost scan": lambda: run([REHOST, "scan", *files, "--"]),
            "clang-tidy-14 (one check)": lambda: run(
                ["clang-tidy-14", "-checks=-*,readability-delete-null-pointer", "--quiet", *files, "--"]),
        }
        times = {name: [] for name in modes}
        for _ in range(ROUNDS):
            for name, fn in modes.items():  # interleaved: each round runs every mode
                times[name].append(fn())
        base = statistics.median(times["clang-14 -fsyntax-only"])
        print(f"{FILES} files, {ROUNDS} interleaved rounds, median wall time")
        for name, samples in times.items():
            med = statistics.median(samples)
            print(f"  {name:<28} {med:7.3f} s  {med / FILES * 1000:6.1f} ms/file  x{med / base:.2f} of clang")


if __name__ == "__main__":
    main()

"""Compares the CPU time of two rehost builds on the synthetic repositories.

What a change costs a whole scan (issue 25: the summary pass over a plain
scan): `rehost scan -p REPO -j1` with each binary, interleaved, on the C/C++
mix and the C server of bench/synthetic_repo.py at N units; prints the median
CPU time (user + system of the process) of each and the difference.

    python3 bench/compare_builds.py --base OLD/bin/rehost --new build/bin/rehost
"""
import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_repo  # noqa: E402


def cpu_seconds(binary, database):
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execv(binary, [binary, "scan", "-p", database, "-j1", "--format", "json", "-o", os.devnull])
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the rehost binary before the change")
    ap.add_argument("--new", required=True, help="the rehost binary after it")
    ap.add_argument("--units", type=int, default=2000, help="synthetic repository size")
    ap.add_argument("--rounds", type=int, default=9, help="interleaved rounds; the median is shown")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, database in synthetic_repo.generate_both(tmp, args.units):
            times = {"base": [], "new": []}
            for _ in range(args.rounds):
                for which in times:
                    times[which].append(cpu_seconds(getattr(args, which), database))
            base, new = statistics.median(times["base"]), statistics.median(times["new"])
            print(f"{name}: base {base:.2f} s CPU, new {new:.2f} s CPU, {100 * (new / base - 1):+.1f}%")


if __name__ == "__main__":
    main()

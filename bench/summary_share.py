"""The share of a scan's CPU time that the derived-site analysis takes.

Issue 25's goal: the summary pass costs under 5% over a plain scan. A build
without it does not exist, so this attributes a profile instead:
`perf record` of `rehost scan -p REPO -j1` on both synthetic repositories
(bench/synthetic_repo.py, N units), then the share of samples whose stack
holds each part of the pass:

- phase one's flows (FlowCollector: edges, sources and uses per unit);
- the identifier sets the pre-filter keeps for the pass by names;
- the pass by names itself (which units spell a wrapper's name);
- phase two (the sinks resolved, derived sites, password masking).

    python3 bench/summary_share.py --rehost build/bin/rehost [--units 2000]
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_repo  # noqa: E402

# Each part of the pass, by the functions its samples run under.
PARTS = {
    "phase one: flows": ("FlowVisitor", "FlowRecorder", "collectFlows"),
    "pre-filter: identifier sets": ("notedIdentifier",),
    "pass by names": ("unitsNaming", "parseUnitsNamed"),
    "phase two: sinks, derived sites, masking": (
        "resolveSinks", "derivedSites", "maskHandedCredentials", "ReachedUses"),
}


def shares(rehost, database, workdir):
    data = os.path.join(workdir, "perf.data")
    subprocess.run(["perf", "record", "-q", "-F", "1000", "-e", "cpu-clock",
                    "--call-graph", "dwarf,16384", "-o", data, "--", rehost,
                    "scan", "-p", database, "-j1", "--format", "json",
                    "-o", os.devnull], stderr=subprocess.DEVNULL)  # 1: findings
    script = subprocess.run(["perf", "script", "--no-inline", "-i", data,
                             "-F", "ip,sym"],
                            check=True, capture_output=True, text=True,
                            errors="replace", stdin=subprocess.DEVNULL).stdout
    samples = [s for s in script.split("\n\n") if s.strip()]
    counts = collections.Counter()
    for sample in samples:
        parts = [part for part, names in PARTS.items()
                 if any(name in sample for name in names)]
        counts.update(parts)
        counts["all"] += bool(parts)
    return len(samples), counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rehost", required=True, help="the rehost binary")
    ap.add_argument("--units", type=int, default=2000,
                    help="synthetic repository size")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, database in synthetic_repo.generate_both(tmp, args.units):
            total, counts = shares(os.path.abspath(args.rehost), database, tmp)
            print(f"{name}: {total} samples")
            for part in PARTS:
                print(f"  {part}: {100 * counts[part] / total:.1f}%")
            print(f"  the pass in all (goal < 5%): "
                  f"{100 * counts['all'] / total:.1f}%")


if __name__ == "__main__":
    main()

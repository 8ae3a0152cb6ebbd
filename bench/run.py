#!/usr/bin/env python3
"""rehost's scan benchmark: one command, run by hand, never a timed test.

Times, side by side and in interleaved rounds (the machines are noisy; the table
shows the median of the rounds), on synthetic repositories of N units with 2% Redis
users (bench/synthetic_repo.py: a C/C++ service mix, and with --c-server a large C
server with a vendored hiredis) and on examples/services:
  - clang-14 -fsyntax-only on every unit, one process per unit, with its own flags:
    the parse, which is the floor for any Clang tool;
  - clang-tidy-14 with one cheap check over all files in one process, as users run it;
  - clang-scan-deps-14 over the same database, one thread: the stock dependency
    scanner, the yardstick for the pre-filter's cost per skipped unit;
  - rehost scan at -j 1 and -j 2, and with --no-prefilter (rows whose flags the
    binary lacks are skipped, and the output says so);
  - rehost scan --prefilter=exact -j 1: the pre-filter of Clang's dependency scanner
    alone (before issue 27), beside the default that reads each file's facts once;
    both must parse the same units (checked on every run, from --facts-out);
  - rehost scan --cache -j 1, cold (no .rehost-cache/) and warm (the cache of the
    previous run on the unchanged repository);
  - the same tools on only the units that use Redis, where a pre-filter cannot help.
Peak RSS is the largest of any one process of a row. See docs/performance.md.

  bench/run.py [--quick] [--sizes 200,2000] [--rounds 3] [--rehost PATH]
               [--c-server] [--no-mix] [--skip REGEX] [--keep DIR] [--markdown FILE]
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic_repo  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLANG = "clang-14"
TIDY = "clang-tidy-14"
TIDY_CHECK = "-checks=-*,misc-definitions-in-headers"
SCAN_DEPS = "clang-scan-deps-14"
USERS_PCT = 2.0
SEED = 14
USERS = "Redis users only: "  # the prefix of the users-only rows' names


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- projects

@dataclass
class Project:
    label: str  # the table's column name
    cwd: str  # where the tools run: the project root, so its headers are "project" headers
    build_dir: str  # holds compile_commands.json
    entries: list  # (directory, argv, absolute file) per database entry
    users: list  # absolute paths of the units that use Redis
    expected: set = None  # project-relative paths that must hold findings, if known
    all_users: bool = False  # every unit uses Redis: the "users only" rows would repeat


def load_entries(build_dir):
    """The database's entries as (directory, argv, absolute file)."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    out = []
    for e in db:
        argv = e.get("arguments") or shlex.split(e["command"])
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        out.append((e["directory"], argv, path))
    return out


def synthetic_project(parent, n):
    root = os.path.join(parent, f"repo-{n}")
    progress(f"generating {n} units in {root}")
    units = synthetic_repo.generate(root, n, seed=SEED, users_pct=USERS_PCT)
    users = [u for u in units if u.redis]
    # Sites are reported where they are spelled: a direct call or a macro expansion
    # in the unit itself, and the static inline function once in include/app/cache.h.
    expected = {u.path for u in users if u.redis in ("direct", "macro")}
    if any(u.redis != "direct" for u in users):
        expected.add(synthetic_repo.CACHE_HEADER[0])
    return Project(f"N={n}", root, os.path.join(root, "build"), load_entries(os.path.join(root, "build")),
                   [os.path.join(root, u.path) for u in users], expected)


def c_server_project(parent, n):
    root = os.path.join(parent, f"c-server-{n}")
    progress(f"generating a C server of {n} units in {root}")
    units = synthetic_repo.generate_c_server(root, n, seed=SEED)
    users = [u for u in units if u.redis]
    return Project(f"C N={n}", root, os.path.join(root, "build"), load_entries(os.path.join(root, "build")),
                   [os.path.join(root, u.path) for u in users], {u.path for u in users})


def example_project(parent):
    """examples/services with a database from its own CMake, configured in a temp dir
    (scripts/demo.sh does the same in its copy); nothing is built."""
    src = os.path.join(ROOT, "examples", "services")
    build = os.path.join(parent, "example-build")
    progress(f"configuring {src} into {build}")
    subprocess.run(["cmake", "-S", src, "-B", build, "-G", "Ninja"], check=True,
                   stdout=subprocess.DEVNULL)
    entries = load_entries(build)
    return Project("example", src, build, entries, [e[2] for e in entries], all_users=True)


# ---------------------------------------------------------------- measuring

def measure_rusage(argv, cwd):
    """Runs one process; returns (wall seconds, peak RSS KiB, exit status, stderr, CPU
    seconds: user + system, the figure a loaded machine disturbs least).
    os.wait4 gives the child's own rusage, the number /usr/bin/time -f %M prints,
    without an extra process per measurement."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return (elapsed, usage.ru_maxrss, proc.returncode, err.read().decode(errors="replace"),
                usage.ru_utime + usage.ru_stime)


def syntax_only_argv(argv):
    """A database command turned into `clang-14 -fsyntax-only` with the same flags."""
    out, skip = [CLANG, "-fsyntax-only"], False
    for arg in argv[1:]:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif arg != "-c" and not arg.startswith("-o"):
            out.append(arg)
    return out


@dataclass
class Row:
    name: str
    group: str  # "all" units or "users" only: ratios compare rows of one group
    commands: object  # fn(project, report path) -> [(argv, cwd)], run one after another
    needs: tuple = ()  # rehost flags the row needs
    only_without: tuple = ()  # shown only when the binary lacks these flags
    rehost: bool = False  # its report is checked
    prepare: object = None  # fn(project), run untimed before the row's commands


def clang_row(name, group):
    def commands(p, _report):
        wanted = set(p.users) if group == "users" else None
        return [(syntax_only_argv(argv), d) for d, argv, f in p.entries if wanted is None or f in wanted]
    return Row(name, group, commands)


def tidy_row(name, group):
    def commands(p, _report):
        files = p.users if group == "users" else [e[2] for e in p.entries]
        return [([TIDY, "-p", p.build_dir, TIDY_CHECK, "--quiet", *files], p.cwd)]
    return Row(name, group, commands)


def scan_deps_row(name):
    def commands(p, _report):
        return [([SCAN_DEPS, "-compilation-database", os.path.join(p.build_dir, "compile_commands.json"),
                  "-j", "1"], p.cwd)]
    return Row(name, "all", commands)


def rehost_row(name, group, flags, needs=(), only_without=(), prepare=None):
    def commands(p, report):
        files = p.users if group == "users" else []
        # The report goes to a file rather than /dev/null so that every run's findings
        # can be checked: a fast pre-filter that drops a site is a bug, not a result.
        argv = [REHOST, "scan", "-p", p.build_dir, "--format", "json", "-o", report, *flags, *files]
        # And the facts, so that every pre-filter's parsed units can be compared.
        if group == "all" and "--no-prefilter" not in flags and "--facts-out" in FLAGS:
            argv += ["--facts-out", report + ".facts"]
        return [(argv, p.cwd)]
    return Row(name, group, commands, needs, only_without, rehost=True, prepare=prepare)


def cache_dir(p):
    return os.path.join(p.cwd, ".rehost-cache")


def cold_cache(p):
    shutil.rmtree(cache_dir(p), ignore_errors=True)


def warm_cache(p):
    """The warm row times a run on the cache an earlier run left: made here if the
    cold row did not run (or failed) before it."""
    if not os.path.exists(os.path.join(cache_dir(p), "prefilter-facts")):
        subprocess.run([REHOST, "scan", "-p", p.build_dir, "--cache", "-j", "1", "-o", os.devnull,
                        "--quiet"], cwd=p.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


REHOST = None  # set in main()
FLAGS = set()  # the flags REHOST knows, set in main()

ROWS = [
    clang_row("clang-14 -fsyntax-only, per unit", "all"),
    tidy_row("clang-tidy-14, one check", "all"),
    scan_deps_row("clang-scan-deps-14 -j 1"),
    rehost_row("rehost scan (no -j, no --no-prefilter)", "all", [], only_without=("-j",)),
    rehost_row("rehost scan -j 1", "all", ["-j", "1"], needs=("-j",)),
    rehost_row("rehost scan -j 2", "all", ["-j", "2"], needs=("-j",)),
    rehost_row("rehost scan --prefilter=exact -j 1", "all", ["--prefilter=exact", "-j", "1"],
               needs=("-j", "--prefilter")),
    rehost_row("rehost scan --cache -j 1, cold", "all", ["--cache", "-j", "1"],
               needs=("-j", "--cache"), prepare=cold_cache),
    rehost_row("rehost scan --cache -j 1, warm", "all", ["--cache", "-j", "1"],
               needs=("-j", "--cache"), prepare=warm_cache),
    rehost_row("rehost scan --no-prefilter -j 1", "all", ["--no-prefilter", "-j", "1"],
               needs=("-j", "--no-prefilter")),
    # With the pre-filter, a 2% repository leaves only a few units to parse: -j
    # scaling shows on the parse of every unit.
    rehost_row("rehost scan --no-prefilter -j 2", "all", ["--no-prefilter", "-j", "2"],
               needs=("-j", "--no-prefilter")),
    clang_row(USERS + "clang-14 -fsyntax-only", "users"),
    tidy_row(USERS + "clang-tidy-14", "users"),
    rehost_row(USERS + "rehost scan", "users", [], only_without=("-j",)),
    rehost_row(USERS + "rehost scan -j 1", "users", ["-j", "1"], needs=("-j",)),
]


def rehost_flags(rehost):
    """Which of the new flags `rehost scan --help` lists (--prefilter is hidden: it is
    known when the binary takes it)."""
    out = subprocess.run([rehost, "scan", "--help"], capture_output=True, text=True).stdout
    flags = {flag for flag in ("-j", "--no-prefilter", "--cache", "--facts-out")
             if re.search(rf"(?<![\w-]){flag}\b", out)}
    if subprocess.run([rehost, "scan", "--prefilter=exact", "--help"], capture_output=True).returncode == 0:
        flags.add("--prefilter")
    return flags


def run_row(row, project, report):
    """Times one row on one project: (total seconds, peak KiB, CPU seconds), or None if a
    run failed."""
    total, peak, cpu = 0.0, 0, 0.0
    if row.prepare:
        row.prepare(project)
    commands = row.commands(project, report)
    for i, (argv, cwd) in enumerate(commands):
        if i and i % 250 == 0:  # the per-unit rows take minutes at N=2000
            progress(f"    {i}/{len(commands)} units, {total:.0f} s")
        result = measure_with_retry(argv, cwd, (0, 1) if row.rehost else (0,), 5 if row.rehost else 1)
        if result is None:
            return None
        total += result[0]
        peak = max(peak, result[1])
        cpu += result[2]
    return total, peak, cpu


def measure_with_retry(argv, cwd, ok, attempts):
    """rehost is retried: the binary may be mid-link while another engineer rebuilds
    it. A failed attempt's time is dropped; the retry starts its clock afresh."""
    for _ in range(attempts):
        try:
            secs, kib, status, err, cpu = measure_rusage(argv, cwd)
        except OSError as e:  # ETXTBSY or ENOENT while the binary is being replaced
            status, err = -1, str(e)
        if status in ok:
            return secs, kib, cpu
        progress(f"  {shlex.join(argv[:3])} ...: exit {status}: {err.strip()[-300:]}")
        time.sleep(5)
    return None


def findings_of(report):
    """(project-relative path, line, column) of every finding, and the error count."""
    with open(report) as f:
        data = json.load(f)
    sites = {(f["path"], x["line"], x["column"]) for f in data["files"] for x in f["findings"]}
    return sites, data["summary"]["files_with_errors"]


def parsed_units(facts):
    """The units a run parsed (not pre-filtered), from its --facts-out file."""
    with open(facts) as f:
        return {u["main_file"] for u in json.load(f)["units"] if not u["pre_filtered"]}


def check_report(row, project, report, seen):
    """Every rehost row of a project and group must find the same sites, and on a
    synthetic repository exactly in the files the generator put them in; every row
    with a pre-filter must parse the same units (the fast one's against the exact
    one's: issue 27's proof of equality)."""
    if not os.path.exists(report):
        progress(f"  CHECK FAILED: {row.name} on {project.label}: no report written")
        return False
    sites, errors = findings_of(report)
    problems = []
    if os.path.exists(report + ".facts"):
        parsed = parsed_units(report + ".facts")
        os.remove(report + ".facts")
        key = (project.label, "parsed")
        if key in seen and seen[key][1] != parsed:
            first = seen[key]
            problems.append(f"parsed units differ from {first[0]}'s: only here "
                            f"{sorted(parsed - first[1])[:5]}, only there {sorted(first[1] - parsed)[:5]}")
        seen.setdefault(key, (row.name, parsed))
    if errors:
        problems.append(f"{errors} files with errors")
    if project.expected is not None and {s[0] for s in sites} != project.expected:
        problems.append(f"findings in {sorted({s[0] for s in sites})}, expected {sorted(project.expected)}")
    key = (project.label, row.group)
    if key in seen and seen[key][1] != sites:
        problems.append(f"sites differ from {seen[key][0]}")
    seen.setdefault(key, (row.name, sites))
    for p in problems:
        progress(f"  CHECK FAILED: {row.name} on {project.label}: {p}")
    return not problems


def run_rounds(rows, projects, rounds, scratch):
    """Every round runs every row on every project, so noise hits all rows alike."""
    samples = {}  # (row name, project label) -> [(seconds, KiB)]
    failed, seen = set(), {}
    for r in range(rounds):
        for p in projects:
            for row in rows:
                if row.group == "users" and p.all_users:
                    continue
                if row.prepare and p.expected is None:
                    continue  # the cache rows would write into the example's source tree
                report = os.path.join(scratch, "report.json")
                if os.path.exists(report):  # so a run that writes none cannot pass the check
                    os.remove(report)
                progress(f"[round {r + 1}/{rounds}] {p.label:<8} {row.name} ...")
                result = run_row(row, p, report)
                if result is None or (row.rehost and not check_report(row, p, report, seen)):
                    failed.add((row.name, p.label))
                    continue
                samples.setdefault((row.name, p.label), []).append(result)
                progress(f"    {result[0]:8.2f} s  {result[1] / 1024:6.0f} MiB  {result[2]:8.2f} s CPU")
    return samples, failed


def samples_from_log(path):
    """The samples run_rounds() printed as progress: (samples, failed)."""
    samples, failed, current = {}, set(), None
    with open(path) as f:
        for line in f:
            m = re.match(r"\[round \d+/\d+\] (.{8}) (.*) \.\.\.$", line.rstrip("\n"))
            if m:
                current = (m.group(2), m.group(1).strip())
                continue
            m = re.match(r"\s+([\d.]+) s\s+(\d+) MiB(?:\s+([\d.]+) s CPU)?$", line)
            if m and current:
                cpu = float(m.group(3)) if m.group(3) else None
                samples.setdefault(current, []).append((float(m.group(1)), int(m.group(2)) * 1024, cpu))
                current = None
            elif "CHECK FAILED" in line and current:
                failed.add(current)
    return samples, failed


# ---------------------------------------------------------------- the table

def medians(samples):
    def cpu(v):
        return None if any(x[2] is None for x in v) else statistics.median(x[2] for x in v)
    return {k: (statistics.median(x[0] for x in v), max(x[1] for x in v), cpu(v)) for k, v in samples.items()}


def baseline(rows, group, prefix):
    """The group's row named by prefix; None when it was left out (--skip)."""
    return next((r.name for r in rows if r.group == group and r.name.removeprefix(USERS).startswith(prefix)),
                None)


def table(rows, projects, med, failed):
    labels = [p.label for p in projects]

    def cell(row, label, fmt):
        if (row.name, label) in failed:
            return "failed"
        return fmt(med[(row.name, label)]) if (row.name, label) in med else "–"

    def ratio(row, base_prefix):
        base = baseline(rows, row.group, base_prefix)
        parts = []
        for label in labels:
            a, b = med.get((row.name, label)), med.get((base, label))
            parts.append(f"{a[0] / b[0]:.2f}" if a and b else "–")
        return " / ".join(parts)

    head = ["tool / mode"] + [f"{l} time (s)" for l in labels] + [
        f"CPU s, user + system ({' / '.join(labels)})",
        f"peak RSS MiB ({' / '.join(labels)})", "time ÷ clang-tidy", "time ÷ clang -fsyntax-only"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        times = [cell(row, l, lambda v: f"{v[0]:.2f}") for l in labels]
        rss = " / ".join(cell(row, l, lambda v: f"{v[1] / 1024:.0f}") for l in labels)
        cpu = " / ".join(cell(row, l, lambda v: "–" if v[2] is None else f"{v[2]:.2f}") for l in labels)
        lines.append("| " + " | ".join([row.name, *times, cpu, rss, ratio(row, "clang-tidy"),
                                        ratio(row, "clang-14 -fsyntax-only")]) + " |")
    return "\n".join(lines)


def goals(rows, projects, med):
    """The issue's goals, checked on the largest synthetic repository of each shape."""
    out = []
    for shape in ("N=", "C N="):
        synth = [p for p in projects if p.expected is not None and p.label.startswith(shape)]
        if synth:
            out += goals_on(rows, synth[-1], med)
    return out


def goals_on(rows, project, med):
    label = project.label
    names = {r.name for r in rows}

    def t(name, i=0):
        v = med.get((name, label))
        return v[i] if v else None

    j1 = "rehost scan -j 1" if "rehost scan -j 1" in names else "rehost scan (no -j, no --no-prefilter)"
    j1_users = USERS + j1 if USERS + j1 in names else USERS + "rehost scan"
    out = []

    def goal(text, value, ok=None):
        if value is not None:
            verdict = "" if ok is None else f" ({'met' if ok(value) else 'not met'})"
            out.append(f"- {text}: **{value:.3f}**{verdict}")

    a, b = t(j1_users), t(USERS + "clang-14 -fsyntax-only")
    goal(f"{label}, Redis users only: `{j1_users.removeprefix(USERS)}` ÷ clang -fsyntax-only, goal ≤ 1.15",
         a / b if a and b else None, lambda v: v <= 1.15)
    a, b = t("clang-tidy-14, one check"), t(j1)
    goal(f"{label}: clang-tidy ÷ `{j1}`, goal ≥ 10", a / b if a and b else None, lambda v: v >= 10)
    # What the pre-filter costs a unit it skips: the run less the parse of the users
    # (the users-only run), over the units it skipped.
    skipped = len(project.entries) - len(project.users)
    a, b = t(j1), t(j1_users)
    goal(f"{label}: ms per skipped unit, (`{j1}` − users only) ÷ {skipped} skipped units, goal ≤ 1",
         1000 * (a - b) / skipped if a and b and skipped else None, lambda v: v <= 1)
    a, b = t("rehost scan --prefilter=exact -j 1"), t(j1_users)
    goal(f"{label}: ms per skipped unit with `--prefilter=exact` (the dependency scanner alone), for comparison",
         1000 * (a - b) / skipped if a and b and skipped else None)
    a, b = t(j1, 2), t(j1_users, 2)
    goal(f"{label}: CPU ms (user + system) per skipped unit, (`{j1}` − users only) ÷ {skipped}, goal ≤ 1",
         1000 * (a - b) / skipped if a and b and skipped else None, lambda v: v <= 1)
    a = t("clang-scan-deps-14 -j 1")
    goal(f"{label}: clang-scan-deps-14 -j 1, ms per unit (the pre-filter's cost should be below it)",
         1000 * a / len(project.entries) if a else None)
    a = t("clang-scan-deps-14 -j 1", 2)
    goal(f"{label}: clang-scan-deps-14 -j 1, CPU ms per unit",
         1000 * a / len(project.entries) if a else None)
    a, b = t("rehost scan --cache -j 1, warm"), t("rehost scan --cache -j 1, cold")
    goal(f"{label}: warm ÷ cold run with `--cache`, goal ≤ 0.2", a / b if a and b else None, lambda v: v <= 0.2)
    a, b = t("rehost scan --cache -j 1, warm", 2), t("rehost scan --cache -j 1, cold", 2)
    goal(f"{label}: warm ÷ cold CPU time with `--cache`", a / b if a and b else None, lambda v: v <= 0.2)
    near = min(2, os.cpu_count())
    for mode in ("rehost scan", "rehost scan --no-prefilter"):
        a, b = t(f"{mode} -j 1"), t(f"{mode} -j 2")
        goal(f"{label}: `{mode}` `-j 1` ÷ `-j 2` (speed-up), goal near {near}",
             a / b if a and b else None, lambda v: v >= 0.9 * near)
    # One parse: the largest unit's clang, or the largest user's when the per-unit row
    # over every unit was left out (--skip).
    one = "clang-14 -fsyntax-only, per unit"
    one = one if t(one) else USERS + "clang-14 -fsyntax-only"
    a, b = t(j1, 1), t(one, 1)
    goal(f"{label}: peak RSS of `{j1}` ÷ the largest `{one}`, goal ≤ 1.5",
         a / b if a and b else None, lambda v: v <= 1.5)
    return out


def two_way_speedup():
    """The ceiling for `-j 2` right now: the throughput of two busy processes at once
    over that of one. The machine's other load (another build) can leave one core of
    two, and then -j 2 cannot be faster than -j 1 whatever rehost does."""
    busy = [sys.executable, "-c", "sum(range(30_000_000))"]

    def wall(count):
        start = time.perf_counter()
        for proc in [subprocess.Popen(busy) for _ in range(count)]:
            proc.wait()
        return time.perf_counter() - start
    return 2 * wall(1) / wall(2)


def header(rehost, flags, rounds, load):
    git = ["git", "-C", os.path.dirname(rehost)]
    commit = subprocess.run(git + ["log", "-1", "--format=%h"], capture_output=True, text=True).stdout.strip()
    # The binary may be built from a work tree with edits not yet committed.
    dirty = subprocess.run(git + ["status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    commit = (commit or "unknown") + (" plus uncommitted changes" if dirty else "")
    missing = [f for f in ("-j", "--no-prefilter", "--prefilter", "--cache") if f not in flags]
    lines = [f"Machine: {os.cpu_count()} cores (os.cpu_count()); load average at start {load:.2f}; "
             f"two busy processes at once had {two_way_speedup():.2f}x the throughput of one (the ceiling for -j 2).",
             f"rehost: `{rehost}` (commit {commit} of the checkout holding it).",
             f"Median wall time of {rounds} interleaved round(s); peak RSS is the largest one process of a row. "
             f"Ratio and RSS cells list the columns in order; ratios of the users-only rows are against "
             f"the users-only baselines."]
    if missing:
        lines.append(f"Skipped: rows needing {', '.join(f'`{m}`' for m in missing)} "
                     f"(`rehost scan --help` does not list them).")
    return lines


# ---------------------------------------------------------------- main

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="200,2000", help="synthetic repository sizes (units), comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the table shows the median")
    ap.add_argument("--rehost", default=os.path.join(ROOT, "build", "bin", "rehost"), help="the binary to time")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temp dir, removed)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    ap.add_argument("--no-example", action="store_true", help="skip examples/services")
    ap.add_argument("--c-server", action="store_true",
                    help="also a C server of each size with a vendored hiredis (synthetic_repo.generate_c_server)")
    ap.add_argument("--no-mix", action="store_true",
                    help="no C/C++ service mix (with --c-server: the C server alone)")
    ap.add_argument("--skip", metavar="REGEX", help="leave out the rows whose name REGEX searches")
    ap.add_argument("--from-log", metavar="FILE",
                    help="no runs: the table of the figures an earlier run printed to standard error "
                         "(the same options, and --keep to regenerate its repositories)")
    ap.add_argument("--quick", action="store_true", help="N=200 only, one round")
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.rounds = "200", 1
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.rehost = os.path.abspath(args.rehost)
    return args


def main():
    global REHOST
    args = parse_args()
    REHOST = args.rehost
    for tool in (CLANG, TIDY, SCAN_DEPS, "cmake", REHOST):
        if not shutil.which(tool):
            sys.exit(f"run.py: {tool} not found (build rehost first, or pass --rehost PATH)")
    flags = rehost_flags(REHOST)
    FLAGS.update(flags)
    rows = [r for r in ROWS if all(f in flags for f in r.needs)
            and not (r.only_without and all(f in flags for f in r.only_without))
            and not (args.skip and re.search(args.skip, r.name))]
    # Described before the run: the binary and its checkout may change during it.
    about = (header(REHOST, flags, args.rounds, os.getloadavg()[0]) if not args.from_log else
             [f"Figures re-read from {args.from_log}: the machine's load and the binary are those of "
              f"that run, not described here."])
    mtime = os.stat(REHOST).st_mtime
    scratch = args.keep or tempfile.mkdtemp(prefix="rehost-bench-")
    os.makedirs(scratch, exist_ok=True)
    try:
        projects = [] if args.no_mix else [synthetic_project(scratch, n) for n in args.sizes]
        if args.c_server:
            projects += [c_server_project(scratch, n) for n in args.sizes]
        if not args.no_example:
            projects.append(example_project(scratch))
        if args.from_log:
            samples, failed = samples_from_log(args.from_log)
        else:
            samples, failed = run_rounds(rows, projects, args.rounds, scratch)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    # A row that failed in any round gets no figure: its other rounds are not comparable.
    med = medians({k: v for k, v in samples.items() if k not in failed})
    out = about + ["", table(rows, projects, med, failed), ""]
    out += goals(rows, projects, med)
    if os.stat(REHOST).st_mtime != mtime:
        out.append("\nWarning: the rehost binary was rebuilt during the run; rounds may mix two builds.")
    text = "\n".join(out) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

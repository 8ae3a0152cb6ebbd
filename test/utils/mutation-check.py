#!/usr/bin/env python3
"""Mutation check of the tests that FileCheck rewritten output.

Usage: mutation-check.py --lit LIT --lit-dir BUILD/test [--source-dir test] [TEST...]

A fix test passes when its checks match the rewritten file; that proves
nothing if they would match without the rewrite too. For every test that
uses %strip-checks (or the TESTs given, paths relative to --source-dir),
this runs the test through lit with `--param rehost_record=DIR`, which
records the stripped input and every FileCheck call with the text it
checked, then replays each FileCheck whose input is a rewrite:

  - a source file that %strip-checks wrote (the file the tool rewrote),
  - a unified diff (`fix --dry-run`),
  - a replacements YAML (`fix --export-fixes`),

on mutants of that input:

  (a) every change reverted (the unrewritten input, an empty diff, no
      replacements): the checks must fail;
  (b) one change reverted at a time (a rewritten line put back as it was, an
      inserted line removed, one diff line pair turned back into context,
      one replacement dropped): the checks must fail, or the change is an
      unchecked rewrite, named by the test file's line.

A mutant counts as caught when any FileCheck call of the test on the same
input fails on it (a file checked under two prefixes is checked by both).
FileChecks of a file the tool left as it was (the input unchanged) check
that nothing happened: they are not rewrites and are skipped.

Exit status: 0 when every mutant is caught and every test passes, 1 if not.
"""
import argparse
import difflib
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HUNK = re.compile(r"^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@")
YAML_ENTRY = re.compile(r"^  - FilePath:")


def read_records(directory):
    records = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name)) as f:
            records.append(json.load(f))
    return records


# --- mutants: (description, text) pairs; the first is "all reverted" -------

def source_mutants(original, fixed):
    """Line-level: revert every change, then each changed line alone."""
    before = original.splitlines(keepends=True)
    after = fixed.splitlines(keepends=True)
    mutants = [("unrewritten input", original)]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            # One line became one line: put each back alone.
            for k in range(i2 - i1):
                lines = after[:j1 + k] + [before[i1 + k]] + after[j1 + k + 1:]
                mutants.append(("line %d: %s" % (i1 + k + 1, after[j1 + k].strip()), "".join(lines)))
        elif tag == "insert":
            for k in range(j2 - j1):
                lines = after[:j1 + k] + after[j1 + k + 1:]
                mutants.append(("line %d (inserted after line %d): %s" % (j1 + k + 1, i1, after[j1 + k].strip()),
                                "".join(lines)))
        else:
            # Lines removed, or n lines became m: the block goes back whole.
            lines = after[:j1] + before[i1:i2] + after[j2:]
            shown = after[j1].strip() if j2 > j1 else "(removed) " + before[i1].strip()
            mutants.append(("lines %d-%d: %s" % (i1 + 1, i2, shown), "".join(lines)))
    return mutants


def diff_mutants(diff):
    """A unified diff: each '-' line pairs with the '+' line at the same place
    in its block; reverting a pair turns the '-' back into context and drops
    the '+'. Unpaired '+' lines (insertions) are dropped one by one."""
    lines = diff.splitlines(keepends=True)
    blocks = []  # [(old line number, [removed indexes], [added indexes])]
    old_line = None
    current = None
    for index, line in enumerate(lines):
        hunk = HUNK.match(line)
        if hunk:
            old_line, current = int(hunk.group(1)), None
            continue
        if old_line is None or line.startswith(("--- ", "+++ ")):
            continue
        if line.startswith("-") or line.startswith("+"):
            if current is None:
                current = (old_line, [], [])
                blocks.append(current)
            (current[1] if line.startswith("-") else current[2]).append(index)
            if line.startswith("-"):
                old_line += 1
        else:
            current = None
            if line.startswith(" "):
                old_line += 1

    def revert(removed, added):
        out = list(lines)
        for index in removed:
            out[index] = " " + out[index][1:]
        for index in added:
            out[index] = None
        return "".join(line for line in out if line is not None)

    everything = [i for block in blocks for i in block[1]], [i for block in blocks for i in block[2]]
    mutants = [("empty diff", revert(*everything))]
    for first, removed, added in blocks:
        for k in range(max(len(removed), len(added))):
            gone = removed[k:k + 1]
            new = added[k:k + 1]
            shown = lines[new[0]] if new else lines[gone[0]]
            mutants.append(("line %d: %s" % (first + min(k, len(removed)), shown.strip()), revert(gone, new)))
    return mutants


def yaml_mutants(yaml):
    """clang-tidy's replacements YAML: drop every entry, then each alone."""
    lines = yaml.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if YAML_ENTRY.match(line)]
    ends = starts[1:] + [next((i for i in range(starts[-1] + 1, len(lines))
                               if not lines[i].startswith("    ")), len(lines))] if starts else []
    entries = list(zip(starts, ends))

    def without(dropped):
        gone = {i for start, end in dropped for i in range(start, end)}
        return "".join(line for i, line in enumerate(lines) if i not in gone)

    mutants = [("no replacements", without(entries))]
    for start, end in entries:
        offset = next((line.split(":", 1)[1].strip() for line in lines[start:end] if "Offset:" in line), "?")
        mutants.append(("replacement at offset %s" % offset, without([(start, end)])))
    return mutants


# --- one test -------------------------------------------------------------

def classify(record, stripped):
    """Which kind of rewrite a FileCheck call checks, and its mutants."""
    text = record["text"]
    if record["file"] in stripped:
        if stripped[record["file"]] == text:
            return None
        return "source", source_mutants(stripped[record["file"]], text)
    if any(HUNK.match(line) for line in text.splitlines()) and re.search(r"^\+\+\+ ", text, re.M):
        return "diff", diff_mutants(text)
    if re.search(r"^Replacements:", text, re.M) and re.search(r"^  - FilePath:", text, re.M):
        return "yaml", yaml_mutants(text)
    return None


def filecheck_fails(record, text, scratch):
    arguments = list(record["arguments"])
    stdin = None
    for index, argument in enumerate(arguments):
        if argument in ("--input-file", "-input-file"):
            arguments[index + 1] = scratch
        elif argument.startswith(("--input-file=", "-input-file=")):
            arguments[index] = argument.split("=", 1)[0] + "=" + scratch
    if record["file"] is None:
        stdin = text.encode("utf-8", "surrogateescape")
    else:
        with open(scratch, "w", newline="", encoding="utf-8", errors="surrogateescape") as f:
            f.write(text)
    result = subprocess.run([record["filecheck"]] + arguments, input=stdin, cwd=record["cwd"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode != 0


def check_test(test, options, work):
    """Returns (kinds checked, mutants, escaped mutants, problem or None)."""
    record_dir = os.path.join(work, "records")
    os.makedirs(record_dir)
    lit = subprocess.run([sys.executable, options.lit, "-v", "--param", "rehost_record=" + record_dir,
                          "--param", "rehost_unit=mutation/" + test, os.path.join(options.lit_dir, test)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if lit.returncode != 0:
        return [], 0, [], "the test fails under lit:\n" + lit.stdout
    if "UNSUPPORTED:" in lit.stdout:
        return [], 0, [], None
    records = read_records(record_dir)
    if not records:
        return [], 0, [], "nothing recorded"
    # Group the FileCheck calls by the input they checked; the stripped input
    # a source check refers to is the last one written to its file before it.
    stripped = {}
    groups = {}
    for record in records:
        if record["kind"] == "strip":
            stripped[record["file"]] = record["text"]
            continue
        kind = classify(record, stripped)
        if kind is None:
            continue
        key = (record["file"], record["text"])
        groups.setdefault(key, (kind[0], kind[1], []))[2].append(record)
    scratch = os.path.join(work, "mutant")
    kinds, total, escaped = [], 0, []
    for kind, mutants, group in groups.values():
        kinds.append(kind)
        for description, text in mutants:
            total += 1
            if not any(filecheck_fails(record, text, scratch) for record in group):
                escaped.append("%s (%s): %s" % (test, kind, description))
    return kinds, total, escaped, None


def discover(source_dir):
    tests = []
    for path in sorted(glob.glob(os.path.join(source_dir, "**", "*"), recursive=True)):
        relative = os.path.relpath(path, source_dir)
        if (not path.endswith((".c", ".cpp", ".test")) or relative.startswith(("Inputs", "unit", "utils"))
                or "/fakes/" in relative):
            continue
        with open(path, errors="replace") as f:
            if re.search(r"RUN:.*%strip-checks", f.read()):
                tests.append(relative)
    return tests


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lit", required=True)
    parser.add_argument("--lit-dir", required=True, help="the build tree's test directory (lit.site.cfg.py)")
    parser.add_argument("--source-dir", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("tests", nargs="*")
    options = parser.parse_args()
    tests = options.tests or discover(options.source_dir)
    start = time.monotonic()
    failures, mutants, rewrites, problems, checked = [], 0, 0, [], 0
    with tempfile.TemporaryDirectory(prefix="rehost-mutation-") as work:
        for number, test in enumerate(tests):
            kinds, total, escaped, problem = check_test(test, options, os.path.join(work, str(number)))
            if problem:
                problems.append("%s: %s" % (test, problem))
                print("%-50s %s" % (test, problem.splitlines()[0]))
                continue
            if not kinds:
                # An e2e test proves its rewrite by running it, a test that
                # only cmp's the file proves that nothing changed.
                print("%-50s no FileCheck of rewritten output (or unsupported here)" % test)
                continue
            checked += 1
            mutants += total
            rewrites += total - len(kinds)
            failures += escaped
            print("%-50s %3d mutants (%s), %d not caught" % (test, total, ", ".join(sorted(kinds)), len(escaped)))
    print()
    for failure in failures:
        print("unchecked: " + failure)
    for problem in problems:
        print("problem: " + problem)
    print("mutation-check: %d tests, %d with FileChecks of rewritten output: %d inputs all reverted, "
          "%d rewritten lines or replacements reverted one by one; %d mutants not caught, %d problems, %.0f s"
          % (len(tests), checked, mutants - rewrites, rewrites, len(failures), len(problems),
             time.monotonic() - start))
    sys.exit(1 if failures or problems else 0)


main()

"""Prints what the pre-filter decided for each unit of a --facts-out file,
one line per unit in path order: `parsed FILE` or `skipped FILE [missing
HEADER...]`, and the files each parsed unit read, sorted (their order in
the facts is the compiler's hash order)."""
import json
import sys

units = json.load(open(sys.argv[1]))["units"]
for unit in sorted(units, key=lambda u: u["main_file"]):
    if unit["pre_filtered"]:
        missing = "".join(" missing " + h for h in unit["missing_headers"])
        print("skipped %s%s" % (unit["main_file"], missing))
    else:
        print("parsed %s %s" % (unit["main_file"], unit["error"]))
        for read in sorted(unit["files"]):
            print("  read " + read)

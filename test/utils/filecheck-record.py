#!/usr/bin/env python3
"""FileCheck that also records what it checked, for mutation-check.py.

Usage: filecheck-record.py FILECHECK [FileCheck's arguments]

lit's FileCheck substitution becomes this script when lit runs with
`--param rehost_record=DIR`; each call writes its arguments, working directory
and input (the --input-file's text or stdin) to DIR, then runs the real
FileCheck on the same input and exits with its status. The mutation check
later runs the same FileCheck on altered copies of that input.
"""
import json
import os
import subprocess
import sys
import time

INPUT_FILE_OPTIONS = ("--input-file", "-input-file")


def input_file(arguments):
    # FileCheck takes both `--input-file=X` and `--input-file X`.
    for index, argument in enumerate(arguments):
        for option in INPUT_FILE_OPTIONS:
            if argument == option and index + 1 < len(arguments):
                return arguments[index + 1]
            if argument.startswith(option + "="):
                return argument[len(option) + 1:]
    return None


def main():
    filecheck, arguments = sys.argv[1], sys.argv[2:]
    path = input_file(arguments)
    stdin = None
    if path is None:
        stdin = sys.stdin.buffer.read()
        text = stdin.decode("utf-8", "surrogateescape")
    else:
        with open(path, newline="", encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
    name = "%020d-%d-filecheck.json" % (time.time_ns(), os.getpid())
    with open(os.path.join(os.environ["REHOST_CHECK_RECORD"], name), "w") as out:
        json.dump({"kind": "filecheck", "filecheck": filecheck, "arguments": arguments, "cwd": os.getcwd(),
                   "file": os.path.realpath(path) if path else None, "text": text}, out)
    sys.exit(subprocess.run([filecheck] + arguments, input=stdin).returncode)


main()

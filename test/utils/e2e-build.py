#!/usr/bin/env python3
"""Builds a migrated program for an end-to-end test.

Usage: e2e-build.py COMPILER [FLAGS...] --link [LIBRARIES...] -- [ARGS...]
Runs `COMPILER FLAGS... ARGS... LIBRARIES...`: the test's own arguments
(sources, -o, -std) come before the libraries, as static libraries need. lit
gives FLAGS and LIBRARIES (the runtime of the build tree with its rpath,
hiredis, a fake client library) through %e2e-cc, %e2e-cxx-rpp and
%e2e-cxx-cppredis, so the program runs without installing anything.
"""
import shlex
import subprocess
import sys

args = sys.argv[1:]
try:
    link_at = args.index("--link")
    user_at = args.index("--", link_at)
except ValueError:
    sys.exit("e2e-build: usage: e2e-build.py COMPILER [FLAGS...] --link [LIBRARIES...] -- [ARGS...]")
command = args[:link_at] + args[user_at + 1:] + args[link_at + 1:user_at]
code = subprocess.call(command)
if code != 0:
    sys.stderr.write(f"e2e-build: failed ({code}): {shlex.join(command)}\n")
sys.exit(code)

#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the expected code.

Usage: expect-exit.py CODE COMMAND [ARGS...]
The command's output passes through, so a pipe to FileCheck still works.
"""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write(f"expect-exit: '{sys.argv[2]}' exited with {code}, expected {expected}\n")
    sys.exit(1)

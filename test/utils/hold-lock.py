#!/usr/bin/env python3
"""Runs a command while holding a project's lock, as a running `rehost fix` does.

Usage: hold-lock.py LOCKFILE COMMAND-NAME -- CMD [ARGS...]
Takes the exclusive POSIX record lock (fcntl F_SETLK, the kind
llvm::sys::fs::tryLockFile takes; flock(1)'s locks are another kind, which
rehost would not see) on LOCKFILE, writes COMMAND-NAME into it as rehost does,
runs CMD and exits with its status. The lock is held until CMD has ended.
"""
import fcntl
import os
import subprocess
import sys

lock_file, holder, separator, command = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
if separator != "--" or not command:
    sys.exit(__doc__)
fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
os.ftruncate(fd, 0)
os.write(fd, (holder + "\n").encode())
sys.exit(subprocess.call(command))

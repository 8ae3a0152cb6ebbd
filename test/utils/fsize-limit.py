#!/usr/bin/env python3
"""Runs a command that cannot write a file larger than BYTES: a full disk.

Usage: fsize-limit.py BYTES CMD [ARGS...]
Sets RLIMIT_FSIZE to BYTES and ignores SIGXFSZ (an ignored signal stays
ignored across exec), then execs CMD: a write past BYTES fails with EFBIG
("File too large") instead of killing it, as a write to a full disk fails
with ENOSPC. Needs no mount and no root.
"""
import os
import resource
import signal
import sys

limit, command = int(sys.argv[1]), sys.argv[2:]
if not command:
    sys.exit(__doc__)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
os.execvp(command[0], command)

#!/usr/bin/env python3
"""Copies a test's source with its FileCheck check comments emptied: the input
`rehost fix` rewrites in a test.

Usage: strip-checks.py SRC [DST]   (no DST: SRC is stripped in place)

A test that copied itself (`cp %s %t/app.c`) and FileChecked the rewritten
copy matched each `// FIXED: ...` line against that very comment, so the test
passed with the rewrite missing. Like clang-tidy's check_clang_tidy.py, a
check comment keeps its `//` and loses the rest: line numbers stay those of
the test file (diagnostics' [[@LINE]], reports' lines, the mutation check's
messages) and no blank line appears that a -NEXT or -EMPTY check could see.

A check comment is `// PREFIX:` or `// PREFIX-NEXT:` (any suffix, any
prefix: uppercase words joined by `-`, e.g. FIXED, BY-PATH, DIFF-COUNT-4),
at the start of a line or after code. lit's own directives (RUN, REQUIRES...)
stay.

With REHOST_CHECK_RECORD set (lit's rehost_record parameter, used by
mutation-check.py), the stripped text is also recorded there: it is the
unrewritten input the mutation check puts back, line by line.
"""
import json
import os
import re
import sys
import time

# (?<!\S): the `//` of a comment, not of a URI in a string ("redis://X:...").
CHECK_COMMENT = re.compile(r"(?<!\S)//[ \t]*([A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)*):[^\r\n]*")
LIT_DIRECTIVES = {"RUN", "REQUIRES", "UNSUPPORTED", "XFAIL", "ALLOW_RETRIES", "END", "DEFINE", "REDEFINE"}


def strip(text):
    def empty(match):
        return match.group(0) if match.group(1) in LIT_DIRECTIVES else "//"
    return CHECK_COMMENT.sub(empty, text)


def record(directory, destination, text):
    # One JSON file per event; mutation-check.py orders them by name.
    name = "%020d-%d-strip.json" % (time.time_ns(), os.getpid())
    with open(os.path.join(directory, name), "w") as out:
        json.dump({"kind": "strip", "file": os.path.realpath(destination), "text": text}, out)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: strip-checks.py SRC [DST]")
    source = sys.argv[1]
    destination = sys.argv[-1]
    # newline="": CRLF and lone CR bytes reach the tool as written.
    with open(source, newline="", encoding="utf-8", errors="surrogateescape") as f:
        text = strip(f.read())
    with open(destination, "w", newline="", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
    if os.environ.get("REHOST_CHECK_RECORD"):
        record(os.environ["REHOST_CHECK_RECORD"], destination, text)


main()

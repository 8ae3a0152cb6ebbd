#!/usr/bin/env python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema.

Usage: validate-sarif.py SCHEMA LOG...

Prints "LOG: valid" for each log that conforms, else each violation with the
path to the offending value, and exits 1. Uses Debian's python3-jsonschema
(scripts/install-deps.sh), with the validator of the draft the schema declares.
"""
import json
import sys

import jsonschema


def violations(schema, log):
    validator = jsonschema.validators.validator_for(schema)(schema)
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        yield "{}: {}".format(where, error.message)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1]) as f:
        schema = json.load(f)
    status = 0
    for path in argv[2:]:
        with open(path) as f:
            log = json.load(f)
        found = list(violations(schema, log))
        for message in found:
            print("{}: invalid: {}".format(path, message))
        if not found:
            print("{}: valid".format(path))
        status |= bool(found)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

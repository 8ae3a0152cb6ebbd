"""Prints the fingerprints of a rehost JSON or SARIF report, one per line,
in the report's order, and fails if two are equal."""
import json
import sys

report = json.load(open(sys.argv[1]))
if "runs" in report:
    prints = [r["partialFingerprints"]["rehostSite/v2"] for r in report["runs"][0]["results"]]
else:
    prints = [f["fingerprint"] for file in report["files"] for f in file["findings"]]
if len(set(prints)) != len(prints):
    sys.exit("duplicate fingerprints: %s" % prints)
print("\n".join(prints))

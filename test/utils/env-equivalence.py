#!/usr/bin/env python3
"""Proves that what `rehost env` wrote makes the runtime resolve what the
config file gives in the environment it follows.

Usage:
  env-equivalence.py --doctor REHOST_DOCTOR --config REHOST_TOML
                     --format dotenv|k8s|compose --output FILE
                     [--environment NAME] [--name NAME]

Reads the variables FILE sets the way its consumer does: a dotenv file is
sourced by `sh` (`set -a; . FILE`, as docs/usage.md says), a k8s file's
ConfigMap `data` and Secret `stringData` become the container's variables,
a compose file's `services.NAME.environment` is interpolated as compose does
(`$$` is `$`, `${VAR:-…}`/`${VAR:?…}` read the deployer's shell, empty
here). Then runs `rehost-doctor --json` on every profile of the config file
twice, each time in a bare environment and an empty directory:
  - with only those variables and no config file;
  - with REHOST_CONFIG=REHOST_TOML and REHOST_ENV=NAME (with no
    --environment, the format's: kubernetes for k8s, container for compose;
    for dotenv a name the file has no overlay for, so the base profiles
    alone);
and compares, per profile, transport, host, port, socket, db, username, tls,
cluster nodes and Sentinel master and nodes, and whether a password is set
(never its value: the doctor shows it as ***). Prints one line per profile
and `env-equivalence: ok`, or each difference and exits 1.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib

import yaml

# The environment each format's output follows when --environment is not
# given (docs/usage.md): where a pod or a container runs, the runtime detects
# it; a dotenv file follows no overlay.
FORMAT_ENVIRONMENT = {"k8s": "kubernetes", "compose": "container", "dotenv": ""}

COMPARED = ["transport", "host", "port", "socket", "db", "username", "tls",
            "cluster_nodes", "sentinel_master", "sentinel_nodes"]


def dotenv_variables(path):
    listing = subprocess.run(
        ["sh", "-c", 'set -a; . "$1"; set +a; exec env -0', "sh", os.path.abspath(path)],
        env={"PATH": os.environ["PATH"]}, check=True, capture_output=True).stdout
    variables = {}
    for entry in listing.split(b"\0"):
        name, _, value = entry.decode("utf-8", "surrogateescape").partition("=")
        if name.startswith("REDIS_"):
            variables[name] = value
    return variables


def k8s_variables(path):
    variables = {}
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if doc and doc.get("kind") == "ConfigMap":
                variables.update(doc.get("data") or {})
            elif doc and doc.get("kind") == "Secret":
                variables.update(doc.get("stringData") or {})
    return variables


INTERPOLATION = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?\}")


def compose_variables(path, name):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    environment = doc["services"][name]["environment"]
    # The deployer's shell sets nothing here: every ${VAR…} reads as empty.
    return {key: INTERPOLATION.sub(lambda m: "$" if m.group(0) == "$$" else "", value)
            for key, value in environment.items()}


def profile_names(config, environment):
    with open(config, "rb") as f:
        root = tomllib.load(f)
    names = set(root.get("profiles", {}))
    overlay = root.get("environments", {}).get(environment, {}) if environment else {}
    names |= set(overlay.get("profiles", {}))
    return sorted(names), set(root.get("environments", {}))


def doctor(executable, names, variables):
    with tempfile.TemporaryDirectory() as empty:
        env = {"PATH": os.environ["PATH"]}
        env.update(variables)
        run = subprocess.run([executable, "--json"] + names, env=env, cwd=empty,
                             capture_output=True, text=True, errors="surrogateescape")
    if run.returncode not in (0, 1):
        sys.exit(f"env-equivalence: {executable} exited {run.returncode}: {run.stderr}")
    return {p["name"]: p for p in json.loads(run.stdout)["profiles"]}


def settings(report):
    if "fields" not in report:
        return {"error": report.get("error", "?")}
    fields = report["fields"]
    out = {key: fields[key]["value"] for key in COMPARED if key in fields}
    out["password"] = "set" if fields["password"]["value"] else "none"
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--doctor", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--format", required=True, choices=["dotenv", "k8s", "compose"])
    parser.add_argument("--output", required=True)
    parser.add_argument("--environment")
    parser.add_argument("--name", default="rehost")
    args = parser.parse_args()

    if args.format == "dotenv":
        written = dotenv_variables(args.output)
    elif args.format == "k8s":
        written = k8s_variables(args.output)
    else:
        written = compose_variables(args.output, args.name)
    if not all(isinstance(v, str) for v in written.values()):
        sys.exit("env-equivalence: a variable's value is not a string")

    chosen = args.environment
    if chosen is None:
        chosen = FORMAT_ENVIRONMENT[args.format]
    names, environments = profile_names(args.config, chosen)
    if not chosen:
        chosen = "no-overlay"
        while chosen in environments:
            chosen += "-"
    from_variables = doctor(args.doctor, names, written)
    from_file = doctor(args.doctor, names, {"REHOST_CONFIG": os.path.abspath(args.config),
                                            "REHOST_ENV": chosen})

    problems = []
    for name in names:
        got, want = settings(from_variables[name]), settings(from_file[name])
        if got != want:
            for key in sorted(set(got) | set(want)):
                if got.get(key) != want.get(key):
                    problems.append(f"profile {name}: {key}: the variables give "
                                    f"{got.get(key)!r}, the file gives {want.get(key)!r}")
        else:
            shown = ", ".join(f"{k}={v!r}" for k, v in want.items() if v not in ("", None))
            print(f"profile {name}: {shown}")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("env-equivalence: ok")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks the YAML `rehost env` writes against what its consumers require.

Usage:
  check-env-yaml.py k8s FILE [--name NAME] [--secret-key KEY]... [--data-key KEY]...
  check-env-yaml.py compose FILE [--name NAME] [--key KEY]...

kubeconform and `kubectl --dry-run=client` are not available here, so this
checks, with a YAML parser, the fields the API server requires of the
objects: for every document apiVersion v1, a kind, metadata.name a DNS-1123
subdomain; a ConfigMap's `data` and a Secret's `stringData` maps from valid
config keys to strings (never numbers or booleans, which the API server
refuses), a Secret's `type` Opaque and every secret value empty (a stub).
For compose: `services.NAME.environment` is a mapping of variable names to
strings. Every value that names a variable must be a valid environment
variable name. Prints `check-env-yaml: ok` or the problems and exits 1.
"""
import argparse
import re
import sys

import yaml

DNS1123_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
DNS1123_SUBDOMAIN = re.compile(rf"^{DNS1123_LABEL}(\.{DNS1123_LABEL})*$")
CONFIG_KEY = re.compile(r"^[-._a-zA-Z0-9]+$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def string_map(problems, where, value, keys_wanted):
    if not isinstance(value, dict):
        problems.append(f"{where}: not a mapping ({type(value).__name__})")
        return {}
    for key, item in value.items():
        if not isinstance(key, str) or not CONFIG_KEY.match(key) or not ENV_NAME.match(key):
            problems.append(f"{where}: key {key!r} is not a variable name")
        if not isinstance(item, str):
            problems.append(f"{where}.{key}: {item!r} is a {type(item).__name__}, not a string")
    for key in keys_wanted:
        if key not in value:
            problems.append(f"{where}: no key {key}")
    return value


def check_k8s(documents, args, problems):
    kinds = {}
    for index, doc in enumerate(documents):
        where = f"document {index + 1}"
        if not isinstance(doc, dict):
            problems.append(f"{where}: not a mapping")
            continue
        if doc.get("apiVersion") != "v1":
            problems.append(f"{where}: apiVersion is {doc.get('apiVersion')!r}, not 'v1'")
        kind = doc.get("kind")
        if kind not in ("ConfigMap", "Secret"):
            problems.append(f"{where}: kind {kind!r} is not ConfigMap or Secret")
            continue
        if kind in kinds:
            problems.append(f"{where}: a second {kind}")
        kinds[kind] = doc
        name = (doc.get("metadata") or {}).get("name")
        if not isinstance(name, str) or len(name) > 253 or not DNS1123_SUBDOMAIN.match(name):
            problems.append(f"{where}: metadata.name {name!r} is not a DNS-1123 subdomain")
        elif args.name and name != args.name:
            problems.append(f"{where}: metadata.name is {name!r}, not {args.name!r}")
        allowed = {"apiVersion", "kind", "metadata", "data"} | ({"type", "stringData"} if kind == "Secret" else set())
        for field in doc:
            if field not in allowed:
                problems.append(f"{where}: unexpected field {field!r} for a {kind}")
        if kind == "ConfigMap":
            data = string_map(problems, f"{where}.data", doc.get("data"), args.data_key)
            for key, value in data.items():
                if "@" in str(value):
                    problems.append(f"{where}.data.{key}: holds credentials")
        else:
            if doc.get("type") != "Opaque":
                problems.append(f"{where}: type is {doc.get('type')!r}, not 'Opaque'")
            data = string_map(problems, f"{where}.stringData", doc.get("stringData"), args.secret_key)
            for key, value in data.items():
                if value != "":
                    problems.append(f"{where}.stringData.{key}: the stub holds a value")
    for kind in ("ConfigMap", "Secret"):
        if kind not in kinds:
            problems.append(f"no {kind}")


def check_compose(documents, args, problems):
    if len(documents) != 1 or not isinstance(documents[0], dict):
        problems.append("not one mapping")
        return
    services = documents[0].get("services")
    if not isinstance(services, dict) or len(services) != 1:
        problems.append("services: not a mapping with one service")
        return
    name, service = next(iter(services.items()))
    if args.name and name != args.name:
        problems.append(f"services: the service is {name!r}, not {args.name!r}")
    if not isinstance(service, dict):
        problems.append(f"services.{name}: not a mapping")
        return
    string_map(problems, f"services.{name}.environment", service.get("environment"), args.key)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("format", choices=["k8s", "compose"])
    parser.add_argument("file")
    parser.add_argument("--name")
    parser.add_argument("--data-key", action="append", default=[])
    parser.add_argument("--secret-key", action="append", default=[])
    parser.add_argument("--key", action="append", default=[])
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as stream:
        try:
            documents = [doc for doc in yaml.safe_load_all(stream) if doc is not None]
        except yaml.YAMLError as error:
            print(f"check-env-yaml: FAIL: not YAML: {error}")
            return 1
    problems = []
    (check_k8s if args.format == "k8s" else check_compose)(documents, args, problems)
    for problem in problems:
        print(f"check-env-yaml: FAIL: {problem}")
    if problems:
        return 1
    print("check-env-yaml: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

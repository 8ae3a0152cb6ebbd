#!/usr/bin/env python3
"""Runs the CI setups docs/ci.md tells users to copy, as they would run.

    run-ci-doc.py workflow DOC DIR
        Takes the GitHub Actions workflow (the ```yaml block that starts with
        `name: rehost`), checks it is a workflow (jobs with steps, each a
        `run` or a `uses`), and runs every `run` step in DIR with bash, the
        way the runner does (`if: always()` steps after a failure too). The
        install step is skipped: rehost is on PATH already. Prints each
        step's output and exit status; exits 1 when a step without
        `if: always()` failed before the end, as the job would.
    run-ci-doc.py pre-commit-config DOC REPO OUT
        Writes the .pre-commit-config.yaml of the doc with its repo replaced
        by the git repository REPO and its rev by REPO's HEAD commit.
"""
import re
import subprocess
import sys

import yaml


def yaml_blocks(doc):
    return re.findall(r"```yaml\n(.*?)```", open(doc).read(), re.S)


def workflow(doc, directory):
    text = next(b for b in yaml_blocks(doc) if b.startswith("name: rehost"))
    flow = yaml.safe_load(text)
    jobs = flow.get("jobs")
    assert isinstance(jobs, dict) and jobs, "a workflow has jobs"
    failed = False
    for name, job in jobs.items():
        assert "runs-on" in job, f"job {name} has runs-on"
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), f"step {step} has one of run, uses"
            if "uses" in step:
                continue
            title = step.get("name", step["run"])
            if "install-rehost" in step["run"]:
                print(f"step '{title}': skipped (rehost is installed)")
                continue
            if failed and step.get("if") != "always()":
                print(f"step '{title}': skipped after a failure")
                continue
            run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=directory,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            sys.stdout.write(run.stdout)
            print(f"step '{title}': exit {run.returncode}")
            failed |= run.returncode != 0
    return 1 if failed else 0


def pre_commit_config(doc, repo, out):
    rev = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout.strip()
    text = next(b for b in yaml_blocks(doc) if b.startswith("repos:"))
    config = yaml.safe_load(text)
    for entry in config["repos"]:
        entry["repo"], entry["rev"] = repo, rev
    with open(out, "w") as f:
        yaml.safe_dump(config, f)
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "workflow":
        sys.exit(workflow(sys.argv[2], sys.argv[3]))
    sys.exit(pre_commit_config(*sys.argv[2:5]))

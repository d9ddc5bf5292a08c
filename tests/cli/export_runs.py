#!/usr/bin/env python3
"""Runs every exported reproduction script (written with TuneLab's own figures by the doctest case
"export_python: write the reproduction cases") with Debian's python3-torch and python3-optuna, on
the same five seeds, and compares the means: within 0.02 of accuracy, 0.03 of R².

Usage: export_runs.py DIR. Exit 77 (ctest: skipped) when torch or optuna is not installed."""
import json
import re
import subprocess
import sys
import time

TOLERANCE = {"classification": 0.02, "regression": 0.03}
SEEDS = "1,2,3,4,5"


def run(script, *args):
    started = time.time()
    done = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit("%s %s failed (%d):\n%s%s" % (script, " ".join(args), done.returncode, done.stdout, done.stderr))
    return done.stdout, time.time() - started


def mean_of(output, figure):
    found = re.search(r"^%s over seeds [0-9, ]+: mean (-?[0-9.]+)" % figure, output, re.M)
    if not found:
        raise SystemExit("no '%s' line in:\n%s" % (figure, output))
    return float(found.group(1))


def main():
    try:
        import optuna  # noqa: F401
        import torch  # noqa: F401
    except ImportError as missing:
        print("SKIPPED: the exported scripts need Debian's python3-torch and python3-optuna (%s); "
              "tools/tunelab setup installs them" % missing)
        return 77
    folder = sys.argv[1]
    cases = json.load(open(folder + "/cases.json"))
    failures, rows = [], []
    for case in cases:
        script = "%s/%s.py" % (folder, case["name"])
        args = ["--seeds", SEEDS] + (["--params", case["params"]] if case["params"] else [])
        output, seconds = run(script, *args)
        figure = "validation accuracy" if case["task"] == "classification" else "validation R2"
        script_mean, tunelab_mean = mean_of(output, figure), sum(case["tunelab"]) / len(case["tunelab"])
        gap = abs(script_mean - tunelab_mean)
        ok = gap <= TOLERANCE[case["task"]]
        rows.append("%-12s %-22s TuneLab %.4f  script %.4f  gap %.4f  %s  (%.1f s)" % (
            case["name"], figure, tunelab_mean, script_mean, gap, "ok" if ok else "TOO FAR", seconds))
        if not ok:
            failures.append(case["name"])
        if case["search"]:  # the search itself runs, a few trials, and ends with its best trial
            output, seconds = run(script, "--trials", "3")
            if "Best trial #" not in output:
                failures.append(case["name"] + " (search)")
            if case["earlier"] and "%d earlier trials added" % case["earlier"] not in output:
                failures.append(case["name"] + " (the warm start's earlier trials were not added)")
            if case["search"] == "bayes" and "GPSampler" not in optuna.samplers.__dict__ and "TPE stands in" not in output:
                failures.append(case["name"] + " (no word that TPE stands in for BO)")
            rows.append("%-12s search, 3 trials: %s  (%.1f s)" % (case["name"], "ran" if "Best trial #" in output else "FAILED", seconds))
    print("\n".join(rows))
    if failures:
        print("failed: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

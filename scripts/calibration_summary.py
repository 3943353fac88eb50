#!/usr/bin/env python3
"""Writes the small summary of a finished calibration that docs/VALIDATION.md is generated from
(scripts/validation_report.py, section "Calibration of the defaults"): the directory's fit.json, the commit
it was run at, the command, the objective and target means at the start (trace.csv's first row), and SHA-256 digests of the calibration and base scenario files, so the generator
can say when the inputs changed after the fit. The run directory itself is not committed.

Usage: calibration_summary.py CALIBRATION_DIR OUT.json "COMMAND" [WALL_SECONDS [MACHINE]]
(WALL_SECONDS: how long the command took, e.g. from /usr/bin/time; MACHINE: a few words on where it ran.)
"""
import csv
import hashlib
import json
import subprocess
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    run_dir, out, command = sys.argv[1], sys.argv[2], sys.argv[3]
    wall = float(sys.argv[4]) if len(sys.argv) > 4 else None
    machine = sys.argv[5] if len(sys.argv) > 5 else None
    fit = json.load(open(run_dir + "/fit.json", encoding="utf-8"))
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    # The first evaluation is the calibration's start: with starts at the defaults, near the defaults' fit.
    with open(run_dir + "/trace.csv", encoding="utf-8", newline="") as f:
        first = next(csv.DictReader(f))
    # BOBYQA moves a start lying within its first step of a bound inward (docs/ODD.md 7.74): record where the
    # first evaluation really was.
    start = {"objective": float(first["objective"]),
             "values": {p["name"]: float(first[p["name"]]) for p in fit["parameters"]},
             "means": {t["name"]: float(first[t["name"] + "_mean"]) for t in fit["targets"]}}
    summary = {
        "command": command,
        "commit": commit,
        "calibration_file": fit["calibration_file"],
        "calibration_sha256": sha256(fit["calibration_file"]),
        "scenario_file": fit["scenario_file"],
        "scenario_sha256": sha256(fit["scenario_file"]),
        "start": start,
        "fit": fit,
    }
    if wall is not None:
        summary["wall_seconds"] = wall
    if machine:
        summary["machine"] = machine
    with open(out, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()

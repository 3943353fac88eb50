#!/usr/bin/python3
"""Checks vicsim against an independent rebuild written from docs/ODD.md alone (see README.md here).

Usage: check.py VICSIM [--seeds S ...] [--count N] [--ticks T]

For each seed it runs `VICSIM run scenarios/traditional.json --seed S --ticks T --set mechanisms.population.count=N`,
runs the rebuild (initialization, the warm-up of 7.1a and months 1..T) with the same seed and count, and
compares every firm's employees, productivity, digital maturity, cash, price, suppliers, customers,
collaborators and alive flag in firms.csv at month T, and every month's firms, entries, exits, output and
profit in timeseries.csv, at relative tolerance 1e-9. Exit 0 if all agree, 1 on any difference (the first
differing firms or months are printed).
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "..", "..", "scenarios", "traditional.json")
sys.path.insert(0, HERE)
import psim  # noqa: E402  (the rebuild)

TOL = 1e-9


def rebuild_columns(w):
    n = len(w.L)
    count = lambda k, edges, kind: sum(1 for x in edges[k] if x["kind"] == kind)
    return {
        "employees": w.L, "productivity": w.a, "digital_maturity": w.m, "cash_yuan": w.cash,
        "price_yuan": w.price, "alive": w.alive.astype(float),
        "suppliers": np.array([count(k, w.in_edges, "S") for k in range(n)], dtype=float),
        "customers": np.array([count(k, w.out_edges, "S") for k in range(n)], dtype=float),
        "collaborators": np.array([sum(1 for x in w.in_edges[k] + w.out_edges[k] if x["kind"] == "C")
                                   for k in range(n)], dtype=float),
    }


def differs(a, b):
    return np.abs(a - b) > TOL * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))


def check_seed(vicsim, seed, count, ticks, tmp):
    out = os.path.join(tmp, f"run_{seed}")
    subprocess.run([vicsim, "run", SCENARIO, "--seed", str(seed), "--ticks", str(ticks), "--set",
                    f"mechanisms.population.count={count}", "--out", out, "--force", "-q"], check=True)
    w, log = psim.run(seed, count, 36, ticks, platforms=False, quiet=True)
    mine = rebuild_columns(w)
    rows = list(csv.DictReader(open(os.path.join(out, "firms.csv"))))
    ids = np.array([int(r["firm_id"]) for r in rows])
    problems = []
    if ids.max() >= len(w.L):
        problems.append(f"vicsim has firm ids up to {ids.max()}, the rebuild {len(w.L) - 1}")
        return problems
    for col, values in mine.items():
        theirs = np.array([float(r[col]) for r in rows])
        bad = np.nonzero(differs(theirs, values[ids]))[0]
        if len(bad):
            k = bad[0]
            problems.append(f"{col}: {len(bad)} of {len(rows)} firms differ, first firm {ids[k]}: "
                            f"vicsim {theirs[k]!r}, rebuild {values[ids][k]!r}")
    # firms.csv leaves out firms that exited in the warm-up; every firm alive in the rebuild must be listed.
    missing = sorted(set(np.nonzero(w.alive)[0]) - set(ids))
    if missing:
        problems.append(f"{len(missing)} firms alive in the rebuild are not in firms.csv, first {missing[0]}")
    months = [row for row in log if row["t"] >= 1]
    series = list(csv.DictReader(open(os.path.join(out, "timeseries.csv"))))
    if len(series) != len(months):
        problems.append(f"timeseries.csv has {len(series)} months, the rebuild {len(months)}")
        return problems
    for col in ("firms", "entries", "exits", "output", "profit"):
        theirs = np.array([float(row[col]) for row in series])
        values = np.array([float(row[col]) for row in months])
        bad = np.nonzero(differs(theirs, values))[0]
        if len(bad):
            k = bad[0]
            problems.append(f"timeseries.csv {col}: {len(bad)} of {len(series)} months differ, first month {k + 1}: "
                            f"vicsim {theirs[k]!r}, rebuild {values[k]!r}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("vicsim")
    p.add_argument("--seeds", type=int, nargs="+", default=[20240901, 7, 31337])
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--ticks", type=int, default=120, help="months after the warm-up (default 120, the bundled run)")
    a = p.parse_args()
    failed = False
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in a.seeds:
            problems = check_seed(a.vicsim, seed, a.count, a.ticks, tmp)
            print(f"seed {seed}, {a.count} firms, {a.ticks} months: " +
                  ("ok, every firm at the end and every month's aggregates agree" if not problems else "DIFFERS"))
            for line in problems:
                print("  " + line)
            failed = failed or bool(problems)
            summary.append(f"seed {seed}: " + ("equal" if not problems else f"{len(problems)} differences"))
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (scripts/validation_report.sh)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md §1–6, 7.1–7.15a and §9 alone)",
                "target": f"traditional.json, {a.count} firms, seeds {', '.join(map(str, a.seeds))}, {a.ticks} months: "
                          "every firm at the last month, and every month's firms, entries, exits, output and profit, "
                          "equal vicsim's",
                "tolerance": f"relative {TOL}",
                "measured": "; ".join(summary),
                "pass": not failed,
                "command": "/usr/bin/python3 tests/odd_rebuild/check.py build/vicsim",
            }) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The tables of docs/ODD.md 7.86: a paired comparison without (arm a) and with (arm b) foreign trade.

Usage: python3 scripts/trade_balance_table.py COMPARE_DIR [TICK]
  e.g. build/vicsim compare CLOSED.json scenarios/platform_led.json --replications 10 --at 120 --jobs 1 \
           --out /tmp/cmp_pl
       python3 scripts/trade_balance_table.py /tmp/cmp_pl 120
Reads each replication's timeseries.csv (employees, export_share, platform_export_share,
platform_path_stage), stocks.csv (deposits of households, firms and the rest of the world) and
accounts.csv (exports, imports, consumer_imports) under COMPARE_DIR/runs/{a,b}/rep_*; prints, at TICK
(default: the last), the arms' means and the paired difference b - a with its 95% t interval, then the
trade balance of arm b over the run. Standard library only.
"""
import csv
import glob
import math
import os
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
        11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 19: 2.093, 29: 2.045}


def t975(df):
    return T975.get(df, 1.96 if df > 29 else 2.262)


def read_run(run):
    ts = {}
    with open(os.path.join(run, "timeseries.csv"), newline="") as f:
        for r in csv.DictReader(f):
            ts[int(r["tick"])] = r
    dep = {}
    with open(os.path.join(run, "stocks.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["stock"] == "deposits":
                dep[(int(r["tick"]), r["sector"])] = float(r["value"])
    flows = {}
    with open(os.path.join(run, "accounts.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["flow"] in ("exports", "imports", "consumer_imports"):
                key = (int(r["tick"]), r["flow"])
                flows[key] = flows.get(key, 0.0) + float(r["amount"])
    return ts, dep, flows


def stats(a, b):
    d = [y - x for x, y in zip(a, b)]
    n = len(d)
    mean = sum(d) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1)) if n > 1 else 0.0
    half = t975(n - 1) * sd / math.sqrt(n) if n > 1 else 0.0
    return sum(a) / n, sum(b) / n, mean, mean - half, mean + half


def fmt(x, scale):
    v = x / scale
    return f"{v:+,.0f}" if scale == 1 and abs(v) >= 100 else (f"{v:+,.3f}" if abs(v) < 10 else f"{v:+,.1f}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    arms = {}
    for arm in ("a", "b"):
        reps = sorted(glob.glob(os.path.join(root, "runs", arm, "rep_*")))
        if not reps:
            sys.exit(f"{root}/runs/{arm}: no replications")
        arms[arm] = [read_run(r) for r in reps]
    last = max(arms["a"][0][0])
    tick = int(sys.argv[2]) if len(sys.argv) > 2 else last
    rows = [
        ("employees", 1, lambda run: float(run[0][tick]["employees"])),
        ("household deposits (million yuan)", 1e6, lambda run: run[1][(tick, "households")]),
        ("firms' deposits (million yuan)", 1e6, lambda run: run[1][(tick, "firms")]),
        ("rest of world's deposits (million yuan)", 1e6, lambda run: run[1][(tick, "rest_of_world")]),
        ("export_share", 1, lambda run: float(run[0][tick]["export_share"])),
        ("platform_export_share", 1, lambda run: float(run[0][tick]["platform_export_share"])),
        ("platform_path_stage", 1, lambda run: float(run[0][tick]["platform_path_stage"])),
    ]
    print(f"| month {tick}, {len(arms['a'])} paired replications | without (a) | with (b) | b − a [95% CI] |")
    print("|---|---:|---:|---|")
    for name, scale, get in rows:
        ma, mb, d, lo, hi = stats([get(r) for r in arms["a"]], [get(r) for r in arms["b"]])
        small = scale == 1 and abs(mb) < 10
        f = (lambda x: f"{x:.3f}") if small else (lambda x: f"{x / scale:,.0f}")
        g = (lambda x: f"{x:+.3f}") if small else (lambda x: f"{x / scale:+,.0f}")
        print(f"| {name} | {f(ma)} | {f(mb)} | {g(d)} [{g(lo)}, {g(hi)}] |")
    # Arm b's trade balance: exports − imports − consumer imports, cumulated, against the largest month's
    # imports; and the rest of the world's deposits at their lowest and highest.
    worst_cum, lowest, highest, first_stage3 = 0.0, float("inf"), float("-inf"), []
    for ts, dep, flows in arms["b"]:
        cum = 0.0
        for t in sorted(ts):
            cum += flows.get((t, "exports"), 0.0) - flows.get((t, "imports"), 0.0) - \
                flows.get((t, "consumer_imports"), 0.0)
            worst_cum = max(worst_cum, abs(cum))
            v = dep.get((t, "rest_of_world"), 0.0)
            lowest, highest = min(lowest, v), max(highest, v)
        hit = [t for t in sorted(ts) if float(ts[t]["platform_path_stage"]) >= 3]
        first_stage3.append(hit[0] if hit else None)
    print()
    print(f"arm b: largest |cumulative exports - imports| over the run: {worst_cum / 1e6:,.1f} million yuan; "
          f"rest of world's deposits between {lowest / 1e6:,.1f} and {highest / 1e6:,.1f} million yuan; "
          f"first month at globalization: {first_stage3}")


if __name__ == "__main__":
    main()

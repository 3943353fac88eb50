#!/usr/bin/python3
"""Run once and compare every month t = 1..T with vicsim run directories DIR_t (one vicsim run per horizon).
usage: pmulti.py SEED N W T DIRPREFIX [infra_on]   (DIRPREFIX_t must exist, from `vicsim run ... --ticks t`)"""
import sys, csv, psim
from firmcmp import firm_diffs
seed, N, W, T, pre = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
over = {} if "infra_on" in sys.argv[6:] else {"infrastructure_enabled": False}
def check(w, t):
    d = f"{pre}_{t}"
    try: rows = list(csv.DictReader(open(d + "/firms.csv")))
    except FileNotFoundError: return
    m1 = w.m1
    nf, worst, bad = firm_diffs(w, rows, t)
    pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == t]
    pw = 0.0
    for r, p in zip(pr, w.plats):
        for a, b in [(float(r["revenue_yuan"]), p["revenue"]), (float(r["cost_yuan"]), p["cost"]), (float(r["cash_yuan"]), p["cash"]), (float(r["gmv_yuan"]), p["gmv"]), (float(r["transaction_fee"]), p["fee"])]:
            pw = max(pw, abs(a - b) / max(1.0, abs(a), abs(b)))   # relative, absolute below 1 yuan (as check.py)
    if pw > 1e-9: bad.append(f"platforms: {pw:.1e}")
    ts = list(csv.DictReader(open(d + "/timeseries.csv")))[t - 1]
    if abs(float(ts["output"]) - m1["revenue"].sum()) > 1e-9 * max(1.0, abs(float(ts["output"]))):
        bad.append("timeseries output")
    print(f"month {t:3d}: firms {nf}, max rel diff firms {worst:.1e}, platforms {pw:.1e}, output {float(ts['output']):.6e}/{m1['revenue'].sum():.6e}" + ("  MISMATCH " + "; ".join(bad) if bad else "  exact"), flush=True)
import time; t0 = time.time()
psim.MONTH_HOOK = check
w, log = psim.run(seed, N, W, T, over=over, quiet=True)
print("seconds", round(time.time() - t0, 1))

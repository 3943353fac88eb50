#!/usr/bin/python3
"""Run once and compare every month t = 1..T with vicsim run directories DIR_t (one vicsim run per horizon).
usage: pmulti.py SEED N W T DIRPREFIX [infra_on]   (DIRPREFIX_t must exist, from `vicsim run ... --ticks t`)"""
import sys, csv, io, contextlib, numpy as np, psim
seed, N, W, T, pre = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
over = {} if "infra_on" in sys.argv[6:] else {"infrastructure_enabled": False}
COLS = ["employees", "productivity", "digital_maturity", "reputation", "cash_yuan", "price_yuan", "output_units", "profit_yuan",
        "suppliers", "customers", "collaborators", "alive", "on_cloud", "platforms", "first_join_tick"]
def check(w, t):
    d = f"{pre}_{t}"
    try: rows = list(csv.DictReader(open(d + "/firms.csv")))
    except FileNotFoundError: return
    n = len(w.L); m1 = w.m1
    ids = np.array([int(r["firm_id"]) for r in rows])
    ok = (ids < n) & np.array([r["exit_tick"] == "NA" or int(r["exit_tick"]) >= t for r in rows])
    def pad(a): a = np.asarray(a, dtype=float); return np.append(a, np.zeros(n - len(a))) if len(a) < n else a
    mine = dict(employees=w.L, productivity=w.a, digital_maturity=w.m, reputation=w.rep, cash_yuan=w.cash, price_yuan=w.price,
                output_units=pad(m1["y"]), profit_yuan=pad(m1["profit"]),
                suppliers=[sum(1 for x in w.in_edges[k] if x["kind"] == "S") for k in range(n)],
                customers=[sum(1 for x in w.out_edges[k] if x["kind"] == "S") for k in range(n)],
                collaborators=[sum(1 for x in w.in_edges[k] + w.out_edges[k] if x["kind"] == "C") for k in range(n)],
                alive=w.alive, on_cloud=w.on_cloud,
                platforms=[bin(int(x)).count("1") for x in w.pmask] if w.plats else np.zeros(n),
                first_join_tick=w.first_join if w.plats else np.full(n, -1))
    worst = 0.0; bad = []
    for c in COLS:
        v = np.array([float(r[c]) if r[c] != "NA" else -1.0 for r in rows])[ok]; mv = np.asarray(mine[c], dtype=float)[ids[ok]]
        rel = np.abs(v - mv) / np.maximum(1e-9, np.abs(v)); worst = max(worst, rel.max())
        nb = int((rel > 1e-9).sum())
        if nb: bad.append(f"{c}:{nb} (first {ids[ok][np.argmax(rel > 1e-9)]})")
    pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == t]
    pw = 0.0
    for r, p in zip(pr, w.plats):
        for a, b in [(float(r["revenue_yuan"]), p["revenue"]), (float(r["cost_yuan"]), p["cost"]), (float(r["cash_yuan"]), p["cash"]), (float(r["gmv_yuan"]), p["gmv"]), (float(r["transaction_fee"]), p["fee"])]:
            pw = max(pw, abs(a - b) / max(1.0, abs(a), abs(b)))   # relative, absolute below 1 yuan (as check.py)
    if pw > 1e-9: bad.append(f"platforms: {pw:.1e}")
    ts = list(csv.DictReader(open(d + "/timeseries.csv")))[t - 1]
    if abs(float(ts["output"]) - m1["revenue"].sum()) > 1e-9 * max(1.0, abs(float(ts["output"]))):
        bad.append("timeseries output")
    print(f"month {t:3d}: firms {int(ok.sum())}, max rel diff firms {worst:.1e}, platforms {pw:.1e}, output {float(ts['output']):.6e}/{m1['revenue'].sum():.6e}" + ("  MISMATCH " + "; ".join(bad) if bad else "  exact"), flush=True)
import time; t0 = time.time()
psim.MONTH_HOOK = check
with contextlib.redirect_stdout(sys.stderr if False else io.StringIO()) as buf:
    pass
w, log = psim.run(seed, N, W, T, over=over, quiet=True)
print("seconds", round(time.time() - t0, 1))

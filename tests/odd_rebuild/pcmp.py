#!/usr/bin/python3
"""Run the platform rebuild and compare per firm with a vicsim run directory.
usage: pcmp.py SEED N W TICKS VICSIM_DIR [frozen] [infra_on] [trad]"""
import sys, csv, numpy as np, psim
seed, N, W, T, d = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
opts = sys.argv[6:]
fl = {}
if "frozen" in opts:
    fl = dict(adoption=False, innovation=False, spillover=False, decay=False, switch=0.0, sales=0.0, collab=False, capacity=False, exit=False, entry=False)
over = {} if "infra_on" in opts else {"infrastructure_enabled": False}
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    w, log = psim.run(seed, N, W, T, over=over, fl=fl, platforms="trad" not in opts)
rows = list(csv.DictReader(open(d + "/firms.csv")))
ids = np.array([int(r["firm_id"]) for r in rows])
print("vicsim rows", len(rows), "| mine", len(w.L))
ok = (ids < len(w.L)) & np.array([r["exit_tick"] == "NA" or int(r["exit_tick"]) >= T for r in rows])
n = len(w.L); m1 = w.m1
sup = np.array([sum(1 for x in w.in_edges[k] if x["kind"] == "S") for k in range(n)])
cus = np.array([sum(1 for x in w.out_edges[k] if x["kind"] == "S") for k in range(n)])
col = np.array([sum(1 for x in w.in_edges[k] + w.out_edges[k] if x["kind"] == "C") for k in range(n)])
def pad(a): a = np.asarray(a, dtype=float); return np.append(a, np.zeros(n - len(a))) if len(a) < n else a
cols = [("employees", w.L), ("productivity", w.a), ("digital_maturity", w.m), ("reputation", w.rep), ("cash_yuan", w.cash), ("price_yuan", w.price),
        ("output_units", pad(m1["y"])), ("profit_yuan", pad(m1["profit"])), ("suppliers", sup), ("customers", cus), ("collaborators", col),
        ("alive", w.alive.astype(float)), ("on_cloud", w.on_cloud.astype(float))]
if w.plats:
    cols += [("platforms", np.array([bin(int(x)).count("1") for x in w.pmask])), ("first_join_tick", w.first_join)]
first = {}
for c, mine in cols:
    v = np.array([float(r[c]) if r[c] != "NA" else -1.0 for r in rows])[ok]; mv = np.asarray(mine, dtype=float)[ids[ok]]
    relv = np.abs(v - mv) / np.maximum(1e-9, np.abs(v)); bad = np.where(relv > 1e-9)[0]
    print(f"{c:16s} vicsim {v.sum():.10g} mine {mv.sum():.10g} frac equal {np.mean(relv < 1e-9):.4f}" + (f"  first bad ids {list(ids[ok][bad[:6]])}" if len(bad) else ""))
if w.plats:
    pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == T]
    for r, p in zip(pr, w.plats):
        pi_ = w.plats.index(p); mem_ = int(sum(1 for k in range(n) if w.alive[k] and (int(w.pmask[k]) >> pi_) & 1))
        print(f"  {p['name']:20s} members {r['members']}/{mem_} gmv {r['gmv_yuan']}/{p['gmv']} disp {r['dispatched_units']}/{p.get('dispatched',0)} revenue {r['revenue_yuan']}/{p['revenue']} cost {r['cost_yuan']}/{p['cost']} cash {r['cash_yuan']}/{p['cash']}")
ts = list(csv.DictReader(open(d + "/timeseries.csv")))[T - 1]
print("ts output", ts["output"], m1["revenue"].sum(), "profit", ts["profit"], m1["profit"].sum())
if w.plats: print("events", [(t, g, a) for t, g, a in w.plat_events])
if "detail" in opts:
    byid = {int(r["firm_id"]): r for r in rows}
    for k in [int(x) for x in opts[opts.index("detail") + 1].split(",")]:
        r = byid[k]
        print(k, "vicsim", {c: r[c] for c in ["region", "industry", "stage", "employees", "productivity", "cash_yuan", "customers", "suppliers", "platforms", "on_cloud"]})
        print(k, "mine  ", w.regions[w.region[k]]["name"], w.typ[k], w.L[k], w.a[k], w.cash[k], cus[k], sup[k], bin(int(w.pmask[k])) if w.plats else "", "profit", m1["profit"][k], "y", m1["y"][k])
if "flows" in opts:
    print("mine flows (last month)", w.flows, "V_house", w.V_house, "income", w.income)
    print([r for r in csv.DictReader(open(d + "/stocks.csv")) if r["sector"] == "households"])
if w.plats: print("in-plant", w.ip_log)
if w.plats:
    pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == T]
    print("fees", [(r["transaction_fee"], p["fee"]) for r, p in zip(pr, w.plats)])
if "acc" in opts:
    print("mine cloud", m1["cloud"].sum(), "inplant", m1["inplant"].sum(), "commission", w.commission, "mkt+disp fee", w.mkt_fee, "YD", w.YD_last, w.income)
    for r in csv.DictReader(open(d + "/accounts.csv")):
        if int(r["tick"]) == T: print("  ", r["flow"], r["amount"])

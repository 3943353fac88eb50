#!/usr/bin/python3
"""Checks vicsim's SimGrid information-infrastructure layer against the rebuild written from docs/ODD.md alone
(layer.py; README.md here).

Usage: check_layer.py VICSIM [--seed S] [--count N] [--months T] [--set PATH=VALUE ...] [--keep DIR] [--reuse DIR]

Runs `VICSIM run scenarios/platform_led.json --seed S --ticks t --set mechanisms.population.count=N` with the
layer ON (the default) for t = 1..T (firms.csv holds the last month only), then the rebuild once over the same
months. Two cases at the defaults (seed 7, 300 firms, about 10 s): the bundled scenario for 24 months (platform
order messages from month 13, forecast freshness), and a congested one for 20 months
(`mechanisms.infrastructure.telemetry_Bps_per_device=400000`: backlog waits, e-mail waits, dispatch in time < 1,
telemetry lost, congestion > 1, edge investment). `--set` (several allowed; only the keys in SETS, which the
rebuild reads too), `--keep` or `--reuse` run one case instead. The rebuild computes each route's traffic bytes
itself (7.45, 7.91) and takes only SimGrid's completion times (`*_s`, `compute_s` of routes.csv) as given.
Every month must agree at relative 1e-9:
- routes.csv: members and the five bytes columns of every route; load, wait_s, telemetry_delivered,
  forecast_freshness, dispatch_in_time;
- platforms.csv: compute_load, uplink_load, congestion, service_latency_ms, telemetry_delivered,
  congestion_worst, congestion_traffic_weighted, uplink_gbps, compute_gflops; revenue, cost, cash, GMV, fee;
- firms.csv: every firm's columns; timeseries.csv: firms, output, profit, lead_time_days, service_latency_ms,
  max_congestion.
Exit 0 if all agree, 1 otherwise; the first difference is printed.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time


HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "..", "..", "scenarios", "platform_led.json")
sys.path.insert(0, HERE)
from firmcmp import firm_diffs  # noqa: E402
TOL = 1e-9
# --set paths of vicsim that the rebuild also reads (layer.IP key, type)
SETS = {"mechanisms.infrastructure.telemetry_Bps_per_device": ("telemetry_Bps_per_device", float),
        "mechanisms.infrastructure.window_s": ("window_s", float),
        "mechanisms.platform_economy.network_investment": ("network_investment", lambda s: s == "true"),
        "mechanisms.infrastructure.uplink_gbps": ("uplink_gbps", float),
        "mechanisms.infrastructure.gflop_per_member": ("gflop_per_member", float)}   # only SimGrid's compute_s reads it


def rel(a, b):
    return abs(a - b) / max(1e-9, abs(a))


CASES = [("default", [], 24),
         # telemetry x400 makes the weak regions' routes overload (loads up to 3.2 by month 20): backlog waits,
         # e-mail waits, dispatch in time < 1, telemetry lost, congestion > 1, edge investment
         ("congested", ["mechanisms.infrastructure.telemetry_Bps_per_device=400000"], 20)]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("vicsim")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--months", type=int, help="months of every case (default: 24 for the default case, 20 congested)")
    p.add_argument("--set", action="append", default=[], help="run one case with these overrides instead of the two")
    p.add_argument("--keep", help="write the vicsim runs to DIR_t and keep them (one case)")
    p.add_argument("--reuse", help="reuse vicsim runs DIR_t made earlier (no vicsim run; one case)")
    a = p.parse_args()
    cases = [("set", a.set, a.months or 24)] if (a.set or a.keep or a.reuse) else \
        [(n, s, a.months or m) for n, s, m in CASES]
    ok = True; t0 = time.time(); summary = []
    for name, sets, months in cases:
        case_ok = run_case(a, name, sets, months)
        summary.append(f"{name}, {months} months: " + ("exact" if case_ok else "differs"))
        ok = case_ok and ok
    print(f"check_layer.py: {'all cases exact' if ok else 'FAILED'} ({time.time() - t0:.1f} s)")
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (scripts/validation_report.sh)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild: SimGrid layer on",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone; layer.py), SimGrid's completion "
                          "times read from routes.csv",
                "target": f"platform_led.json, {a.count} firms, seed {a.seed}, the layer on, as bundled and congested: "
                          "every firm, platform and route equals vicsim's each month",
                "tolerance": "relative 1e-9",
                "measured": "; ".join(summary),
                "pass": ok,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_layer.py build/vicsim",
            }) + "\n")
    return 0 if ok else 1


def run_case(a, name, sets, months):
    import copy
    import layer
    import plat
    import psim
    IP0 = getattr(layer, "_IP0", None) or copy.deepcopy(layer.IP); layer._IP0 = IP0
    EC0 = getattr(plat, "_EC0", None) or copy.deepcopy(plat.EC); plat._EC0 = EC0
    layer.IP.clear(); layer.IP.update(copy.deepcopy(IP0)); plat.EC.clear(); plat.EC.update(copy.deepcopy(EC0))
    for s in sets:
        k, v = s.split("=", 1)
        if k not in SETS: sys.exit(f"check_layer.py: --set {k} is not read by the rebuild")
        layer.IP[SETS[k][0]] = SETS[k][1](v)
        if k.endswith("uplink_gbps"):
            plat.EC["uplink"] = float(v)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        prefix = a.reuse or a.keep or os.path.join(tmp, "run")
        if not a.reuse:
            for t in range(1, months + 1):
                cmd = [a.vicsim, "run", SCENARIO, "--seed", str(a.seed), "--ticks", str(t), "--set",
                       f"mechanisms.population.count={a.count}", "--out", f"{prefix}_{t}", "--force", "-q"]
                for s in sets: cmd += ["--set", s]
                subprocess.run(cmd, check=True)
        t1 = time.time()
        state = dict(months=0, exact=0, first=None)

        def hook(w, t):
            d = f"{prefix}_{t}"
            rows = list(csv.DictReader(open(d + "/firms.csv")))
            m1 = w.m1
            nf, worst, bad = firm_diffs(w, rows, t)
            pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == t]
            pw = 0.0
            for r, pl in zip(pr, w.plats):
                for col, mv in (("revenue_yuan", pl["revenue"]), ("cost_yuan", pl["cost"]), ("cash_yuan", pl["cash"]),
                                ("gmv_yuan", pl["gmv"]), ("transaction_fee", pl["fee"])):
                    e = rel(float(r[col]), mv); pw = max(pw, e)
                    if e > TOL: bad.append(f"platform {pl['name']} {col} rel {e:.1e} ({float(r[col])!r} vs {mv!r})")
            layer.compare_platforms(w, t, pr)
            lb = [x for x in w.L_log if x[0] == t and x[6] > TOL]
            lw = max([x[6] for x in w.L_log if x[0] == t] or [0.0])
            for x in lb[:3]:
                bad.append(f"layer {x[1]} {w.regions[x[2]]['name'] if x[2] is not None else ''} {w.plats[x[3]]['name']}: "
                           f"mine {x[4]!r} vicsim {x[5]!r}")
            if len(lb) > 3: bad.append(f"... {len(lb)} layer values differ")
            ts = list(csv.DictReader(open(d + "/timeseries.csv")))[t - 1]
            al = [pi for pi, pl in enumerate(w.plats) if pl["alive"]]
            mem = sum(w.plats[pi]["members"] for pi in al)
            lat = sum(w.plats[pi]["members"] * w.L_plat["lat"][pi] for pi in al) / mem * 1000 if mem > 0 else 0.0
            ib = m1["inputs_bought"].sum()
            for col, mv in (("firms", float(w.alive.sum())), ("output", m1["revenue"].sum()), ("profit", m1["profit"].sum()),
                            ("lead_time_days", m1["lead"].sum() / ib if ib > 0 else 0.0), ("service_latency_ms", lat),
                            ("max_congestion", max([w.L_cong[pi] for pi in al] or [1.0]))):
                e = rel(float(ts[col]), mv)
                if e > TOL: bad.append(f"timeseries {col} rel {e:.1e}")
            state["months"] += 1
            if not bad: state["exact"] += 1
            elif state["first"] is None: state["first"] = (t, bad)
            print(f"month {t:3d}: firms {nf}, max rel diff firms {worst:.1e}, platforms {pw:.1e}, "
                  f"layer {lw:.1e}" + ("  MISMATCH " + "; ".join(bad) if bad else "  exact"), flush=True)

        psim.MONTH_HOOK = hook
        psim.run(a.seed, a.count, 36, months, over={}, quiet=True, routes=f"{prefix}_{months}/routes.csv")
    ok = state["months"] == months and state["exact"] == months
    print(f"[{name}{' ' + ' '.join(sets) if sets else ''}] "
          f"platform_led.json with the SimGrid layer on, seed {a.seed}, {a.count} firms: {state['exact']} of "
          f"{months} months exact (vicsim {t1 - t0:.1f} s, rebuild {time.time() - t1:.1f} s)" + ("" if ok else "  FAILED"))
    if state["first"]:
        print("first difference: month", state["first"][0], "|", "; ".join(state["first"][1]))
    return ok


if __name__ == "__main__":
    sys.exit(main())

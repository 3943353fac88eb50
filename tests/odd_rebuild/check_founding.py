#!/usr/bin/python3
"""Checks vicsim's endogenous platform founding against the rebuild written from docs/ODD.md alone (found.py).

Usage: check_founding.py VICSIM [--seed S] [--count N] [--months T] [--preset stress|none] [--set KEY=VALUE ...]
                           [--keep DIR] [--quiet]

Runs `VICSIM run scenarios/platform_emergent.json --seed S --ticks t --set mechanisms.population.count=N
--set mechanisms.infrastructure.enabled=false [--set ...]` for t = 1..T (firms.csv holds the last month only),
runs the rebuild once over the same months and requires every month to agree at relative 1e-9: every firm's
firms.csv columns, every founded platform's platforms.csv row (name, level, owner, host, parent, members,
founded_tick, revenue, cost, cash, GMV, fee, compute) and the month's timeseries aggregates (firms, entries,
exits, output, profit, platforms_alive, platform_member_share). `--set` passes a founding or platform-economy
override to both (the keys found.py knows: see OVERRIDES). The default preset `stress` makes founding cheap (STRESS)
so that 300 firms found surfaces, lines (by independents and a chain-master) and a point, fill the 12 slots and
fail. Relative differences are taken over max(|vicsim|, F), F = `--abs-floor` (default 1, as check.py: an absolute
1e-9 below 1 yuan or unit). Long runs at 2,000 firms need `--abs-floor 1000` (an absolute 1e-6 below 1,000): there
near-zero cash, profit or marketplace GMV carry summation-order residues of ~1e-9 (records/founding/REPORT.md).
Exit 0 if all agree, 1 otherwise.
"""
import argparse, csv, io, contextlib, json, os, subprocess, sys, tempfile, time
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from firmcmp import firm_diffs  # noqa: E402
SCENARIOS = os.path.join(HERE, "..", "..", "scenarios")
TOL = 1e-9
ABS = 1.0    # the floor of the relative difference, max(|vicsim|, ABS); --abs-floor sets it
# --set keys the rebuild understands: JSON path -> (dict name, key)
OVERRIDES = {"mechanisms.founding.launch_cost": ("FD", "launch_cost"),
             "mechanisms.founding.regional_min_firms": ("FD", "regional_min"),
             "mechanisms.founding.first_tick": ("FD", "first_tick"),
             "mechanisms.founding.decision_rate": ("FD", "decision_rate"),
             "mechanisms.platform_economy.initial_cash": ("EC", "initial_cash"),
             "mechanisms.platform_economy.fixed_cost": ("EC", "fixed_cost"),
             "mechanisms.platform_economy.cost_per_gbps": ("EC", "cost_per_gbps"),
             "mechanisms.platform_economy.cost_per_gflops": ("EC", "cost_per_gflops"),
             "mechanisms.platform_economy.cost_per_member": ("EC", "cost_per_member")}


STRESS = ["mechanisms.founding.launch_cost=0", "mechanisms.platform_economy.initial_cash=0",
          "mechanisms.platform_economy.fixed_cost=0", "mechanisms.platform_economy.cost_per_gbps=0",
          "mechanisms.founding.regional_min_firms=30"]

# cultivation: founding cheap but not free, so that co-funding (half the launch cost, budget 1e8) decides cases
STRESS_CULT = ["mechanisms.founding.launch_cost=2e6", "mechanisms.platform_economy.initial_cash=1e6",
               "mechanisms.platform_economy.fixed_cost=2e4", "mechanisms.founding.regional_min_firms=30"]


def rel(a, b):
    return abs(a - b) / max(ABS, abs(a))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vicsim")
    ap.add_argument("--abs-floor", type=float, default=1.0,
                    help="relative differences over max(|vicsim|, this); 1000 for long 2,000-firm runs (default 1)")
    ap.add_argument("--scenario", choices=["platform_emergent", "one_plus_n", "platform_cultivation"], default="platform_emergent")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--preset", choices=["stress", "none"], default="stress",
                    help="stress (default): founding made cheap (STRESS) so that surfaces, lines by independents and "
                         "chain-masters, a point, failures and the 12-slot limit all occur in 300 firms; none: the "
                         "scenario's own costs (seed 20240901 at 2,000 firms founds a chain-master line in month 9)")
    ap.add_argument("--keep", default=None, help="reuse/keep vicsim run directories with this prefix")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--layer", action="store_true", help="the SimGrid layer on (the default of vicsim): SimGrid's "
                    "completion times read from routes.csv (layer.py, all_layer.py; records/all_layer/)")
    a = ap.parse_args()
    global ABS
    ABS = a.abs_floor
    if a.preset == "stress" and a.scenario == "platform_emergent": a.set = STRESS + a.set
    if a.preset == "stress" and a.scenario == "platform_cultivation": a.set = STRESS_CULT + a.set
    SCENARIO = os.path.join(SCENARIOS, a.scenario + ".json")
    t0 = time.time()
    import found, plat, psim
    for kv in a.set:
        k, v = kv.split("=", 1)
        if k.startswith("policies["): continue      # applied after the scenario's policies are loaded
        if k.startswith("mechanisms.infrastructure.") and a.layer:   # the layer's keys (check_layer.SETS)
            import check_layer, layer
            layer.IP[check_layer.SETS[k][0]] = check_layer.SETS[k][1](v); continue
        d, key = OVERRIDES[k]
        (found.FD if d == "FD" else plat.EC)[key] = float(v)
    if a.scenario == "one_plus_n":
        import middle
        middle.install()
    else:
        found.install()
        if a.scenario == "platform_cultivation":
            found.load_policies(SCENARIO)
            for kv in a.set:            # policies[I].FIELD=VALUE (numbers only)
                k, v = kv.split("=", 1)
                if k.startswith("policies["):
                    i = int(k[len("policies["):k.index("]")]); found.COFUND[i][k.split(".", 1)[1]] = float(v)
    tmp = None
    if a.keep: prefix = a.keep
    else:
        tmp = tempfile.TemporaryDirectory(); prefix = os.path.join(tmp.name, "run")
    for t in range(1, a.months + 1):
        if a.keep and os.path.exists(f"{prefix}_{t}/firms.csv"): continue
        cmd = [a.vicsim, "run", SCENARIO, "--seed", str(a.seed), "--ticks", str(t), "--set",
               f"mechanisms.population.count={a.count}"] + ([] if a.layer else ["--set", "mechanisms.infrastructure.enabled=false"])
        for kv in a.set: cmd += ["--set", kv]
        subprocess.run(cmd + ["--out", f"{prefix}_{t}", "--force", "-q"], check=True)
    t1 = time.time()
    res = dict(exact=0, first=None)

    def check(w, t):
        d = f"{prefix}_{t}"
        rows = list(csv.DictReader(open(d + "/firms.csv")))
        n = len(w.L); m1 = w.m1
        nf, _, bad = firm_diffs(w, rows, t, floor=ABS)
        # platforms: rows of tick t in slot order vs used slots
        pr = [r for r in csv.DictReader(open(d + "/platforms.csv")) if int(r["tick"]) == t]
        used = [p for p in w.plats if p.get("used") or not p.get("founded")]
        if len(pr) != len(used):
            bad.append(f"platforms: vicsim {[(r['platform'], r['founded_tick']) for r in pr]} rebuild {[(p['name'], p['founded_tick']) for p in used]}")
        for r, p in zip(pr, used):
            pi = w.plats.index(p)
            mem = int(sum(1 for k in range(n) if w.alive[k] and (int(w.pmask[k]) >> pi) & 1))
            par = w.plats[p["parent"]]["name"] if p["alive"] and p["parent"] >= 0 else ""
            lv = p["level"]
            ic = str(int(middle.connected(w, pi))) if a.scenario == "one_plus_n" else "0"
            txt = [("platform", r["platform"], p["name"]), ("level", r["level"], lv), ("owner", r["owner"], p["owner"]),
                   ("host", r["host_region"], w.regions[p["host"]]["name"]), ("parent", r["parent"], par),
                   ("alive", r["alive"], str(int(p["alive"]))), ("founded_tick", r["founded_tick"], str(p.get("founded_tick", -1))),
                   ("interconnected", r["interconnected"], ic)]
            for nm, x, y in txt:
                if x != y: bad.append(f"{r['platform']} {nm} {x}/{y}")
            num = [("members", float(r["members"]), mem), ("revenue", float(r["revenue_yuan"]), p["revenue"]),
                   ("cost", float(r["cost_yuan"]), p["cost"]), ("cash", float(r["cash_yuan"]), p["cash"]),
                   ("gmv", float(r["gmv_yuan"]), p["gmv"]), ("fee", float(r["transaction_fee"]), p["fee"]),
                   ("compute", float(r["compute_gflops"]), p["compute"]), ("losses", float(r["losses_yuan"]), p.get("losses", 0.0))]
            for nm, x, y in num:
                if rel(x, y) > TOL: bad.append(f"{r['platform']} {nm} {x!r}/{y!r}")
        ts = list(csv.DictReader(open(d + "/timeseries.csv")))[t - 1]
        lg = w._log[-1] if hasattr(w, "_log") else None
        alivep = sum(1 for p in w.plats if p["alive"])
        nal = int(np.sum(w.alive)); mem = sum(1 for k in range(n) if w.alive[k] and w.pmask[k])
        tsv = [("firms", float(ts["firms"]), nal), ("output", float(ts["output"]), m1["revenue"].sum()),
               ("profit", float(ts["profit"]), m1["profit"].sum()), ("platforms_alive", float(ts["platforms_alive"]), alivep),
               ("platform_member_share", float(ts["platform_member_share"]), mem / nal if nal else 0.0)]
        for nm, x, y in tsv:
            if rel(x, y) > TOL: bad.append(f"timeseries {nm} {x!r}/{y!r}")
        if a.layer:   # the layer's route and platform values (7.23, 7.45-7.48)
            import all_layer
            bad += all_layer.layer_diffs(w, t, pr)
        status = "exact" if not bad else "MISMATCH " + "; ".join(bad[:8])
        if not bad: res["exact"] += 1
        elif res["first"] is None: res["first"] = (t, bad[:8])
        if not a.quiet or bad:
            print(f"month {t:3d}: firms {nf}, platforms {[(r['platform'], r['members']) for r in pr]}  {status}", flush=True)

    psim.MONTH_HOOK = check
    with contextlib.redirect_stdout(io.StringIO()):
        pass
    if a.layer:
        import all_layer
        all_layer.install_tside()
        w, log = psim.run(a.seed, a.count, 36, a.months, over={}, quiet=True, routes=f"{prefix}_{a.months}/routes.csv")
    else:
        w, log = psim.run(a.seed, a.count, 36, a.months, over={"infrastructure_enabled": False}, quiet=True)
    ok = res["exact"] == a.months
    print(f"{a.scenario}.json, seed {a.seed}, {a.count} firms{' ' + ' '.join(a.set) if a.set else ''}: "
          f"{res['exact']} of {a.months} months exact; vicsim {t1 - t0:.1f} s, rebuild {time.time() - t1:.1f} s"
          + ("" if ok else f"  FAILED (first month {res['first'][0]})"))
    print("founding cases (tick, key, value, hurdle, founded):", [x for x in found.LOG if x[4]] or "none founded",
          f"; {len(found.LOG)} cases, best value-hurdle {max([x[2] - x[3] for x in found.LOG], default=None)}")
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (as check_platform.py writes)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": f"ODD rebuild: {a.scenario}" + (", layer on" if a.layer else ""),
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone; found.py, middle.py)",
                "target": f"{a.scenario}.json, {a.count} firms, seed {a.seed}, SimGrid layer {'on' if a.layer else 'off'}"
                          + (f", {' '.join(a.set)}" if a.set else "")
                          + f": every firm, platform and month's aggregates equal vicsim's in months 1–{a.months}",
                "tolerance": f"relative 1e-9 of max(|vicsim|, {ABS:g})",
                "measured": f"{res['exact']} of {a.months} months exact",
                "pass": ok,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_founding.py build/vicsim"
                           + ("" if a.scenario == "platform_emergent" else f" --scenario {a.scenario} --months {a.months}")
                           + (" --layer" if a.layer else ""),
            }) + "\n")
    if tmp: tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Fabricates input directories for `vicsim report` tests, with known answers.

Usage:
  report_fixtures.py comparison OUT_DIR
  report_fixtures.py pilot RUN_DIR OUT_DIR     (copies a real run and adds a pilot program)
  report_fixtures.py sweep OUT_DIR
  report_fixtures.py attribution OUT_DIR

comparison: the layout `vicsim compare` writes (comparison.csv, comparison.json, timeseries.csv
with arm,replication + run columns); arm B has a higher cross-regional tie share (+0.30 by month 48)
and a lower transaction cost; clustering is unchanged.
pilot: regions.csv (tick,region,treated,...) with a +0.15 adoption effect in treated regions from the
pilot's start, policies.csv, and a pilot policy in scenario.resolved.json. Prints the exact
collapsed difference-in-differences of adoption_share as JSON on stdout.
sweep: sweep.json, results.csv (one failed run), sensitivity.csv and prim.json as `vicsim sweep`\nwrites them, over three factors.
attribution: attribution.csv and attribution.json as `vicsim attribute` writes them, two KPIs at months 24
and 48 over three mechanism groups; the contributions plus "unexplained" add up to "total" (Shapley
efficiency); platform_ratings' contribution to transaction_cost_per_unit at month 48 is -1.25.
Everything is deterministic (fixed seeds).
"""
import csv
import json
import math
import os
import random
import shutil
import sys

T975 = {2: 4.302652730, 3: 3.182446305, 4: 2.776445105, 5: 2.570581836, 7: 2.364624252, 9: 2.262157163}


def t_sf2(t, df):
    """Two-sided p-value of Student's t by Simpson integration of the density (good to ~1e-6)."""
    t = abs(t)
    if t == 0:
        return 1.0
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))
    f = lambda x: c * (1 + x * x / df) ** (-(df + 1) / 2)
    n = 2000
    h = t / n
    s = f(0) + f(t) + sum((4 if i % 2 else 2) * f(i * h) for i in range(1, n))
    return max(0.0, 1 - 2 * s * h / 3)


def comparison(out):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    reps, ticks = 5, 48
    seeds = [1000 + r for r in range(reps)]
    kpis = ["firms", "output", "cross_region_tie_share", "local_tie_share", "clustering",
            "transaction_cost_per_unit", "adoption_share", "productivity_mean"]
    rows = []
    series = {}  # (arm, rep, kpi) -> list over ticks
    for r in range(reps):
        shock = rng.gauss(0, 1)  # common random numbers: shared by both arms of a replication
        for arm in ("a", "b"):
            for t in range(1, ticks + 1):
                g = t / ticks
                plat = arm == "b"
                v = {
                    "firms": 400 + 20 * g + 5 * shock + rng.gauss(0, 2) + (30 * g if plat else 0),
                    "output": 2.0e8 * (1 + 0.2 * g) * (1 + 0.01 * shock) * (1.08 if plat else 1.0),
                    "cross_region_tie_share": 0.12 + 0.01 * shock * 0.1 + (0.30 * g if plat else 0.0) + rng.gauss(0, 0.01),
                    "clustering": 0.2 + 0.02 * g + 0.01 * shock + rng.gauss(0, 0.004),
                    "transaction_cost_per_unit": 900 - (120 * g if plat else 20 * g) + 10 * shock + rng.gauss(0, 5),
                    "adoption_share": (1 / (1 + math.exp(-(t - 24) / 4)) * 0.8) if plat else 0.0,
                    "productivity_mean": 1.0 + 0.5 * g + (0.05 * g if plat else 0) + rng.gauss(0, 0.01),
                }
                v["local_tie_share"] = 1 - v["cross_region_tie_share"]
                stage = 0 if t < 6 else 1 if t < 20 else 2 if t < 36 else 3
                names = ["dispersed", "concentration", "value_chain", "ecosystem"]
                rows.append({"arm": arm, "replication": r, "scenario": "traditional" if arm == "a" else "platform",
                             "seed": seeds[r], "tick": t, **{k: v[k] for k in kpis}, "stage": stage,
                             "stage_name": names[stage]})
                for k in kpis:
                    series.setdefault((arm, r, k), []).append(v[k])
    cols = ["arm", "replication", "scenario", "seed", "tick"] + kpis + ["stage", "stage_name"]
    with open(os.path.join(out, "timeseries.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    header = ["kpi", "tick", "arm_a", "arm_b", "n", "mean_a", "mean_b", "diff", "ci_low", "ci_high",
              "sd_diff", "effect_size", "p_value"]
    out_rows = []
    for k in kpis:
        for t in (12, 24, 36, 48):
            a = [series[("a", r, k)][t - 1] for r in range(reps)]
            b = [series[("b", r, k)][t - 1] for r in range(reps)]
            d = [y - x for x, y in zip(a, b)]
            m = sum(d) / reps
            sd = math.sqrt(sum((x - m) ** 2 for x in d) / (reps - 1))
            half = T975[reps - 1] * sd / math.sqrt(reps)
            tstat = m / (sd / math.sqrt(reps)) if sd > 0 else 0.0
            out_rows.append([k, t, "traditional", "platform", reps, sum(a) / reps, sum(b) / reps, m,
                             m - half, m + half, sd, m / sd if sd > 0 else "NA", t_sf2(tstat, reps - 1) if sd > 0 else "NA"])
    with open(os.path.join(out, "comparison.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(out_rows)
    meta = {"arms": {"a": {"name": "traditional", "scenario": "scenarios/traditional.json"},
                     "b": {"name": "platform", "scenario": "scenarios/platform.json"}},
            "replications": reps, "seeds": seeds,
            "command": "vicsim compare scenarios/traditional.json scenarios/platform.json --replications 5 --out " + out,
            "vicsim_version": "0.1.0", "git_hash": "fixture",
            "rows": [dict(zip(header, r)) for r in out_rows]}
    with open(os.path.join(out, "comparison.json"), "w") as f:
        json.dump(meta, f, indent=2)


def pilot(run_dir, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(run_dir, out)
    resolved = json.load(open(os.path.join(out, "scenario.resolved.json")))
    regions = [r["name"] for r in resolved["regions"]]
    treated = set(regions[: len(regions) // 2])
    ticks = [int(r["tick"]) for r in csv.DictReader(open(os.path.join(out, "timeseries.csv")))]
    start = ticks[len(ticks) // 3] + 1
    duration = len(ticks)
    resolved["policies"] = [
        {"name": "cloud_voucher_pilot", "instrument": "pilot", "start": start, "duration": duration,
         "budget": 2.4e7, "target": {"regions": sorted(treated)}},
        {"name": "broadband", "instrument": "infrastructure", "start": 1, "duration": duration,
         "budget": 1.0e7, "target": {"regions": regions}}]
    with open(os.path.join(out, "scenario.resolved.json"), "w") as f:
        json.dump(resolved, f, indent=2, sort_keys=True)
    rng = random.Random(11)
    panel = []
    base = {r: rng.uniform(0.05, 0.15) for r in regions}
    for t in ticks:
        for r in regions:
            tr = r in treated
            effect = 0.15 if (tr and t >= start) else 0.0
            adoption = min(1.0, base[r] + 0.004 * t + effect + rng.gauss(0, 0.01))
            panel.append({"tick": t, "region": r, "treated": int(tr), "firms": 60 + rng.randint(-3, 3),
                          "output": 3.0e7 * (1 + 0.002 * t) * (1.05 if effect else 1.0),
                          "adoption_share": adoption,
                          "cross_region_tie_share": 0.1 + (0.05 if effect else 0.0) + rng.gauss(0, 0.005),
                          "productivity_mean": 1.0 + 0.004 * t + (0.02 if effect else 0.0)})
    with open(os.path.join(out, "regions.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(panel[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(panel)
    with open(os.path.join(out, "policies.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["tick", "policy", "instrument", "target", "spend", "cumulative_spend"])
        cum = {"cloud_voucher_pilot": 0.0, "broadband": 0.0}
        for t in ticks:
            for name, inst, spend, tgt in (("cloud_voucher_pilot", "pilot", 1.0e6 if t >= start else 0.0,
                                            "treated regions"),
                                           ("broadband", "infrastructure", 2.0e5, "all regions")):
                cum[name] += spend
                w.writerow([t, name, inst, tgt, spend, cum[name]])
    # The exact collapsed DiD of adoption_share (region means before/after the start).
    def delta(region):
        pre = [p["adoption_share"] for p in panel if p["region"] == region and p["tick"] < start]
        post = [p["adoption_share"] for p in panel if p["region"] == region and p["tick"] >= start]
        return sum(post) / len(post) - sum(pre) / len(pre)
    dt = [delta(r) for r in regions if r in treated]
    dc = [delta(r) for r in regions if r not in treated]
    did = sum(dt) / len(dt) - sum(dc) / len(dc)
    json.dump({"did_adoption_share": did, "start": start, "pilot_spend": 1.0e6 * sum(1 for t in ticks if t >= start)},
              sys.stdout)
    print()


def sweep(out):
    """The layout of `vicsim sweep` (branch sweep): sweep.json, results.csv with status/error,
    sensitivity.csv (kpi,factor,index,estimate,ci_low,ci_high) and prim.json with limits[]."""
    os.makedirs(out, exist_ok=True)
    rng = random.Random(3)
    factors = ["transaction_cost_base", "half_distance_km", "platform_fee"]
    kpis = ["cross_region_tie_share", "output", "adoption_share"]
    rows = []
    for p in range(40):
        x = [rng.uniform(0.5, 2.0), rng.uniform(300, 2400), rng.uniform(0.0, 0.1)]
        for rep in range(2):
            y = [0.1 + 0.2 / x[0] + 0.00002 * x[1] + rng.gauss(0, 0.01),
                 1e8 * (1 + 0.3 * (2 - x[0]) - 2 * x[2]) + rng.gauss(0, 2e6),
                 max(0.0, 0.6 - 4 * x[2] + 0.05 * x[0] * (x[2] < 0.05) + rng.gauss(0, 0.02))]
            status, error = "ok", ""
            if len(rows) == 17:  # one failed run: NA KPIs, left out of the plots
                y, status, error = ["NA"] * 3, "failed", "vicsim run exited 1"
            rows.append([len(rows), p, rep, 500 + len(rows)] + x + y + [status, error])
    with open(os.path.join(out, "results.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run_id", "point", "replication", "seed"] + factors + kpis + ["status", "error"])
        w.writerows(rows)
    with open(os.path.join(out, "sensitivity.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kpi", "factor", "index", "estimate", "ci_low", "ci_high"])
        imp = {"cross_region_tie_share": [0.6, 0.3, 0.02], "output": [0.4, 0.01, 0.5],
               "adoption_share": [0.05, 0.0, 0.85]}
        for k in kpis:
            for j, fac in enumerate(factors):
                s = imp[k][j]
                w.writerow([k, fac, "mu", s * 9, s * 7, s * 11])
                w.writerow([k, fac, "mu_star", s * 10, s * 8, s * 12])
                w.writerow([k, fac, "sigma", s * 4 + 0.2, s * 3, s * 5 + 0.4])
                w.writerow([k, fac, "S1", s * 0.9, max(0, s * 0.9 - 0.05), s * 0.9 + 0.05])
                w.writerow([k, fac, "ST", s, max(0, s - 0.04), s + 0.06])
    def limits(low, high, restricted):
        return [{"factor": f, "low": lo, "high": hi, "restricted": r}
                for f, lo, hi, r in zip(factors, low, high, restricted)]
    prim = {"condition": "adoption_share >= 0.4", "method": "PRIM (Friedman & Fisher 1999)",
            "points": 79, "true_points": 38,
            "boxes": [{"box": 1, "coverage": 0.82, "density": 0.93, "mass": 0.42, "points": 33, "true_points": 31,
                       "limits": limits([0.5, 300, 0.0], [2.0, 2400, 0.048], [False, False, True])},
                      {"box": 2, "coverage": 0.1, "density": 0.7, "mass": 0.06, "points": 5, "true_points": 4,
                       "limits": limits([1.2, 300, 0.048], [2.0, 1500, 0.06], [True, True, True])}]}
    with open(os.path.join(out, "prim.json"), "w") as f:
        json.dump(prim, f, indent=2)
    manifest = {"fingerprint": "fixture", "experiment_file": "experiments/fixture_morris.json",
                "scenario_file": "scenarios/platform_led.json", "runs": len(rows), "design": "morris",
                "factors": [{"name": f} for f in factors], "kpis": kpis, "vicsim_version": "0.1.0"}
    with open(os.path.join(out, "sweep.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def attribution(out):
    os.makedirs(out, exist_ok=True)
    groups = ["platforms", "platform_ratings", "dispatch"]
    parts = {"transaction_cost_per_unit": [-0.5, -1.25, 0.25], "cross_region_tie_share": [0.08, 0.02, 0.01]}
    rows = []
    for kpi, phis in parts.items():
        for tick in (24, 48):
            scale = tick / 48
            contrib = [p * scale for p in phis]
            unexplained = 0.1 * scale * (1 if kpi == "transaction_cost_per_unit" else 0.01)
            for g, c in zip(groups, contrib):
                rows.append((kpi, tick, g, c, c - abs(c) * 0.3, c + abs(c) * 0.3))
            total = sum(contrib) + unexplained
            rows.append((kpi, tick, "unexplained", unexplained, unexplained * 0.5, unexplained * 1.5))
            rows.append((kpi, tick, "interaction", 0.0, -0.01, 0.01))
            rows.append((kpi, tick, "total", total, total - abs(total) * 0.2, total + abs(total) * 0.2))
    with open(os.path.join(out, "attribution.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kpi", "tick", "mechanism", "contribution", "ci_low", "ci_high"])
        for r in rows:
            w.writerow([r[0], r[1], r[2]] + ["%.10g" % x for x in r[3:]])
    meta = {"arms": {"a": {"name": "traditional", "scenario": "scenarios/traditional.json"},
                     "b": {"name": "platform_led", "scenario": "scenarios/platform_led.json"}},
            "replications": 3, "seeds": [20240901, 20240902, 20240903], "ticks": [24, 48],
            "command": "vicsim attribute scenarios/traditional.json scenarios/platform_led.json --replications 3 --out fixture",
            "groups": [{"name": g, "members": [g], "switches": []} for g in groups], "shapley": "exact",
            "vicsim_version": "0.1.0"}
    with open(os.path.join(out, "attribution.json"), "w") as f:
        json.dump(meta, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "comparison":
        comparison(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "pilot":
        pilot(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "sweep":
        sweep(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "attribution":
        attribution(sys.argv[2])
    else:
        sys.exit(__doc__)

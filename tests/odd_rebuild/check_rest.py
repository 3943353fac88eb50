#!/usr/bin/python3
"""CI check of the rebuild's "rest" (records/rest/): instruments and closures no other check exercises.

usage: check_rest.py VICSIM [--seed 7] [--count 300] [--ticks 24] [--no-regions]
1. scenarios/households_exogenous.json (households.consumption = "exogenous", 7.15a (a), 7.69-7.71; households.py);
2. records/rest/variants/supervision.json: platform_led.json with two overlapping supervision policies
   (7.24; supervision.py), plus every platform's transaction_fee and posted_transaction_fee in every month;
3. the classroom presets: classroom_platform.json must equal platform_led.json at 300 firms, and
   classroom_small.json traditional.json at 300 firms and 60 months (same firms.csv and timeseries but for the
   scenario name), which check_platform.py and check.py rebuild.
Every month's aggregates, every firm and platform at the last month, relative 1e-9 (layer off).
4. scenarios/examples/regions_from_csv.json (`regions_csv`, regions_csv.py), traditional path with the layer ON as
   check.py runs traditional.json, and examples/firms_from_csv.json (`firms_csv`, firms_csv.py, 36 firms)
   (--no-regions leaves both out).
Fails with ODD_REBUILD_ALT=hh_div=plat, hh_div=warm, sup_fee=stored, sup_public=0, sup_learn=ceiling,
fc_rel=drawn or fc_cm=all
(records/rest/GUESSES.md). Exit 0 if all agree, 1 otherwise.
"""
import sys, os, csv, json, subprocess, tempfile, time, argparse
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import households, supervision, polmulti, regions_csv, firms_csv

ROOT = os.path.join(HERE, "..", "..")


def vicsim(V, scen, seed, N, T, out, layer_off=True, count=True):
    cmd = [V, "run", scen, "--seed", str(seed), "--out", out, "--force", "-q"]
    if T: cmd += ["--ticks", str(T)]
    if count: cmd += ["--set", f"mechanisms.population.count={N}"]
    if layer_off: cmd += ["--set", "mechanisms.infrastructure.enabled=false"]
    subprocess.run(cmd, check=True)


def same_run(a, b):
    """Two runs equal but for the scenario name: timeseries from column 3 on, firms.csv and platforms.csv."""
    for f in ("timeseries.csv", "firms.csv", "platforms.csv"):
        pa, pb = os.path.join(a, f), os.path.join(b, f)
        if not os.path.exists(pa) and not os.path.exists(pb): continue
        ra = [r.split(",", 1)[1] if f != "firms.csv" else r for r in open(pa)]
        rb = [r.split(",", 1)[1] if f != "firms.csv" else r for r in open(pb)]
        if ra != rb: return f
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vicsim"); ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count", type=int, default=300); ap.add_argument("--ticks", type=int, default=24)
    ap.add_argument("--no-regions", action="store_true")
    a = ap.parse_args()
    V = os.path.abspath(a.vicsim); t0 = time.time(); bad = []
    tmp = tempfile.mkdtemp(prefix="odd_rest_")
    # 1. exogenous households
    d = os.path.join(tmp, "hx"); vicsim(V, os.path.join(ROOT, "scenarios", "households_exogenous.json"), a.seed, a.count, a.ticks, d)
    c = households.compare(a.seed, a.count, a.ticks, d)
    print(f"households_exogenous: {c.months} months, every firm at {a.ticks}: {'exact' if not c.bad_months else c.first_bad}")
    if c.bad_months or not c.months: bad.append("households_exogenous")
    # 2. supervision, with every month's charged and posted fee
    scen = os.path.join(HERE, "records", "rest", "variants", "supervision.json")
    d = os.path.join(tmp, "sv"); vicsim(V, scen, a.seed, a.count, a.ticks, d)
    fees = {}; orig = polmulti.Cmp.__call__
    def hook(self, w, t):
        fees[t] = [(p["fee"], p["posted"]) for p in w.plats]
        return orig(self, w, t)
    polmulti.Cmp.__call__ = hook
    try: c = supervision.compare(scen, a.seed, a.count, a.ticks, d)
    finally: polmulti.Cmp.__call__ = orig
    fbad = []
    rows = list(csv.DictReader(open(os.path.join(d, "platforms.csv"))))
    for t in range(1, a.ticks + 1):
        pr = [r for r in rows if int(r["tick"]) == t]
        for r, (f, pf) in zip(pr, fees[t]):
            for x, y, nm in ((float(r["transaction_fee"]), f, "transaction_fee"), (float(r["posted_transaction_fee"]), pf, "posted_transaction_fee")):
                if abs(x - y) > 1e-9 * max(1.0, abs(x)): fbad.append(f"month {t} {r['platform']} {nm}: vicsim {x} rebuild {y}")
    print(f"supervision variant: {c.months} months, every firm at {a.ticks}: {'exact' if not c.bad_months else c.first_bad}; "
          f"fees of {len(rows)} platform-months: {'exact' if not fbad else fbad[0] + f' ({len(fbad)} differ)'}")
    if c.bad_months or not c.months or fbad: bad.append("supervision")
    # 3. classroom presets
    for cl, base, T, lay in (("classroom_platform", "platform_led", 60 if a.ticks > 60 else a.ticks, True),
                             ("classroom_small", "traditional", 60 if a.ticks > 60 else a.ticks, False)):
        d1, d2 = os.path.join(tmp, cl), os.path.join(tmp, cl + "_base")
        vicsim(V, os.path.join(ROOT, "scenarios", cl + ".json"), a.seed, a.count, T, d1, layer_off=lay, count=False)
        vicsim(V, os.path.join(ROOT, "scenarios", base + ".json"), a.seed, a.count, T, d2, layer_off=lay)
        diff = same_run(d1, d2)
        print(f"{cl} = {base} at {a.count} firms, {T} months: {'identical' if not diff else 'DIFFERS in ' + diff}")
        if diff: bad.append(cl)
    if not a.no_regions:
        d = os.path.join(tmp, "rc")
        vicsim(V, os.path.join(ROOT, "scenarios", "examples", "regions_from_csv.json"), a.seed, a.count, a.ticks, d, layer_off=False)
        c = regions_csv.compare(a.seed, a.count, a.ticks, d)
        print(f"regions_from_csv: {c.months} months: {'exact' if not c.bad_months else c.first_bad}")
        if c.bad_months or not c.months: bad.append("regions_from_csv")
        d = os.path.join(tmp, "fc")   # the 36-firm register of firms_from_csv.json (its own count)
        vicsim(V, os.path.join(ROOT, "scenarios", "examples", "firms_from_csv.json"), a.seed, 36, a.ticks, d, layer_off=False, count=False)
        c = firms_csv.compare(a.seed, a.ticks, d)
        print(f"firms_from_csv: {c.months} months: {'exact' if not c.bad_months else c.first_bad}")
        if c.bad_months or not c.months: bad.append("firms_from_csv")
    print(f"seconds {time.time() - t0:.1f}; {'all agree' if not bad else 'DIFFER: ' + ', '.join(bad)}")
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (scripts/validation_report.sh)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild: exogenous households, supervision, classroom presets, CSV inputs",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone; households.py, supervision.py, "
                          "regions_csv.py, firms_csv.py)",
                "target": f"households_exogenous.json, a supervision variant (records/rest/variants), the classroom "
                          f"presets and examples/regions_from_csv.json, firms_from_csv.json; seed {a.seed}, "
                          f"{a.ticks} months: every month's aggregates and every firm at the end equal vicsim's",
                "tolerance": "relative 1e-9",
                "measured": "all agree" if not bad else "differ: " + ", ".join(bad),
                "pass": not bad,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_rest.py build/vicsim",
            }) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

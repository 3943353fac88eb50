#!/usr/bin/python3
"""Pins the founder's case (ODD 7.50) to vicsim's at a fraction of a yuan.

Usage: probe_case.py VICSIM [--seed S] [--count N] [--months T] [--preset stress|none] [--eps E]

Runs the rebuild (found.py) until its first founding, takes that case's value V at full precision, and runs
vicsim with the launch cost moved so that the hurdle is V − E and then V + E (E = 0.001 yuan by default): vicsim
must found the same platform in the same month in the first run and not in the second. Every other case of
those months either failed its Bernoulli draw (which does not depend on the value) or stays below the new
hurdle, so only this case's sign changes. Exit 0 if both runs behave so."""
import argparse, os, subprocess, sys, csv, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
STRESS = dict(launch_cost=0.0, initial_cash=0.0, fixed_cost=0.0, cost_per_gbps=0.0, regional_min=30)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vicsim")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--months", type=int, default=12, help="horizon of the search for the first founding")
    ap.add_argument("--preset", choices=["stress", "none"], default="stress")
    ap.add_argument("--eps", type=float, default=0.001)
    a = ap.parse_args()
    import found, plat, psim
    sets = []
    if a.preset == "stress":
        found.FD.update(launch_cost=0.0, regional_min=30); plat.EC.update(initial_cash=0.0, fixed_cost=0.0, cost_per_gbps=0.0)
        sets = ["mechanisms.platform_economy.initial_cash=0", "mechanisms.platform_economy.fixed_cost=0",
                "mechanisms.platform_economy.cost_per_gbps=0", "mechanisms.founding.regional_min_firms=30"]
    found.install()
    psim.run(a.seed, a.count, 36, a.months, over={"infrastructure_enabled": False}, quiet=True)
    hits = [x for x in found.LOGX if x[4]]
    if not hits:
        print("no founding in the rebuild within", a.months, "months"); return 1
    t, key, value, hurdle, _ = hits[0]
    base = found.FD["launch_cost"]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for sign in (-1, 1):
            lc = base + (value - hurdle) + sign * a.eps        # hurdle' = value + sign * eps
            cmd = [a.vicsim, "run", os.path.join(HERE, "..", "..", "scenarios", "platform_emergent.json"),
                   "--seed", str(a.seed), "--ticks", str(t), "--set", f"mechanisms.population.count={a.count}",
                   "--set", "mechanisms.infrastructure.enabled=false", "--set", f"mechanisms.founding.launch_cost={lc!r}"]
            for s in sets: cmd += ["--set", s]
            subprocess.run(cmd + ["--out", tmp + "/r", "--force", "-q"], check=True)
            rows = [r for r in csv.DictReader(open(tmp + "/r/platforms.csv")) if int(r["tick"]) == t and int(r["founded_tick"]) == t]
            founded = [r["platform"] for r in rows]
            want = sign < 0
            good = bool(founded) == want
            ok &= good
            print(f"seed {a.seed}: case key {key} month {t} value {value!r}; hurdle value {'-' if sign < 0 else '+'} {a.eps}: "
                  f"vicsim founds {founded or 'nothing'} in month {t}  {'ok' if good else 'DIFFERENT'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

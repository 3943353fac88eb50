#!/usr/bin/python3
"""Checks policies and shocks (7.24, 7.25) WITH the SimGrid layer on against the rebuild written from docs/ODD.md
alone (all_layer.py = polmulti.py + layer.py; records/all_layer/).

Usage: check_all_layer.py VICSIM [--seed S] [--count N] [--months T] [--scenarios a,b,c] [--founding]

For each scenario runs `VICSIM run scenarios/X.json --seed S --ticks T_X --set mechanisms.population.count=N
--pilot-replications 1` with the layer on (the default), and the same with --ticks t for the months whose every
firm is compared, then the rebuild once over T_X months with SimGrid's completion times (`*_s`, `compute_s`) read
from the T_X run's routes.csv. At relative 1e-9: every month's timeseries firms, entries, exits, output, profit,
policy_spend(_cumulative), every region's infrastructure, every route's members, bytes and outcomes (load,
wait_s, telemetry_delivered, forecast_freshness, dispatch_in_time), every platform's layer columns; in T_X and
the listed months every firm and every platform's revenue, cost, cash, GMV, fee.
Cases (seed 7, 300 firms, about 15 s):
- infrastructure_5g with its roll-out moved to month 12 (`policies.0.start=12`), 36 months: the levels of
  Qingdao, Wuhan and Chengdu rise in months 12-17, so their access links (7.23) and e-mail times (7.83) change;
- pilot_program, 30 months (the pilot starts at 24);
- shock_resilience with its shocks moved to 30-35 and 34-37, 40 months.
`--founding` also runs check_founding.py --layer for platform_emergent (stress), one_plus_n (62 months) and
platform_cultivation (stress), and platform_emergent and one_plus_n with telemetry x400 (congested), about 65 s
more. ODD_REBUILD_ALT=found_noinv=1 (no capacity investment in plat.settle_platforms), ALL_ALT=mid_noedge (no
gateway cost in middle.after_joining) or ODD_REBUILD_ALT=found_avail=1 (interconnected knowledge at
availability 1) fail the congested one_plus_n case (months 2, 2, 41).
`ALL_ALT=tside_fixed` (e-mail times from the month-0 levels) fails the infrastructure_5g case.
Exit 0 if all agree, 1 otherwise."""
import argparse, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SCEN = os.path.join(HERE, "..", "..", "scenarios")
CONG = "mechanisms.infrastructure.telemetry_Bps_per_device=400000"
CASES = {   # scenario: (months, months whose every firm is compared besides the last, --set overrides)
    "infrastructure_5g": (36, [12, 13, 17, 18, 24], ["policies.0.start=12"]),
    "pilot_program": (30, [24, 25, 26], []),
    "shock_resilience": (40, [30, 31, 34, 35, 36, 37, 38], ["shocks.0.start=30", "shocks.1.start=34"]),
}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("vicsim")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--months", type=int, default=0)
    p.add_argument("--scenarios", default=",".join(CASES))
    p.add_argument("--bundled", action="store_true", help="the scenarios' own policy and shock months (120/30/88 months)")
    p.add_argument("--founding", action="store_true")
    a = p.parse_args()
    import all_layer
    t0 = time.time(); ok = True; summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in [s for s in a.scenarios.split(",") if s]:
            T, fm, sets = CASES[name]
            if a.bundled: T, fm, sets = {"infrastructure_5g": 120, "pilot_program": 30, "shock_resilience": 88}[name], [], []
            T = a.months or T
            path = os.path.abspath(os.path.join(SCEN, name + ".json"))
            def run(t):
                out = os.path.join(tmp, f"{name}_{t}")
                r = subprocess.run([a.vicsim, "run", path, "--seed", str(a.seed), "--ticks", str(t), "--set",
                                    f"mechanisms.population.count={a.count}", "--pilot-replications", "1"]
                                   + [x for s in sets for x in ("--set", s)] + ["--out", out, "--force", "-q"],
                                   capture_output=True, text=True)
                if r.returncode == 2 and "after the horizon" in r.stderr: return None
                if r.returncode != 0: sys.exit(r.stderr)
                return out
            main_dir = run(T)
            dirs = {t: run(t) for t in sorted(set(fm)) if t < T}
            dirs[T] = main_dir
            c = all_layer.compare(path, a.seed, a.count, T, lambda t: main_dir, lambda t: dirs.get(t),
                                  main_dir + "/routes.csv", quiet=True, sets=sets)
            good = c.bad_months == 0 and c.months == T
            ok &= good
            first = c.first_bad or getattr(c, "layer_first", None)
            line = (f"{name}.json{' (' + ', '.join(sets) + ')' if sets else ''}, layer on, seed {a.seed}, {a.count} "
                    f"firms: {c.months - c.bad_months} of {T} months exact (every firm in {c.firm_months} of them)"
                    + ("" if good else f"  FAILED; first: {first}"))
            summary.append(line); print(line, flush=True)
    if a.founding:
        for args in (["--scenario", "platform_emergent"], ["--scenario", "one_plus_n", "--months", "62"],
                     ["--scenario", "platform_cultivation"],
                     # telemetry x400: edge gateways on founded platforms and the middle's N, availabilities < 1
                     ["--scenario", "platform_emergent", "--set", CONG],
                     ["--scenario", "one_plus_n", "--months", "62", "--set", CONG]):
            r = subprocess.run([sys.executable, os.path.join(HERE, "check_founding.py"), a.vicsim, "--layer", "--quiet",
                                "--seed", str(a.seed), "--count", str(a.count)] + args, capture_output=True, text=True)
            line = (r.stdout.strip().splitlines() or ["(no output)"])[-2 if r.stdout.count("\n") > 1 else -1]
            summary.append(line + ", layer on"); print(line, flush=True)
            ok &= r.returncode == 0
    secs = time.time() - t0
    print(f"check_all_layer.py: {'all agree' if ok else 'FAILED'} ({secs:.1f} s)")
    if os.environ.get("VICSIM_VALIDATION_OUT"):
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild: policies and shocks, SimGrid layer on",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone; all_layer.py), SimGrid's "
                          "completion times read from routes.csv",
                "target": f"{a.scenarios.replace(',', ', ')}, {a.count} firms, seed {a.seed}, the layer on: every "
                          "month's aggregates, policy spending, levels, routes and platforms' layer columns; every firm "
                          "in the policy and shock months",
                "tolerance": "relative 1e-9",
                "measured": "; ".join(summary),
                "pass": ok,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_all_layer.py build/vicsim",
            }) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

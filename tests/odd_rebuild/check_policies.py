#!/usr/bin/python3
"""Checks vicsim's policies (7.24) and shocks (7.25) against the rebuild written from docs/ODD.md alone.

Usage: check_policies.py VICSIM [--seed S] [--count N] [--months T] [--scenarios a,b,c] [--every-month]

For each scenario (pilot_program, shock_resilience, infrastructure_5g; all extend platform_led.json) runs
`VICSIM run scenarios/X.json --seed S --ticks T_X --set mechanisms.population.count=N
--set mechanisms.infrastructure.enabled=false --pilot-replications 1`, and the same with --ticks t for the months
where the policy or shock starts, changes or ends, then runs the rebuild (policy.py, shock.py on psim.py) once
over T_X months. It requires, at relative 1e-9, every month's timeseries `firms`, `entries`, `exits`, `output`,
`profit`, `policy_spend`, `policy_spend_cumulative` and every region's `infrastructure` (regions.csv), and in
month T_X and in those months every firm's firms.csv columns and every platform's revenue, cost, cash, GMV and fee.
`--every-month` runs vicsim for every t = 1..T_X and compares every firm every month (slower; vicsim refuses a
pilot that starts after the horizon, so pilot_program's months before 24 are compared by check_platform.py's
platform_led.json instead, which they equal).
Default horizons: pilot_program 30 (the pilot starts at 24), infrastructure_5g 42 (roll-out 36-41) and, to keep
the check short, shock_resilience with its shocks moved to months 30-35 and 34-37 (`--set shocks.0.start=30
--set shocks.1.start=34`, given to vicsim and to the rebuild) over 40 months; `--bundled` runs shock_resilience
as written (shocks at 60-65 and 84-87) over 88 months. `--months T` sets every horizon to T.
Exit 0 if all agree, 1 otherwise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SCEN = os.path.join(HERE, "..", "..", "scenarios")
CASES = {   # scenario: (default months, months whose every firm is compared besides the last, --set overrides)
    "pilot_program": (30, [24, 25, 26], []),
    "shock_resilience": (40, [30, 31, 34, 35, 36, 37, 38], ["shocks.0.start=30", "shocks.1.start=34"]),
    "infrastructure_5g": (42, [36, 37, 41], []),
}
BUNDLED = {"shock_resilience": (88, [60, 61, 65, 66, 67, 84, 85, 87, 88], [])}   # --bundled: the file's own shock months


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("vicsim")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--months", type=int, default=0)
    p.add_argument("--scenarios", default=",".join(CASES))
    p.add_argument("--every-month", action="store_true")
    p.add_argument("--bundled", action="store_true", help="shock_resilience at its own shock months (88 months)")
    a = p.parse_args()
    import polmulti
    t0 = time.time(); ok = True; summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.scenarios.split(","):
            case = BUNDLED[name] if (a.bundled and name in BUNDLED) else CASES[name]
            T = a.months or case[0]; sets = case[2]
            path = os.path.abspath(os.path.join(SCEN, name + ".json"))
            fm = set(range(1, T + 1)) if a.every_month else {t for t in case[1] if t < T}
            def run(t):
                out = os.path.join(tmp, f"{name}_{t}")
                r = subprocess.run([a.vicsim, "run", path, "--seed", str(a.seed), "--ticks", str(t), "--set",
                                f"mechanisms.population.count={a.count}", "--set",
                                "mechanisms.infrastructure.enabled=false", "--pilot-replications", "1"]
                               + [x for s in sets for x in ("--set", s)] + ["--out", out, "--force", "-q"],
                               capture_output=True, text=True)
                if r.returncode == 2 and "after the horizon" in r.stderr:
                    return None   # vicsim refuses a pilot that starts after the run's last month
                if r.returncode != 0: sys.exit(r.stderr)
                return out
            main_dir = run(T)
            dirs = {t: run(t) for t in sorted(fm)}
            dirs[T] = main_dir
            c = polmulti.compare(path, a.seed, a.count, T, lambda t: main_dir, lambda t: dirs.get(t), quiet=True, sets=sets)
            good = c.bad_months == 0 and c.months == T
            ok &= good
            line = (f"{name}.json{' (' + ', '.join(sets) + ')' if sets else ''}, seed {a.seed}, {a.count} firms: "
                    f"{c.months - c.bad_months} of {T} months exact "
                    f"(every firm in {c.firm_months} of them)" + ("" if good else f"  FAILED; first: {c.first_bad}"))
            summary.append(line); print(line, flush=True)
    secs = time.time() - t0
    print(f"{'all agree' if ok else 'FAILED'} ({secs:.1f} s)")
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (scripts/validation_report.sh)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild: policies and shocks",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone)",
                "target": f"{a.scenarios.replace(',', ', ')}, {a.count} firms, seed {a.seed}, SimGrid layer off: "
                          "every month's aggregates and policy spending, every firm in the policy and shock months",
                "tolerance": "relative 1e-9",
                "measured": "; ".join(summary),
                "pass": ok,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_policies.py build/vicsim",
            }) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""households.consumption = "exogenous" (docs/ODD.md 7.15a (a), 7.69-7.71, 7.85; scenarios/households_exogenous.json).

Read from the text alone:
- no consumption plan in any month: the consumption scale is 1, the export share 0, no consumer imports, so
  final demand is the scenario's D_i (grown at demand_growth_per_year, 7.2 row 1) times the shock multiplier;
- foreign buyers' orders are still placed within the rest of the world's budget X_t = max(0, V^row_{t-1});
  the remainder R_t is not spent;
- no dividends in any month, warm-up included, neither firms' nor platforms' (7.70, 7.1a);
- households' deposits from the warm-up are kept at month 1 (they move no firm).
The hooks are `psim.HH_EXO` (read into `w.hh_exo` by psim.run) in psim.month and plat.settle_platforms.

usage: households.py SEED N T RUNDIR   (RUNDIR: one vicsim run of households_exogenous.json, layer off)
"""
import sys, os, time
import psim, polmulti

HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "..", "..", "scenarios", "households_exogenous.json")


def compare(seed, N, T, rundir, quiet=True):
    psim.HH_EXO = True
    try:
        return polmulti.compare(SCEN, seed, N, T, lambda t: rundir, lambda t: rundir if t == T else None, quiet=quiet)
    finally:
        psim.HH_EXO = False


if __name__ == "__main__":
    seed, N, T, d = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    t0 = time.time(); c = compare(seed, N, T, d, quiet="-v" not in sys.argv)
    print("seconds", round(time.time() - t0, 1), "months", c.months, "firm months", c.firm_months, "bad", c.bad_months,
          "first", c.first_bad)
    sys.exit(1 if c.bad_months or not c.months else 0)

#!/usr/bin/python3
"""The `supervision` policy instrument (docs/ODD.md 7.24; 7.19, 7.21, 7.28; docs/outputs.md platforms.csv).

Read from the text alone (records/rest/GUESSES.md G-R3..G-R6):
- phase 3 (begin_policies): fee_cap = the lowest `fee_cap` of the supervision policies active this month
  (start <= t <= end), 1 without one; every platform's charged fee is min(posted fee, fee_cap). Here p["fee"]
  holds the charged fee (every use in the rebuild reads it) and p["posted"] the platform's own fee;
- fee learning (phase 16, 7.21 step 4) clamps the posted fee to min(fee_ceiling, fee_cap) (hook in plat.py);
- phase 15 (account_policies): the supervisor's running cost budget / (end - start + 1) through spend(),
  paid to households as public spending (7.28 `public_spending`), so household income of the month (7.69).
An `psim.EXT` module placed after policy.py (polmulti.EXTRA).

usage: supervision.py SCENARIO SEED N T RUNDIR   (one vicsim run, layer off; every month's aggregates and
every firm and platform at T)
"""
import sys, os, time
import psim, policy, polmulti

ALT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)


def setup(w):
    for p in w.plats: p["posted"] = p["fee"]
    w.fee_cap = 1.0


def begin_month(w, t, warm):
    if warm: return
    caps = [p["fee_cap"] for p in getattr(w, "policies", []) if p["instrument"] == "supervision" and p["start"] <= t <= p["end"]]
    w.fee_cap = min(caps) if caps else 1.0
    for p in w.plats:
        if ALT.get("sup_fee") == "stored":   # alternative: the cap lowers the platform's own fee for good
            p["fee"] = min(p["fee"], w.fee_cap); p["posted"] = p["fee"]
        else:
            p["fee"] = min(p["posted"], w.fee_cap)


def account_policies(w, t):
    for p in getattr(w, "policies", []):
        if p["instrument"] != "supervision" or not (p["start"] <= t <= p["end"]): continue
        x = policy._spend(w, p, p["budget"] / (p["end"] - p["start"] + 1))
        if ALT.get("sup_public") != "0": w.public += x   # public spending -> household income


def household_income(w, t):
    pass


def compare(scen, seed, N, T, rundir, quiet=True, sets=()):
    polmulti.EXTRA = [sys.modules[__name__]]
    try:
        return polmulti.compare(scen, seed, N, T, lambda t: rundir, lambda t: rundir if t == T else None, quiet=quiet, sets=sets)
    finally:
        polmulti.EXTRA = []


if __name__ == "__main__":
    scen, seed, N, T, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    t0 = time.time(); c = compare(scen, seed, N, T, d, quiet="-v" not in sys.argv)
    print("seconds", round(time.time() - t0, 1), "months", c.months, "firm months", c.firm_months, "bad", c.bad_months,
          "first", c.first_bad)
    sys.exit(1 if c.bad_months or not c.months else 0)

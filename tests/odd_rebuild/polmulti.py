#!/usr/bin/python3
"""Run the rebuild once on a scenario with policies or shocks and compare month by month with vicsim.

usage: polmulti.py SCENARIO SEED N T DIRPREFIX [--single] [--set=policies.0.start=30 ...]
  without --single: DIRPREFIX_t holds `vicsim run SCENARIO --ticks t` for t = 1..T (every firm every month);
  with --single: DIRPREFIX is one vicsim run of T months: every month's timeseries aggregates, and every firm at T.
Compared at relative 1e-9: firms.csv columns, platforms.csv, timeseries `firms`, `entries`, `exits`, `output`,
`profit`, `policy_spend`, `policy_spend_cumulative`, and regions.csv `infrastructure`."""
import sys, csv, os, time
import numpy as np
import psim, policy, shock
from firmcmp import firm_diffs

TOL = 1e-9
EXTRA = []   # further psim.EXT modules after policy (supervision.py)


def rel(a, b):
    return abs(a - b) / max(1e-9, abs(a))


def plat_diff(w, rows, t):
    pr = [r for r in rows if int(r["tick"]) == t]; pw = 0.0
    for r, p in zip(pr, w.plats):
        for a, b in [(float(r["revenue_yuan"]), p["revenue"]), (float(r["cost_yuan"]), p["cost"]),
                     (float(r["cash_yuan"]), p["cash"]), (float(r["gmv_yuan"]), p["gmv"]),
                     (float(r["transaction_fee"]), p["fee"])]:
            pw = max(pw, rel(a, b))
    return pw


class Cmp:
    """MONTH_HOOK: compares month t. Timeseries and regions from tsdir(t); every firm when firmdir(t) is not None."""
    def __init__(self, tsdir, firmdir, quiet=False):
        self.tsdir = tsdir; self.firmdir = firmdir; self.quiet = quiet
        self.cum = 0.0; self.bad_months = 0; self.first_bad = None; self.months = 0; self.firm_months = 0
        self.loaded = None; self.log = None

    def load(self, d):
        if self.loaded == d: return
        self.ts = {int(r["tick"]): r for r in csv.DictReader(open(d + "/timeseries.csv"))}
        self.reg = {(int(r["tick"]), r["region"]): float(r["infrastructure"]) for r in csv.DictReader(open(d + "/regions.csv"))}
        self.loaded = d

    def __call__(self, w, t):
        self.cum += getattr(w, "pspend", 0.0) if getattr(w, "policies", None) else 0.0
        d = self.tsdir(t)
        if d is None or not os.path.isdir(d): return
        self.load(d)
        if t not in self.ts: return
        ts = self.ts[t]; lg = self.log[-1]; ps = getattr(w, "pspend", 0.0) if getattr(w, "policies", None) else 0.0
        agg = dict(firms=(float(ts["firms"]), lg["firms"]), entries=(float(ts["entries"]), lg["entries"]),
                   exits=(float(ts["exits"]), lg["exits"]), output=(float(ts["output"]), lg["output"]),
                   profit=(float(ts["profit"]), lg["profit"]), policy_spend=(float(ts["policy_spend"]), ps),
                   policy_spend_cumulative=(float(ts["policy_spend_cumulative"]), self.cum))
        for r, reg in enumerate(w.regions):
            agg["infrastructure " + reg["name"]] = (self.reg[(t, reg["name"])], w.infra[r])
        allbad = [f"{k}: vicsim {a!r} rebuild {b!r}" for k, (a, b) in agg.items() if rel(a, b) > TOL]
        msg = f"month {t:3d}:"
        fd = self.firmdir(t)
        if fd is not None and os.path.isdir(fd):
            nf, worst, bad = firm_diffs(w, list(csv.DictReader(open(fd + "/firms.csv"))), t)
            pw = plat_diff(w, list(csv.DictReader(open(fd + "/platforms.csv"))), t)
            msg += f" every firm ({nf}), max rel diff {worst:.1e}, platforms {pw:.1e};"
            if pw > TOL: bad.append(f"platforms {pw:.1e}")
            allbad += bad; self.firm_months += 1
        msg += f" output {agg['output'][0]:.6e}/{agg['output'][1]:.6e}, policy_spend {agg['policy_spend'][0]:.6e}/{agg['policy_spend'][1]:.6e}"
        msg += ("  MISMATCH " + "; ".join(allbad)) if allbad else "  exact"
        self.months += 1
        if allbad:
            self.bad_months += 1
            if self.first_bad is None: self.first_bad = msg
        if not self.quiet or allbad: print(msg, flush=True)


def compare(scen, seed, N, T, tsdir, firmdir, quiet=False, warmup=36, sets=()):
    """One rebuild run of scenario `scen` (with vicsim-style `sets` of policies.* and shocks.*) over T months,
    compared by Cmp; returns the Cmp."""
    policy.SCENARIO = scen; shock.SCENARIO = scen; policy.SETS = list(sets); shock.SETS = list(sets)
    psim.EXT = [shock, policy] + EXTRA   # phase 2 (shocks) before phase 3 (policies)
    cmp_ = Cmp(tsdir, firmdir, quiet)
    psim.MONTH_HOOK = cmp_
    orig = psim.month
    def month(w, t, warm, lg=None):
        orig(w, t, warm, lg)
        cmp_.log = lg
    psim.month = month
    try:
        psim.run(seed, N, warmup, T, over={"infrastructure_enabled": False}, quiet=True)
    finally:
        psim.month = orig; psim.MONTH_HOOK = None; psim.EXT = []
    return cmp_


def main():
    sets = [a[6:] for a in sys.argv[1:] if a.startswith("--set=")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    single = "--single" in sys.argv
    scen, seed, N, T, pre = args[0], int(args[1]), int(args[2]), int(args[3]), args[4]
    t0 = time.time()
    if single: c = compare(scen, seed, N, T, lambda t: pre, lambda t: pre if t == T else None, sets=sets)
    else: c = compare(scen, seed, N, T, lambda t: f"{pre}_{t}", lambda t: f"{pre}_{t}", sets=sets)
    print("seconds", round(time.time() - t0, 1), "months compared", c.months, "with every firm", c.firm_months,
          "months with a difference", c.bad_months)
    return 1 if (c.bad_months or c.months == 0) else 0


if __name__ == "__main__":
    sys.exit(main())

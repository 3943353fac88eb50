#!/usr/bin/python3
"""`regions_csv` (docs/scenario-format.md; scenarios/examples/regions_from_csv.json): the traditional world with
its regions replaced by the rows of a CSV file, in row order (`endowment.<industry>` columns; an empty cell
keeps the default, which this rebuild does not need: three_regions.csv has none).

usage: regions_csv.py SEED N T RUNDIR   (one vicsim run of scenarios/examples/regions_from_csv.json with
`--set mechanisms.population.count=N`; every month's aggregates and every firm at T)
"""
import sys, os, csv, time, functools
import psim, polmulti, model

LAYER_OFF = "--layer-off" in sys.argv   # vicsim run with mechanisms.infrastructure.enabled=false
HERE = os.path.dirname(os.path.abspath(__file__))
EX = os.path.join(HERE, "..", "..", "scenarios", "examples")


def read_regions(path):
    out = []
    for r in csv.DictReader(open(path)):
        g = dict(endowment={})
        for k, v in r.items():
            if v == "": continue
            if k.startswith("endowment."): g["endowment"][k[10:]] = float(v)
            elif k == "name": g[k] = v
            else: g[k] = float(v)
        out.append(g)
    return out


def compare(seed, N, T, rundir, quiet=True):
    regs = read_regions(os.path.join(EX, "three_regions.csv"))
    if not os.path.exists(rundir + "/platforms.csv"): open(rundir + "/platforms.csv", "w").write("tick\n")   # no platforms: an empty table
    orig_load, orig_run = psim.load, psim.run
    def load(path, over):
        scen, P = orig_load(path, over); scen = dict(scen); scen["regions"] = regs
        return scen, P
    psim.load = load
    def run(*a, **k):
        if not LAYER_OFF: k.pop("over", None)   # traditional path: the rebuild's default, as check.py runs it
        w, log = orig_run(*a, platforms=False, **k)
        return w, log
    psim.run = run
    orig_hook = polmulti.Cmp.__call__
    def hook(self, w, t):
        w.pmask = [0] * len(w.L); w.first_join = [-1] * len(w.L)
        return orig_hook(self, w, t)
    polmulti.Cmp.__call__ = hook
    try:
        return polmulti.compare(os.path.join(EX, "regions_from_csv.json"), seed, N, T, lambda t: rundir,
                                lambda t: rundir if t == T else None, quiet=quiet)
    finally:
        psim.load, psim.run = orig_load, orig_run; polmulti.Cmp.__call__ = orig_hook


if __name__ == "__main__":
    seed, N, T, d = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    t0 = time.time(); c = compare(seed, N, T, d, quiet="-v" not in sys.argv)
    print("seconds", round(time.time() - t0, 1), "months", c.months, "firm months", c.firm_months, "bad", c.bad_months,
          "first", c.first_bad)
    sys.exit(1 if c.bad_months or not c.months else 0)

#!/usr/bin/python3
"""`firms_csv` (docs/scenario-format.md; docs/ODD.md 7.1 "An initial firm register", "Chain-masters";
scenarios/examples/firms_from_csv.json): firm k is row k; the register fixes employees, type and region; the
region, productivity and maturity draws are still made from the firm's stream and a given cell replaces its draw;
the hidden reliability is drawn at the (given or drawn) maturity; given chain-master flags are kept, and the
share rule picks among the final-stage firms the register leaves open.

usage: firms_csv.py SEED T RUNDIR   (one vicsim run of scenarios/examples/firms_from_csv.json, layer on)
"""
import sys, os, csv, math, time
import numpy as np
import model, regions_csv
from model import Rng, clamp, logistic, logit

EX = regions_csv.EX
ALT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)


def read_register(w, path):
    regs = [r["name"] for r in w.regions]; inds = [i["name"] for i in w.industries]
    out = []
    for r in csv.DictReader(open(path)):
        i = inds.index(r["industry"]); st = w.industries[i].get("stages", ["materials", "components", "assembly", "distribution"])
        s = int(r["stage"]) if r["stage"].strip().isdigit() else st.index(r["stage"])
        t = w.type_of.index((i, s))
        g = lambda c: float(r[c]) if r.get(c, "") not in ("", None) else None
        out.append(dict(region=regs.index(r["region"]), typ=t, L=float(r["employees"]), a=g("productivity"),
                        cm=g("chain_master"), m=g("digital_maturity")))
    return out


def populate(self):
    P = self.P; seed = self.seed
    reg = read_register(self, os.path.join(EX, "firm_register.csv")); N = len(reg)
    assert N == P["count"]
    L = np.array([x["L"] for x in reg]); self.L = L
    typ = np.array([x["typ"] for x in reg]); self.typ = typ
    self.ind = np.array([self.type_of[t][0] for t in typ]); self.stage = np.array([self.type_of[t][1] for t in typ])
    R = len(self.regions)
    region = np.zeros(N, dtype=int); a = np.zeros(N); m = np.zeros(N); pi = np.zeros(N); dl = np.zeros(N)
    for k in range(N):
        rg = Rng(seed, "Population", k, 1); i = self.ind[k]
        w = self.endow[:, i] ** P["location_endowment_power"] + 1e-9
        u = rg.uniform() * w.sum(); c = 0.0; r_sel = R - 1
        for r in range(R):
            c += w[r]
            if u < c: r_sel = r; break
        r_sel = reg[k]["region"]   # the draw is made, the register's region replaces it
        region[k] = r_sel
        a[k] = min(P["frontier_initial"], rg.lognormal(0.0, P["productivity_sd"]) *
                   (1 + P["endowment_productivity"] * (self.endow[r_sel, i] - 0.5)))
        if reg[k]["a"] is not None: a[k] = reg[k]["a"]
        m[k] = rg.uniform() * 0.2; m_drawn = m[k]
        if reg[k]["m"] is not None: m[k] = reg[k]["m"]
        mr = m_drawn if ALT.get("fc_rel") == "drawn" else m[k]   # reliability at the register's maturity
        rr = Rng(seed, "Reliability", k + (1 << 40), 0)
        n1 = rr.normal(); n2 = rr.normal()
        pi[k] = clamp(logistic(logit(P["on_time_mean"]) + P["info_maturity_gain"] * mr + P["reliability_sd"] * n1))
        dl[k] = clamp(logistic(logit(P["defect_mean"]) - P["info_maturity_gain"] * mr + P["reliability_sd"] * n2))
    self.region = region; self.a = a; self.m = m; self.pi = pi; self.delta = dl
    self.cash = P["initial_cash_months"] * (self.lab[region] + self.land[region]) * L
    cm = np.zeros(N, dtype=int)
    for k in range(N):
        if reg[k]["cm"] is not None: cm[k] = int(reg[k]["cm"])
    for i, ft in enumerate(self.final_type):
        fs = [k for k in range(N) if typ[k] == ft and (reg[k]["cm"] is None or ALT.get("fc_cm") == "all")]
        fs.sort(key=lambda k: -L[k])
        if fs:
            n = max(1, int(math.floor(P["chain_master_share"] * len(fs) + 0.5)))
            for k in fs[:n]: cm[k] = 1
    self.finish_population(cm, L, a, typ)


def compare(seed, T, rundir, quiet=True):
    orig = model.World.populate; model.World.populate = populate
    try:
        return regions_csv.compare(seed, 36, T, rundir, quiet=quiet)
    finally:
        model.World.populate = orig


if __name__ == "__main__":
    seed, T, d = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    t0 = time.time(); c = compare(seed, T, d, quiet="-v" not in sys.argv)
    print("seconds", round(time.time() - t0, 1), "months", c.months, "bad", c.bad_months, "first", c.first_bad)
    sys.exit(1 if c.bad_months or not c.months else 0)

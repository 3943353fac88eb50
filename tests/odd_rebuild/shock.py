#!/usr/bin/python3
"""Shocks (ODD 7.25) on top of the rebuild: demand shocks and regional disruptions.

Hooks (psim.EXT): setup (read `shocks` of SCENARIO) and begin_month (phase 2, apply_shocks). The month loop
reads w.dmult (per industry: the product of 1 - magnitude of active demand shocks) and w.dis_reg (per region:
1 - product of (1 - magnitude) of active disruptions) through psim.capf and the household orders."""
import json, os
import numpy as np
ALT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)

SCENARIO = None
DEF = dict(kind="demand", start=60, duration=6, magnitude=0.3)


SETS = []   # `--set` overrides of shocks.* given to vicsim (policy.load_json)


def setup(w):
    from policy import load_json
    sc = load_json(SCENARIO, [x for x in SETS if x.startswith("shocks.")])
    regs = [r["name"] for r in w.regions]; inds = [i["name"] for i in w.industries]
    w.shocks = []
    for d in sc.get("shocks", []):
        s = dict(DEF); s.update(d)
        s["reg"] = regs.index(d["region"]) if d.get("region") else -1
        s["ind"] = inds.index(d["industry"]) if d.get("industry") else -1
        w.shocks.append(s)
    if w.shocks:
        w.dis_reg = np.zeros(len(regs)); w.dmult = np.ones(len(inds))


def begin_month(w, t, warm):
    if not getattr(w, "shocks", None): return
    R = len(w.regions); keep = np.ones(R); dm = np.ones(len(w.industries))
    for s in w.shocks:
        if not (s["start"] <= t < s["start"] + s["duration"]): continue
        if s["kind"] == "regional_disruption":
            if ALT.get("sh_combine") == "sum": keep[s["reg"]] -= s["magnitude"]   # G-Sh alternative: shares add
            else: keep[s["reg"]] *= 1 - s["magnitude"]
        else:
            for i in range(len(dm)):
                if s["ind"] < 0 or s["ind"] == i: dm[i] *= 1 - s["magnitude"]
    w.dis_reg = 1 - keep; w.dmult = dm

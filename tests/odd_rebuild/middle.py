#!/usr/bin/python3
"""The 1+N middle platform and the interconnection mandate (ODD 7.22, 7.24, 7.52) on the platform rebuild,
for scenarios/one_plus_n.json. Written from the text alone (records/founding/GUESSES.md, G-M*).

Hooks in by wrapping plat.py functions (`install()`): the roster (phase 3 policies before it, voluntary
interconnection inside it), the reach sets (connected platforms reach each other's members), the operating cost
(technology saving) and the policy accounts (the mandate's subsidy to the middle platform, phase 15)."""
import json, os
from rng import Rng
import plat, psim

HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "..", "..", "scenarios")
ALT = psim.ALT
import os, layer
ALT_EDGE = os.environ.get("ALL_ALT", "").find("mid_noedge") < 0
IC = dict(connect_rate=0.01, share_technology=True, technology_saving=0.3, share_data=True, share_knowledge=True)
POLICIES = []


def middle_alive(w):
    return any(p["alive"] and p["level"] == "middle" for p in w.plats)


def connected(w, pi):
    p = w.plats[pi]
    if not p["alive"] or not middle_alive(w): return False
    return p["level"] == "middle" or p.get("ic", False)


_orig_setup = plat.setup


def setup(w, path=None):
    _orig_setup(w, os.path.join(SCEN, "platform_led.json"))
    sc = json.load(open(os.path.join(SCEN, "one_plus_n.json")))
    d = sc["overrides"]["platforms[-]"]
    regs = [r["name"] for r in w.regions]
    sv = {s: False for s in plat.SERV}
    sv.update(d.get("services", {}))
    w.plats.append(dict(name=d["name"], level="middle", owner="independent", owner_ind=-1,
                        host=regs.index(d["host_region"]), industry=-1, home=-1, open_regions=True,
                        open_industries=True, min_mat=0.0, launch=d["launch_tick"], entry_fee=d["entry_fee"],
                        fee=d["transaction_fee"], compute=d["compute_gflops"], uplink=plat.EC["uplink"], sv=sv,
                        alive=False, failed=False, cash=0.0, loan=0.0, revenue=0.0, cost=0.0, owner_firm=-1, loss=0,
                        members=0, gmv=0.0, Q=[1.0, 1.0, 1.0], last_action=1, qprofit=0.0, asp=None,
                        launched_tick=None, app_stock=0.0, parent=-1, D=0.0))
    for p in w.plats: p["ic"] = False
    w.reach_bits = [1 << i for i in range(len(w.plats))]
    names = [p["name"] for p in w.plats]
    POLICIES.clear()
    for q in sc["policies"]:
        POLICIES.append(dict(q, spent=0.0, target=names.index(q["platform"]) if q.get("platform") else -1))


def begin_policies(w, t):
    """phase 3: the interconnection mandate (7.24)."""
    for q in POLICIES:
        if q["instrument"] != "interconnection" or not (q["start"] <= t <= q["end"]): continue
        for p in w.plats:
            if p["level"] == "middle" and p["launch"] == -1 and not p["alive"] and not p["failed"]:
                p["launch"] = t       # alive in phase 5 of this month (plat.roster launches it)
        for pi, p in enumerate(w.plats):
            if p["alive"] and (q["target"] < 0 or q["target"] == pi): p["ic"] = True


_orig_roster = plat.roster


def roster(w, t, launch=True):
    if launch:
        w.cur_t = t
        begin_policies(w, t)
    _orig_roster(w, t, launch)


_orig_link = plat.link


def link(w):
    t = w.cur_t
    if middle_alive(w):     # voluntary interconnection, one keyed draw a month (repeated by the reruns)
        for pi, p in enumerate(w.plats):
            if p["alive"] and p["level"] != "middle" and not p["ic"]:
                if Rng(w.seed, "Interconnection", pi, t).bernoulli(IC["connect_rate"]): p["ic"] = True
    _orig_link(w)
    if IC["share_data"] and ALT.get("ic_reach") != "off":   # ODD_REBUILD_ALT=ic_reach=off: no reach through C
        C = 0
        for pi in range(len(w.plats)):
            if connected(w, pi): C |= 1 << pi
        for pi in range(len(w.plats)):
            if (C >> pi) & 1: w.reach_bits[pi] |= C


def after_joining(w, t):
    """plat.after_joining with the technology saving of 7.52 in the operating cost."""
    plat.roster(w, t, launch=False)
    plat.channels(w)
    plat.access(w)
    plat.subscribe_apps(w)
    plat.in_plant(w, t)
    EC = plat.EC
    for pi, p in enumerate(w.plats):
        if p["alive"]:
            keep = 0.7 if (p["level"] == "industry" and p["parent"] >= 0) else 1.0
            if IC["share_technology"] and p["level"] != "middle" and connected(w, pi): keep *= 1 - IC["technology_saving"]
            p["cost"] += EC["fixed_cost"] + EC["cost_per_member"] * p["members"] + keep * (EC["cost_per_gflops"] * p["compute"] + EC["cost_per_gbps"] * p["uplink"]) + 1840.0 * (p["app_stock"] if plat.sigma_p(w, pi) > 0 else 0.0) \
                + (layer.edge_cost(w, pi) * (keep / (0.7 if (p["level"] == "industry" and p["parent"] >= 0) else 1.0) if "mid_edgecut" in os.environ.get("ALL_ALT", "") else 1.0) if ALT_EDGE else 0.0)   # 7.92 gateways, not cut by the saving (records/all_layer G-A8)


import found                     # failure (7.21) through plat.FAILURE
_orig_settle = plat.settle_platforms


def settle_platforms(w, t):
    # phase 15: the mandate pays platform_subsidy_share of every alive middle platform's cost (7.24)
    w.policy_spend = 0.0
    for q in POLICIES:
        if q["instrument"] != "interconnection" or not (q["start"] <= t <= q["end"]): continue
        for p in w.plats:
            if p["alive"] and p["level"] == "middle":
                want = q.get("platform_subsidy_share", 0.5) * p["cost"]
                pay = min(want, q["budget"] - q["spent"])
                if pay > 0:
                    q["spent"] += pay; p["cash"] += pay; w.policy_spend += pay
    _orig_settle(w, t)
    for p in w.plats:            # failure clears the flag
        if not p["alive"]: p["ic"] = False


def install(ic=None):
    if ic: IC.update(ic)
    plat.setup = setup
    found.CONNECTED = connected
    plat.access = found.access
    plat.roster = roster
    plat.link = link
    plat.after_joining = after_joining
    plat.settle_platforms = settle_platforms

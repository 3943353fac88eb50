#!/usr/bin/python3
"""Government policies (ODD 7.24) on top of the platform rebuild: infrastructure roll-out, cloud vouchers, pilots.

Hooks (psim.EXT): setup (read `policies` of SCENARIO), begin_month (phase 3, begin_policies),
account_policies (phase 15), household_income (public spending is household income, 7.28, 7.69).
Not rebuilt: platform_cultivation, interconnection, supervision (no scenario of this check uses them).
Guesses are in records/policies/GUESSES.md (G-Pol*)."""
import json, os
import numpy as np
ALT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)

SCENARIO = None          # path of the scenario whose `policies` apply
SME_THRESHOLD = 250.0    # mechanisms.population.sme_threshold (docs/PARAMETERS.md)
C_FIX, C_EMP = 2000.0, 40.0   # cloud_cost_fixed, cloud_cost_per_employee (7.16)
DEF = dict(start=12, end=120, budget=1e8, infrastructure_gain=0.4, rollout_months=12, cost_per_level=2e8,
           subsidy_share=0.5, platform_subsidy_share=0.5, fee_cap=0.03, size_class="all")


SETS = []   # ["policies.0.start=30", ...]: the `--set` overrides given to vicsim, applied to the scenario JSON


def load_json(path, sets):
    """The scenario file with `--set` style overrides of keys that exist (lists indexed by number)."""
    sc = json.load(open(path)) if path else {}
    for s in sets:
        key, val = s.split("=", 1); parts = key.split("."); node = sc
        for q in parts[:-1]:
            node = node[int(q)] if isinstance(node, list) else node[q]
        last = parts[-1]
        if isinstance(node, list): node[int(last)] = json.loads(val)
        elif last in node and isinstance(node[last], str): node[last] = val
        else: node[last] = json.loads(val)
    return sc


def setup(w):
    sc = load_json(SCENARIO, [s for s in SETS if s.startswith("policies.")])
    regs = [r["name"] for r in w.regions]; inds = [i["name"] for i in w.industries]
    w.policies = []
    for d in sc.get("policies", []):
        p = dict(DEF); p.update(d)
        p["reg_idx"] = sorted(regs.index(r) for r in d.get("regions", []))   # G-Pol1: ascending region index
        p["ind_idx"] = inds.index(d["industry"]) if d.get("industry") else -1
        p["spent"] = 0.0
        if p["instrument"] not in ("infrastructure", "cloud_voucher", "pilot", "supervision"):   # supervision: supervision.py
            raise NotImplementedError(p["instrument"])
        w.policies.append(p)
    w.vshare = {}; w.pspend = 0.0; w.public = 0.0; w.pspend_log = {}


def _spend(w, p, want):
    x = min(want, p["budget"] - p["spent"])
    p["spent"] += x; w.pspend += x
    return x


def _targets(w, p, k):
    if not w.alive[k]: return False
    if p["reg_idx"] and w.region[k] not in p["reg_idx"]: return False
    if p["ind_idx"] >= 0 and w.ind[k] != p["ind_idx"]: return False
    sc = p.get("size_class", "all")
    if sc == "sme" and not (w.L[k] < SME_THRESHOLD): return False
    if sc == "large" and w.L[k] < SME_THRESHOLD: return False
    return True


def begin_month(w, t, warm):
    """Phase 3, begin_policies: roll-out (paid now, public spending) and this month's voucher shares."""
    if warm or not getattr(w, "policies", None): return
    w.pspend = 0.0; w.public = 0.0; w.vshare = {}
    for p in w.policies:
        if not (p["start"] <= t <= p["end"]): continue
        inst = p["instrument"]
        left0 = p["budget"] - p["spent"]   # before this month's roll-out (ALT pol_vorder=first, G-Pol4)
        if inst in ("infrastructure", "pilot") and (inst == "infrastructure" or p["infrastructure_gain"] > 0):
            if t <= min(p["end"], p["start"] + p["rollout_months"] - 1):
                for r in p["reg_idx"]:
                    I = w.infra[r]
                    step = min(1 - I, p["infrastructure_gain"] / p["rollout_months"])
                    if step <= 0: continue
                    if p["cost_per_level"] == 0: w.infra[r] = I + step; continue
                    want = step * p["cost_per_level"]
                    paid = _spend(w, p, want)
                    if ALT.get("pol_public") != "0": w.public += paid   # G-Pol3
                    built = step if (paid == want or ALT.get("pol_short") == "full") else step * paid / want   # G-Pol2
                    w.infra[r] = I + built
        if inst in ("cloud_voucher", "pilot"):
            left = left0 if ALT.get("pol_vorder") == "first" else p["budget"] - p["spent"]
            if left <= 0 and ALT.get("pol_vbudget") != "any": continue   # "while budget remains", G-Pol4
            for k in range(len(w.L)):
                if _targets(w, p, k):
                    w.vshare[k] = max(w.vshare.get(k, 0.0), p["subsidy_share"])


def account_policies(w, t):
    """Phase 15: vouchers to every targeted firm on the cloud; several policies top each other up to the largest share."""
    if not getattr(w, "policies", None): return
    paid = {}; w.late_pay = []
    for p in w.policies:
        if not (p["start"] <= t <= p["end"]): continue
        if p["instrument"] not in ("cloud_voucher", "pilot") or p["subsidy_share"] == 0: continue
        for k in range(len(w.L)):
            if not (w.on_cloud[k] and _targets(w, p, k)): continue
            c = C_FIX + C_EMP * w.L[k]
            want = max(0.0, p["subsidy_share"] * c - (0.0 if ALT.get("pol_topup") == "sum" else paid.get(k, 0.0)))
            x = _spend(w, p, want)
            if x > 0:
                paid[k] = paid.get(k, 0.0) + x
                if ALT.get("pol_paid") == "afterdiv": w.late_pay.append((k, x))   # G-Pol5 alternative: after dividends
                else: w.cash[k] += x
    w.pspend_log[t] = w.pspend


def household_income(w, t):
    if getattr(w, "policies", None): w.income["public"] = w.public
    for k, x in getattr(w, "late_pay", []): w.cash[k] += x

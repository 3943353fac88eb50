#!/usr/bin/python3
"""Policies, shocks, founding and the middle platform WITH the SimGrid layer on (session 35, records/all_layer/).

Combines polmulti.py (policy.py, shock.py) with layer.py: the rebuild runs with `infrastructure_enabled` on and
SimGrid's completion times read from the vicsim run's routes.csv. One hook added here (7.23 "Levels to links",
7.83 and 7.15a(e)): the e-mail side time t_side of every region is recomputed from the region's current
infrastructure level each month (cached at the start of phase 10 in vicsim, after the policies of phase 3).
ALL_ALT=tside_fixed keeps the month-0 levels; ALL_ALT=tside_before takes the levels before the month's\nroll-out (phase 3), i.e. one month late. Both fail check_all_layer.py.

usage: all_layer.py SCENARIO SEED N T DIRPREFIX [--single] [--set=...]"""
import csv, os, sys, time
import numpy as np
import psim, policy, shock, polmulti, layer

ALT = set(x for x in os.environ.get("ALL_ALT", "").split(",") if x)


def refresh_tside(w):
    P = w.P
    def t_side(I):
        return (P["latency_max_ms"] - (P["latency_max_ms"] - P["latency_min_ms"]) * I) / 1000 + \
            P["order_bytes"] / (P["bandwidth_min_mbps"] * (P["bandwidth_max_mbps"] / P["bandwidth_min_mbps"]) ** I * 1e6 / 8)
    w.tside = np.array([t_side(I) for I in w.infra])


class _Tside:
    """psim.EXT module: after the policies (phase 3) the access-link times follow the levels."""
    @staticmethod
    def begin_month(w, t, warm):
        if "tside_fixed" not in ALT: refresh_tside(w)


def install_tside():
    """Add the t_side refresh to psim.EXT (for check_founding.py --layer)."""
    if _Tside not in psim.EXT: psim.EXT.append(_Tside)


def layer_diffs(w, t, rows):
    """Compare the layer's platform columns of month t (rows: platforms.csv rows of t) and return the month's
    layer differences above 1e-9 (route bytes and outcomes noted by layer.resolve, platform columns here)."""
    byname = {r["platform"]: r for r in rows}
    names = [p["name"] for p in w.plats]
    if not rows: pass
    elif all(n in byname for n in names):
        layer.compare_platforms(w, t, [byname[n] for n in names])
    else:   # slots not yet in platforms.csv: compare the alive ones present
        for pi, p in enumerate(w.plats):
            if p["alive"] and p["name"] not in byname:
                return [f"layer: platform {p['name']} not in platforms.csv"]
        sub = [byname.get(n, rows[0]) for n in names]
        layer.compare_platforms(w, t, sub)
    lb = [x for x in w.L_log if x[0] == t and x[6] > 1e-9]
    w.L_log = [x for x in w.L_log if x[6] > 1e-9][:50]
    return [f"layer {x[1]} {w.regions[x[2]]['name'] if x[2] is not None else ''} {w.plats[x[3]]['name']}: "
            f"rebuild {x[4]!r} vicsim {x[5]!r}" for x in lb[:3]] + ([f"... {len(lb)} layer values differ"] if len(lb) > 3 else [])


def compare(scen, seed, N, T, tsdir, firmdir, routes, quiet=False, warmup=36, sets=(), ext_before=(), ext_after=()):
    policy.SCENARIO = scen; shock.SCENARIO = scen; policy.SETS = list(sets); shock.SETS = list(sets)
    cmp_ = polmulti.Cmp(tsdir, firmdir, quiet)
    cache = {}
    def hook(w, t):
        cmp_(w, t)
        d = tsdir(t)   # the layer's platform columns (7.23) from that run's platforms.csv
        if d is None or not os.path.isdir(d): return
        if d not in cache:
            cache.clear(); cache[d] = {}
            for r in csv.DictReader(open(d + "/platforms.csv")): cache[d].setdefault(int(r["tick"]), []).append(r)
        rows = cache[d].get(t)
        if rows:
            names = [p["name"] for p in w.plats]
            layer.compare_platforms(w, t, [next((r for r in rows if r["platform"] == n), rows[0]) for n in names])
        lb = [x for x in w.L_log if x[0] == t and x[6] > 1e-9]
        if lb:
            cmp_.layer_bad = getattr(cmp_, "layer_bad", 0) + 1
            if getattr(cmp_, "layer_first", None) is None:
                x = lb[0]
                cmp_.layer_first = (f"month {t}: {len(lb)} layer values differ, first {x[1]} "
                                    f"{w.regions[x[2]]['name'] if x[2] is not None else ''} {w.plats[x[3]]['name']}: "
                                    f"rebuild {x[4]!r} vicsim {x[5]!r}")
                print("LAYER MISMATCH", cmp_.layer_first, flush=True)
        w.L_log = [x for x in w.L_log if x[6] > 1e-9][:50]
    psim.MONTH_HOOK = hook
    orig = psim.month
    def month(w, t, warm, lg=None):
        orig(w, t, warm, lg)
        cmp_.log = lg
    psim.month = month
    psim.EXT = list(ext_before) + [shock, policy] + list(ext_after) + [_Tside]
    if "tside_before" in ALT: psim.EXT = [_Tside] + psim.EXT[:-1]  # alternative: the levels before phase 3's roll-out
    try:
        psim.run(seed, N, warmup, T, over={}, quiet=True, routes=routes)
        cmp_.bad_months += getattr(cmp_, "layer_bad", 0)
    finally:
        psim.month = orig; psim.MONTH_HOOK = None; psim.EXT = []
    return cmp_


def main():
    sets = [a[6:] for a in sys.argv[1:] if a.startswith("--set=")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    single = "--single" in sys.argv
    scen, seed, N, T, pre = args[0], int(args[1]), int(args[2]), int(args[3]), args[4]
    t0 = time.time()
    routes = (pre if single else f"{pre}_{T}") + "/routes.csv"
    if single: c = compare(scen, seed, N, T, lambda t: pre, lambda t: pre if t == T else None, routes, sets=sets)
    else: c = compare(scen, seed, N, T, lambda t: f"{pre}_{t}", lambda t: f"{pre}_{t}", routes, sets=sets)
    print("seconds", round(time.time() - t0, 1), "months compared", c.months, "with every firm", c.firm_months,
          "months with a difference", c.bad_months)
    return 1 if (c.bad_months or c.months == 0) else 0


if __name__ == "__main__":
    sys.exit(main())

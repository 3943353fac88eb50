#!/usr/bin/python3
"""Platform path (ODD 7.16-7.22, 7.31, 7.33, 7.35-7.37) on top of the traditional rebuild."""
import os
SCENARIOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios")
import math, json, numpy as np
import layer
from rng import Rng
from model import opw_k   # 7.108
ALT_PLAT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)

SERV = ["matchmaking", "dispatch", "forecasting", "knowledge", "finance", "logistics", "cross_border"]
EC = dict(initial_cash=5e7, fixed_cost=2e5, cost_per_member=50.0, cost_per_gflops=200.0, cost_per_gbps=2000.0, uplink=10.0,
          fee_step=0.1, fee_rate=0.2, fee_ceiling=0.2, asp_rate=0.25, fail_months=24)
# 7.102: in-plant price per firm = fee_per_device (2, calibrated in 7.89) * devices_per_member (250, 7.91).
IP_PRICE = 2.0 * 250.0
AD = dict(join_p=0.08, join_q=1.2, owner_pull=3.0, leave_rate=0.003, mh=0.5, lam=0.2, min_hist=6, alpha=0.2, prior=0.0,
          sigma=0.02, Te=24.0)

def setup(w, path=os.path.join(SCENARIOS, "platform_led.json")):
    sc = json.load(open(path)); inds = [i["name"] for i in w.industries]; regs = [r["name"] for r in w.regions]
    w.plats = []
    for d in sc.get("platforms", []):
        sv = dict(matchmaking=True, dispatch=False, forecasting=False, knowledge=False, finance=False, logistics=False, cross_border=False)
        sv.update(d.get("services", {}))
        w.plats.append(dict(name=d["name"], level=d.get("level", "industry"), owner=d.get("owner", "independent"),
            owner_ind=inds.index(d["owner_industry"]) if d.get("owner_industry") else -1,
            host=regs.index(d["host_region"]) if d.get("host_region") else 0,
            industry=inds.index(d["industry"]) if d.get("industry") else -1,
            home=regs.index(d["region"]) if d.get("region") else -1,
            open_regions=d.get("open_regions", True), open_industries=d.get("open_industries", True),
            min_mat=d.get("min_digital_maturity", 0.0), launch=d.get("launch_tick", 0), entry_fee=d.get("entry_fee", 5000.0),
            fee=d.get("transaction_fee", 0.02), compute=d.get("compute_gflops", 500.0), uplink=EC["uplink"], sv=sv,
            alive=False, failed=False, cash=0.0, loan=0.0, revenue=0.0, cost=0.0, owner_firm=-1, loss=0, members=0,
            gmv=0.0, Q=[1.0, 1.0, 1.0], last_action=1, qprofit=0.0, asp=None, launched_tick=None, app_stock=d.get("hosted_apps", 0.0), parent=-1, D=0.0))
    n = len(w.L)
    w.pmask = np.zeros(n, dtype=np.int64); w.cloud_tick = np.full(n, -1); w.first_join = np.full(n, -1)
    w.M_off = np.zeros(n); w.M_on = np.zeros(n); w.mo_off = np.zeros(n, dtype=int); w.mo_on = np.zeros(n, dtype=int)
    w.V = np.full(n, AD["prior"])
    w.rec = np.zeros((n, 4))  # record on_time, late, good lots, bad lots
    for k in ("fc", "mm", "disp", "know", "fin", "log", "cb"): setattr(w, "acc_" + k, np.zeros(n))
    w.unaided_c = np.ones(n); w.app_plat = np.full(n, -1); w.sig_app = np.zeros(n)
    w.credit = np.zeros(n); w.reach_bits = [1 << i for i in range(len(w.plats))]
    w.pools = {}; w.pools_last = {}
    w.member_rec = np.zeros(4); w.members_of_type = {}; w.alive_members = []
    w.plat_events = []; w.u_ip = np.zeros(n); w.ip_plat = np.full(n, -1)

def extend(w):
    n = len(w.L); m = len(w.pmask)
    if n == m: return
    pad = n - m
    w.pmask = np.append(w.pmask, np.zeros(pad, dtype=np.int64)); w.cloud_tick = np.append(w.cloud_tick, np.full(pad, -1))
    w.first_join = np.append(w.first_join, np.full(pad, -1))
    for a in ("M_off", "M_on"): setattr(w, a, np.append(getattr(w, a), np.zeros(pad)))
    for a in ("mo_off", "mo_on"): setattr(w, a, np.append(getattr(w, a), np.zeros(pad, dtype=int)))
    w.credit = np.append(getattr(w, "credit", np.zeros(m)), np.zeros(pad))
    w.unaided_c = np.append(w.unaided_c, np.ones(pad)); w.app_plat = np.append(w.app_plat, np.full(pad, -1)); w.sig_app = np.append(w.sig_app, np.zeros(pad))
    w.u_ip = np.append(w.u_ip, np.zeros(pad)); w.ip_plat = np.append(w.ip_plat, np.full(pad, -1))
    w.V = np.append(w.V, np.full(pad, AD["prior"])); w.rec = np.vstack([w.rec, np.zeros((pad, 4))])
    for k in ("fc", "mm", "disp", "know", "fin", "log", "cb"): setattr(w, "acc_" + k, np.append(getattr(w, "acc_" + k), np.zeros(pad)))

def resolve_owners(w):
    for p in w.plats:
        if p["owner"] != "chain_master" or p["owner_ind"] < 0: continue
        best = -1
        for k in range(len(w.L)):
            if w.alive[k] and w.cm[k] and w.ind[k] == p["owner_ind"]:
                if best < 0 or w.L[k] > w.L[best]: best = k
        p["owner_firm"] = best

def join(w, k, pi, t):
    p = w.plats[pi]
    w.pmask[k] |= (1 << pi)
    if not w.on_cloud[k]: w.on_cloud[k] = True; w.cloud_tick[k] = t
    w.cash[k] -= p["entry_fee"]; p["revenue"] += p["entry_fee"]
    if w.first_join[k] < 0: w.first_join[k] = t

def open_month(w):
    w.disp_recv = {}
    for p in w.plats: p["revenue"] = 0.0; p["cost"] = 0.0; p["gmv"] = 0.0; p["dispatched"] = 0.0

def roster(w, t, launch=True):
    if launch:
        open_month(w)
        for pi, p in enumerate(w.plats):
            if not p["alive"] and not p["failed"] and p["launch"] >= 0 and t >= p["launch"]:
                p["alive"] = True; p["cash"] += EC["initial_cash"]; p["launched_tick"] = t
                o = p["owner_firm"]
                if o >= 0 and w.alive[o]: join(w, o, pi, t)
    alivep = 0
    for pi, p in enumerate(w.plats):
        if not p["alive"]:
            for k in range(len(w.L)):
                if (w.pmask[k] >> pi) & 1: w.pmask[k] &= ~(1 << pi)
        else: alivep |= (1 << pi)
        p["members"] = int(sum(1 for k in range(len(w.L)) if w.alive[k] and (w.pmask[k] >> pi) & 1))
    link(w)
    w.members_of_type = {}; w.alive_members = []
    for k in range(len(w.L)):
        if w.alive[k] and int(w.pmask[k]) & alivep:
            w.members_of_type.setdefault(w.typ[k], []).append(k); w.alive_members.append(k)

def access(w):
    n = len(w.L)
    for k, s in (("fc", "forecasting"), ("mm", "matchmaking"), ("disp", "dispatch"), ("know", "knowledge"), ("fin", "finance"), ("log", "logistics"), ("cb", "cross_border")):
        a = np.zeros(n)
        for pi, p in enumerate(w.plats):
            if p["alive"] and p["sv"][s]:
                sel = (w.pmask >> pi) & 1 == 1
                a[sel] = np.maximum(a[sel], layer.avail(w, pi))   # 1/max(1, congestion): 1 with the layer off
        setattr(w, "acc_" + k, a)
    w.disp_plat = np.array([layer.best_plat(w, k, "dispatch") for k in range(n)])   # 7.18: highest availability, lowest index

def readiness(w, k, VA, vouch=True):
    Qi = 0.4 + 0.6 * w.infra[w.region[k]]; S = min(1.0, (w.L[k] / 250) ** 0.25)
    v = getattr(w, "vshare", {}).get(k, 0.0) if vouch and os.environ.get("ODD_REBUILD_ALT", "").find("pol_ready=0") < 0 else 0.0   # 7.16: voucher share set in phase 3 (7.24)
    C = math.exp(-5.0 * (2000 + 40 * w.L[k]) * (1 - v) / max(1.0, VA))
    return Qi * S * C

def partners(w, k):
    return [x["s"] for x in w.in_edges[k]] + [x["t"] for x in w.out_edges[k]]

def eligible(w, k, pi):
    p = w.plats[pi]
    if not p["alive"] or p["level"] == "middle": return False
    if not p["open_regions"]:
        reg = p["home"] if p["home"] >= 0 else p["host"]
        if w.region[k] != reg: return False
    if not p["open_industries"] and p["industry"] >= 0 and w.ind[k] != p["industry"]: return False
    return w.m[k] >= p["min_mat"]

def adopt_and_join(w, t, enabled):
    N = len(w.L); m1 = w.m1; seed = w.seed
    if enabled:
        cellN = {}; cellA = {}
        for k in range(N):
            if w.alive[k]:
                c = (w.region[k], w.ind[k]); cellN[c] = cellN.get(c, 0) + 1; cellA[c] = cellA.get(c, 0) + int(w.on_cloud[k])
        pm0 = w.pmask.copy(); cloud0 = w.on_cloud.copy()
        # 7.35 margins
        for k in range(N):
            if not w.alive[k] or m1["revenue"][k] <= 0: continue
            mg = m1["profit"][k] / m1["revenue"][k]
            if pm0[k] and ip_valid(w, k):
                rec, rew = ip_parts(w, k); u = w.u_ip[k]
                Ri = rec * xlag(u, 0.95) + rew * xlag(u, 0.97) - IP_PRICE
                mg = (m1["profit"][k] - Ri) / m1["revenue"][k]
            if pm0[k]:
                w.M_on[k] = mg if w.mo_on[k] == 0 else w.M_on[k] + AD["lam"] * (mg - w.M_on[k]); w.mo_on[k] = min(1000, w.mo_on[k] + 1)
            else:
                w.M_off[k] = mg if w.mo_off[k] == 0 else w.M_off[k] + AD["lam"] * (mg - w.M_off[k]); w.mo_off[k] = min(1000, w.mo_off[k] + 1)
                w.mo_on[k] = 0
        meas = (pm0 != 0) & (w.mo_on >= AD["min_hist"]) & (w.mo_off >= AD["min_hist"]) & w.alive
        g = np.where(meas, w.M_on - w.M_off, 0.0)
        cellg = {}
        for k in range(N):
            if meas[k]: cellg.setdefault((w.region[k], w.ind[k]), []).append(g[k])
        # 7.36 value learning
        for k in range(N):
            if not w.alive[k]: continue
            if meas[k]: x = g[k]
            else:
                pg = [g[j] for j in partners(w, k) if meas[j]]; cg = cellg.get((w.region[k], w.ind[k]), [])
                if pg and cg: x = 0.6 * np.mean(pg) + 0.4 * np.mean(cg)
                elif pg: x = np.mean(pg)
                elif cg: x = np.mean(cg)
                else: continue
            w.V[k] += AD["alpha"] * (x - w.V[k])
        go = []; acts = []
        for k in range(N):
            if not w.alive[k]: continue
            VA = m1["revenue"][k] - m1["cost"][k]
            if not cloud0[k]:
                prt = partners(w, k)
                Pi = np.mean([cloud0[p] for p in prt]) if prt else 0.0
                c = (w.region[k], w.ind[k]); G = cellA[c] / cellN[c]
                A = 0.6 * Pi + 0.4 * G
                R = readiness(w, k, VA)
                pr = 1 - math.exp(-(0.03 + 0.38 * A) / 12 * R)
                if pr > 0 and (pr >= 1 or Rng(seed, "Adoption", k, t).uniform() < pr): go.append(k)
            rg = Rng(seed, "PlatformJoin", k, t)
            Rk = 1.0 if cloud0[k] else readiness(w, k, VA, os.environ.get("ODD_REBUILD_ALT", "").find("pol_ready=cloud") < 0)
            kk = bin(int(pm0[k])).count("1")
            for pi, p in enumerate(w.plats):
                if (pm0[k] >> pi) & 1:
                    if p["owner_firm"] == k and p["alive"]: continue
                    if not p["alive"] or (meas[k] and w.V[k] < 0): acts.append((k, pi, "leave")); continue
                    if rg.bernoulli(AD["leave_rate"]): acts.append((k, pi, "leave"))
                    continue
                if not eligible(w, k, pi): continue
                prt = partners(w, k)
                s = np.mean([(pm0[j] >> pi) & 1 for j in prt]) if prt else 0.0
                own = p["owner_firm"]
                pull = AD["owner_pull"] if (own >= 0 and own in prt) else 1.0
                Aw = 1 - math.exp(-(AD["join_p"] + AD["join_q"] * s) / 12 * pull * Rk)
                if not rg.bernoulli(Aw): continue
                rev = m1["revenue"][k]
                if rev <= 0: U = -1.0
                else:   # 7.37, with the voucher term v_i c_i / revenue_i for a firm off the cloud at the start of the phase
                    vt = getattr(w, "vshare", {}).get(k, 0.0) * (2000 + 40 * w.L[k]) / rev if not cloud0[k] and os.environ.get("ODD_REBUILD_ALT", "").find("pol_join=0") < 0 else 0.0
                    U = w.V[k] * AD["mh"] ** (kk - ((pm0[k] >> pi) & 1)) + vt - p["entry_fee"] / (AD["Te"] * rev)
                if rg.bernoulli(1 / (1 + math.exp(-U / AD["sigma"]))): acts.append((k, pi, "join"))
        w.plat_events.append((t, list(go), list(acts)))
        ev = {}
        for k in go: ev.setdefault(k, [])
        for k, pi, a in acts: ev.setdefault(k, []).append((pi, a))
        gos = set(go)
        for k in sorted(ev):
            if k in gos and not w.on_cloud[k]: w.on_cloud[k] = True; w.cloud_tick[k] = t
            for pi in range(len(w.plats)):
                for (pj, a) in ev[k]:
                    if pj == pi and a == "leave": w.pmask[k] &= ~(1 << pi)
                for (pj, a) in ev[k]:
                    if pj == pi and a == "join": join(w, k, pi, t)
    for k in range(N):
        if w.alive[k] and w.on_cloud[k]: w.m[k] += 0.05 * (1 - w.m[k])

def after_joining(w, t):
    roster(w, t, launch=False)
    channels(w)
    access(w)
    subscribe_apps(w)
    in_plant(w, t)
    for pi, p in enumerate(w.plats):
        if p["alive"]:
            sav = 0.3 if (p["level"] == "industry" and p["parent"] >= 0) else 0.0
            p["cost"] += EC["fixed_cost"] + EC["cost_per_member"] * p["members"] + (1 - sav) * (EC["cost_per_gflops"] * p["compute"] + EC["cost_per_gbps"] * p["uplink"]) + 1840.0 * (p["app_stock"] if sigma_p(w, pi) > 0 else 0.0) + layer.edge_cost(w, pi)

def channels(w):
    """7.19 choose_tie_channels (phase 14): every supply tie with an alive supplier."""
    for tie in w.ties:
        s, b = tie["s"], tie["t"]
        cands = w.shared_plats(s, b)
        if tie["kind"] == "C":
            if cands: tie["ch"] = cands[0]
            continue
        if not w.alive[s]: continue
        if not cands: tie["ch"] = -1; continue
        fl = w.flow.get((s, w.region[b]), 0.0)
        Bref = w.referral_belief(b, s)
        best = None; bl = None
        for pi in cands:
            lc = w.landed_cost(s, b, w.rated(Bref, pi, s), fl, w.plats[pi]["fee"], price=1.0, ch=pi)
            if bl is None or lc < bl: bl = lc; best = pi
        fee = w.plats[best]["fee"] if tie.get("brokered") else 0.0
        lc_off = w.landed_cost(s, b, tie["B"], fl, 0.0)
        lc_p = w.landed_cost(s, b, w.rated(tie["B"], best, s), fl, fee, ch=best)
        tie["ch"] = best if lc_off >= (1 - 0.05) * lc_p else -1

FAILURE = None   # found.py installs (fail_platform, after_failure): 7.21 failure after fee learning, before dividends


def settle_platforms(w, t):
    for pi, p in enumerate(w.plats):   # 7.51 hierarchy stocks
        if not p["alive"]: continue
        if p["level"] == "regional":
            g = sum(q["gmv"] for q in w.plats if q["alive"] and q["level"] == "industry" and q["parent"] == pi)
            p["D"] += 0.1 * (g - p["D"])
        if p["level"] == "industry":
            pts = sum(q["members"] for q in w.plats if q["alive"] and q["level"] == "enterprise" and q["parent"] == pi)
            p["app_stock"] = 0.98 * p["app_stock"] + 0.05 * (p["members"] + pts)
    failed = False
    for pi, p in enumerate(w.plats):
        if not p["alive"]: continue
        pr = p["revenue"] - p["cost"]
        p["cash"] += pr
        p["loss"] = p["loss"] + 1 if (pr < 0 and p["cash"] - p["loan"] < 0) else 0
        if "found_noinv=1" not in os.environ.get("ODD_REBUILD_ALT", ""):   # 7.21/7.92 capacity investment (records/all_layer G-A7)
            inv = layer.invest(w, pi, p); p["cash"] -= inv; w.plat_invest = getattr(w, "plat_invest", 0.0) + inv
        p["qprofit"] += pr
        if t % 3 == 0 and w.FL.get("fee_learning", True) and p["level"] != "middle":
            if p["launched_tick"] > t - 2:
                p["qprofit"] = 0.0
            else:
                pq = p["qprofit"]; p["qprofit"] = 0.0
                if p["asp"] is None: p["asp"] = pq; rho = 0.0
                else:
                    A = p["asp"]; rho = (pq - A) / max(1.0, abs(A), 3 * EC["fixed_cost"]); p["asp"] = A + EC["asp_rate"] * (pq - A)
                p["Q"] = [max(0.01, (1 - EC["fee_rate"]) * q + (rho if k == p["last_action"] else 0.0)) for k, q in enumerate(p["Q"])]
                u = Rng(w.seed, "PlatformStrategy", pi, t).uniform() * sum(p["Q"])
                a = 0 if u < p["Q"][0] else (1 if u < p["Q"][0] + p["Q"][1] else 2)
                f = (1 - EC["fee_step"], 1.0, 1 + EC["fee_step"])[a]
                cap = getattr(w, "fee_cap", 1.0)   # supervision (7.24, supervision.py): fee = charged, posted = own fee
                p["fee"] = min(max(p.get("posted", p["fee"]) * f, 0.0), min(EC["fee_ceiling"], 1.0 if "sup_learn=ceiling" in os.environ.get("ODD_REBUILD_ALT", "") else cap)); p["last_action"] = a
                if "posted" in p: p["posted"] = p["fee"]
        if FAILURE and FAILURE[0](w, pi, p, t): failed = True
    if failed: FAILURE[1](w, t)
    # dividends (7.70)
    for p in w.plats:
        if not p["alive"] or (getattr(w, "hh_exo", False) and "hh_div=plat" not in os.environ.get("ODD_REBUILD_ALT", "")): continue   # none under "exogenous" (households.py)
        pr = p["revenue"] - p["cost"]
        d = 0.9 * max(0.0, min(pr, p["cash"] - p["loan"])); p["cash"] -= d
        w.plat_div = getattr(w, "plat_div", 0.0) + d

def xlag(u, rho, q=11 / 12):
    u = min(1.0, max(0.0, u)); rho = min(1.0, max(0.0, rho))
    if u == 0 or u == 1 or rho == 0 or q <= 0: return u
    m = math.log(1 - u) / math.log(q); rm = rho ** m
    if abs(rho - q) < 1e-9: return 1 - rm - (1 - rho) * m * rm
    return min(1.0, max(0.0, 1 - rm - (1 - rho) * q * (rm - (1 - u)) / (rho - q)))

def ramp_factor(u, rec, rew, days, H=36, q=11 / 12):
    beta = 1 / (1 + 0.0435 / 12); num = 0.0; den = 0.0
    for k in range(1, H + 1):
        uk = 1 - (1 - u) * q ** k
        num += beta ** k * (rec * xlag(uk, 0.95) + rew * xlag(uk, 0.97) + days * uk); den += beta ** k
    return num / ((rec + rew + days) * den)

def ip_parts(w, k):
    m1 = w.m1; r = w.region[k]
    rec = w.land[r] * 0.5 * 0.5 * 0.61 * w.L[k]
    rew = 0.18 * w.delta[k] * (m1["cost"][k] + (w.lab[r] + w.land[r] * w.overhead[k]) * w.L[k])
    return rec, rew

def ip_valid(w, k):
    pi = w.ip_plat[k]
    return pi >= 0 and w.plats[pi]["alive"] and w.plats[pi]["sv"]["knowledge"] and (int(w.pmask[k]) >> pi) & 1

def days_value(w, k, u):
    m1 = w.m1; d = 10.0 * 0.27; tau = 0.003
    mi = w.price[k] * max(0.0, 1 - w.iuc[k] / w.price[k])
    if d <= 0 or mi <= 0: return 0.0
    gain = 0.0; base = 0.0
    for tie in w.out_edges[k]:
        if tie["kind"] != "S" or tie["units"] <= 0: continue
        b = tie["t"]
        U = sum(t2["units"] for t2 in w.in_edges[b] if t2["kind"] == "S" and t2["slot"] == tie["slot"])
        L = w.lc_tie(tie, w.flow.get((k, w.region[b]), 0.0))
        if L <= 0 or U <= 0: continue
        sg = tie["units"] / U; ps = w.price[k]
        L0 = L + ps * tau * d * u; L1 = L0 - ps * tau * d
        f = lambda rr: sg * rr ** -4.0 / (1 - sg + sg * rr ** -4.0)
        gain += U * (f(L1 / L) - f(L0 / L)); base += U * (sg - f(L0 / L))
    if ALT_PLAT.get("mpg_ip") == "stored": capk = m1["cap"][k]   # rejected reading: phase 10's capacity (m before phase 13's growth)
    else:   # 7.107/7.108: Firms::capacity from the current m_i (grown in phase 13), this month's disruption
        d = getattr(w, "dis_reg", None)
        capk = w.L[k] * opw_k(w, k) * (1.0 - d[w.region[k]] if d is not None else 1.0)
    return mi * min(gain, max(0.0, capk - m1["y"][k] + base))

def in_plant(w, t):
    """7.102, 7.106 §2, 7.107 §2."""
    price = IP_PRICE; w.ip_log = []
    for k in range(len(w.L)):
        if not w.alive[k] or w.pmask[k] == 0:
            if w.ip_plat[k] >= 0: w.ip_plat[k] = -1; w.u_ip[k] = 0.0
            continue
        offers = [pi for pi, p in enumerate(w.plats) if p["alive"] and p["sv"]["knowledge"] and (w.pmask[k] >> pi) & 1]
        valid = ip_valid(w, k)
        u = w.u_ip[k] if valid else 0.0
        rec, rew = ip_parts(w, k); dv = days_value(w, k, u)
        sav = rec + rew + dv
        ramp = ramp_factor(u, rec, rew, dv) if sav > 0 else 0.0
        w.ip_log.append((k, round(sav), offers, round(ramp, 4), round(ramp * sav)))
        if sav > price and ramp * sav > price and offers:
            pi = w.ip_plat[k] if (valid and w.ip_plat[k] in offers) else offers[0]
            if pi != w.ip_plat[k] or not valid: w.u_ip[k] = 0.0
            w.ip_plat[k] = pi; w.u_ip[k] += (1 - w.u_ip[k]) / 12.0
        else:
            w.ip_plat[k] = -1; w.u_ip[k] = 0.0

def dispatch_plan(w, tt, ks, orders, y, cap, disp_out, disp_in, rounds):
    """7.20 order dispatch, planning: platforms in index order."""
    for pi, p in enumerate(w.plats):
        if not (p["alive"] and p["sv"]["dispatch"]): continue
        send = []; recv = []
        for k in ks:
            if not w.pmask[k]: continue
            if w.disp_plat[k] == pi:
                over = orders[k] - min(orders[k], cap[k] + w.K[k]) - disp_out[k]
                if over > 0: send.append((k, over * 0.5 * w.acc_disp[k] * layer.in_time(w, k, pi)))
        if not send: continue
        for k in ks:
            if (int(w.pmask[k]) & w.reach_bits[pi] & w.alive_bits()) and orders[k] <= cap[k] + w.K[k] and w.disp_plat[k] != -2:
                sp = max(0.0, cap[k] - y[k])
                if sp > 0: recv.append((k, sp))
        So = sum(o for _, o in send); Ss = sum(x for _, x in recv)
        moved = min(So, Ss)
        if moved <= 0: continue
        rr = []
        for k, sp in recv:
            a = moved * sp / Ss; y[k] += a; disp_in[k] += a; rr.append((k, a))
        ss = []
        for k, o in send:
            a = moved * o / So; disp_out[k] += a; ss.append((k, o / So))
        rounds.append((pi, tt, ss, rr))

def dispatch_realise(w, tt, ks, lams, rounds, disp_real, disp_made, price):
    for pi, t_, ss, rr in rounds:
        if t_ != tt: continue
        for r_, a in rr:
            made = a * lams[r_]
            w.disp_recv[r_] = w.disp_recv.get(r_, 0.0) + made
            w.plats[pi]["gmv"] += price[r_] * made; w.plats[pi]["dispatched"] = w.plats[pi].get("dispatched", 0.0) + made
            for k, sh in ss:
                disp_real[k] += made * sh
                disp_made.setdefault(k, []).append((r_, made * sh))

def link(w):
    """7.51 links and reach sets."""
    P = w.plats
    for pi, p in enumerate(P):
        if not p["alive"] or p["level"] in ("regional", "middle"): p["parent"] = -1; continue
        if p["parent"] >= 0 and P[p["parent"]]["alive"]: continue
        p["parent"] = -1
        want = "industry" if p["level"] == "enterprise" else "regional"
        ind = p["industry"]
        if want == "industry" and ind < 0 and p["owner_firm"] >= 0: ind = w.ind[p["owner_firm"]]
        cands = []
        for qi, q in enumerate(P):
            if not q["alive"] or q["level"] != want: continue
            if want == "industry":
                if ind >= 0 and q["industry"] >= 0 and q["industry"] != ind: continue
                if ind < 0 and q["industry"] >= 0: continue
            cands.append(qi)
        if cands:
            same = [qi for qi in cands if P[qi]["host"] == p["host"]]
            p["parent"] = same[0] if same else cands[0]
    w.reach_bits = []
    for pi, p in enumerate(P):
        r = 1 << pi
        if p["alive"]:
            if p["parent"] >= 0: r |= 1 << p["parent"]
            for qi, q in enumerate(P):
                if q["alive"] and q["parent"] == pi: r |= 1 << qi
            if p["level"] == "industry" and p["parent"] >= 0:
                for qi, q in enumerate(P):
                    if q["alive"] and q["level"] == "industry" and q["parent"] == p["parent"]: r |= 1 << qi
        w.reach_bits.append(r)

def credit_lines(w):
    """phase 8: a_fin · credit_months · last month's revenue (7.18, 7.51)."""
    n = len(w.L); w.credit = np.zeros(n)
    rev = getattr(w, "rev_last", None)
    if rev is None: return
    for k in range(min(n, len(rev))):
        if not w.alive[k] or not w.pmask[k]: continue
        a = 0.0
        for pi, p in enumerate(w.plats):
            if not (p["alive"] and (int(w.pmask[k]) >> pi) & 1): continue
            if p["sv"]["finance"]: a = max(a, layer.avail(w, pi) if "credit1" not in layer.ALT else 1.0)   # 1/max(1, congestion_p)
            par = p["parent"]
            if p["level"] == "industry" and par >= 0 and w.plats[par]["sv"]["finance"]:
                D = w.plats[par]["D"]; a = max(a, min(layer.avail(w, pi), layer.avail(w, par)) * D / (D + 5e7))
        w.credit[k] = a * 3.0 * rev[k]

def sigma_p(w, pi):
    p = w.plats[pi]
    if not (p["alive"] and p["sv"]["knowledge"] and p["app_stock"] > 0): return 0.0
    return 0.48 * p["app_stock"] / (p["app_stock"] + 100.0) * layer.avail(w, pi)   # / max(1, congestion_p), 7.66

def subscribe_apps(w):
    """7.66, phase 14: for next month."""
    for k in range(len(w.L)):
        w.app_plat[k] = -1
        if not w.alive[k] or not w.pmask[k]: continue
        best = -1; bv = 0.0
        for pi, p in enumerate(w.plats):
            if not (p["alive"] and (int(w.pmask[k]) >> pi) & 1): continue
            v = w.land[w.region[k]] * 0.5 * w.unaided_c[k] * w.L[k] * sigma_p(w, pi) - 16.7 * w.L[k]
            if v > bv: bv = v; best = pi
        w.app_plat[k] = best

def app_fee(w, k):
    """settlement: (sigma_i, fee) of last month's subscription if still valid."""
    pi = w.app_plat[k]
    if pi < 0 or not (int(w.pmask[k]) >> pi) & 1: return 0.0, 0.0
    sg = sigma_p(w, pi)
    if sg <= 0: return 0.0, 0.0
    return sg, 16.7 * w.L[k]

def update_lanes(w, alive):
    """7.60 update_logistics_lanes: pools per (platform, supplier region, buyer region), up to 4 rounds."""
    w.pools_last = w.pools
    Q = 150000.0; Th = 7.0
    Wf = lambda F: 0.5 * Th if F <= 0 else 0.5 * min(Q / F, Th)
    cands = {}
    for tie in w.ties:
        if tie["kind"] != "S" or tie["units"] <= 0 or not alive[tie["t"]]: continue
        ch = tie.get("ch", -1)
        if ch < 0: continue
        p = w.plats[ch]
        if not (p["alive"] and p["sv"]["logistics"]): continue
        cands.setdefault((ch, w.region[tie["s"]], w.region[tie["t"]]), []).append(tie)
    pools = {}
    for key, ts in cands.items():
        fl = lambda us: sum(t_["units"] * w.price[t_["s"]] / (365 / 12) for t_ in us)
        pool = fl(ts)
        for _ in range(4):
            a_p = layer.avail(w, key[0])   # 7.60: only a_p of a pooled shipment makes the pool's load
            users = [t_ for t_ in ts if 0.003 * a_p * (Wf(w.flow.get((t_["s"], w.region[t_["t"]]), 0.0)) - Wf(pool)) > 0.005]
            np_ = fl(users)
            if np_ == pool: break
            pool = np_
        pools[key] = pool
    w.pools = pools

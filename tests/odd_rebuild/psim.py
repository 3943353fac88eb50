#!/usr/bin/python3
"""Multi-month engine: warm-up (7.1a) + month 1, reusing the exact pieces checked in month1.py / rest.py."""
import os
SCENARIOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios")
import math, sys, time, os, numpy as np
ALT = dict(x.split("=") for x in os.environ.get("ODD_REBUILD_ALT", "").split(",") if x)
from model import World, load, opw
from rng import Rng
from rest import REST, rel, logit, logistic, clamp, remove_tie, worst
import plat
import layer

EXT = []   # extension modules (policy.py, shock.py): hooks named after the phases they run in, called by _ext
def _ext(name, *a):
    for e in EXT:
        f = getattr(e, name, None)
        if f: f(*a)
def capf(w, use=None):
    """7.25: capacity factor 1 - disruption of each firm's region (1 without shocks). ODD_REBUILD_ALT=sh_undisrupted=USE
    (USE = prices or orders) reads the undisrupted capacity there instead, records/policies/GUESSES.md."""
    d = getattr(w, "dis_reg", None)
    if d is None or (use is not None and ALT.get("sh_undisrupted") == use): return 1.0
    return 1.0 - d[w.region]

def rebuild_dir(w):
    n = len(w.L)
    w.by_type = {t: [] for t in range(w.T)}; w.by_rt = {}
    for k in range(n):
        if w.alive[k]:
            w.by_type[w.typ[k]].append(k); w.by_rt.setdefault((w.region[k], w.typ[k]), []).append(k)

def set_prices(w):
    P = w.P; ub = P["initial_utilisation"]
    lab = w.lab[w.region]; land = w.land[w.region]
    at = opw(w)   # 7.108: output per worker ã; ā_t below still averages the knowledge stock a
    w.unit_cost = ((lab + land * w.overhead) / (at * ub) + w.iuc) * (1 + w.delta)
    w.price = np.where(w.alive, (1 + P["markup"]) * w.unit_cost, w.price)
    cap = w.L * at * w.alive * capf(w, "prices")
    tot = (cap * w.price).sum() / cap.sum()
    w.abar = np.ones(w.T)
    for t in range(w.T):
        ks = w.by_type[t]
        cs = 0.0; ps = 0.0; as_ = 0.0
        for k in ks:
            if w.alive[k]: cs += cap[k]; ps += cap[k] * w.price[k]; as_ += cap[k] * w.a[k]
        if cs > 0: w.mean_price[t] = ps / cs; w.abar[t] = as_ / cs
        elif not w.type_priced[t]: w.mean_price[t] = tot
        if cs > 0: w.type_priced[t] = True
        if ALT.get("sh_undisrupted") == "abar" and getattr(w, "dis_reg", None) is not None:   # records/policies G-Sh2
            c0 = sum(w.L[k] * at[k] for k in ks if w.alive[k]); a0 = sum(w.L[k] * at[k] * w.a[k] for k in ks if w.alive[k])
            w.abar[t] = a0 / c0 if c0 > 0 else 1.0

def candidates(w, f, u, rg):
    P = w.P; cands = []
    loc = w.by_rt.get((w.region[f], u), [])
    if loc:
        for _ in range(P["local_candidates"]): cands.append(loc[rg.below(len(loc))])
    allu = w.by_type[u]
    if allu:
        for _ in range(P["remote_candidates"]): cands.append(allu[rg.below(len(allu))])
    if w.plats: cands += w.mm_candidates(f, u, rg)
    partners = [t["t"] for t in w.out_edges[f]] + [t["s"] for t in w.in_edges[f]]
    nref = 0
    for p in partners:
        if nref >= P["referral_candidates"]: break
        for tie in w.in_edges[p]:
            if nref >= P["referral_candidates"]: break
            if tie["kind"] == "S" and w.typ[tie["s"]] == u:
                cands.append(tie["s"]); nref += 1
    cur = {t["s"] for t in w.in_edges[f] if t["kind"] == "S"}
    return sorted(set(c for c in cands if c != f and w.alive[c] and c not in cur))

def screen(w, f, cands):
    P = w.P
    for s in cands:
        B = w.referral_belief(f, s)
        if w.plats: _, B, _ = w.supply_terms(s, f, B, w.flow.get((s, w.region[f]), 0.0))
        e = B[0] + B[1] - P["prior_observations"]
        w.search_cost[f] += P["screening_cost"] * P["evidence_half"] / (P["evidence_half"] + e)

def search(w, f, slot, u, rg):
    """7.5 logit search with this month's lane flows."""
    P = w.P; cands = candidates(w, f, u, rg)
    if not cands: return None
    best = None; bu = -np.inf; pbar = w.mean_price[u]
    for s in cands:
        B = w.referral_belief(f, s); fl = w.flow.get((s, w.region[f]), 0.0); fee = 0.0; ch = -1
        if w.plats: ch, B, fee = w.supply_terms(s, f, B, fl)
        lc = w.landed_cost(s, f, B, fl, fee, ch=ch)
        e = B[0] + B[1] - P["prior_observations"]
        w.search_cost[f] += P["screening_cost"] * P["evidence_half"] / (P["evidence_half"] + e)
        k = len(w.out_edges[s])
        U = -P["choice_sensitivity"] * lc / pbar + P["preferential_exponent"] * math.log(1 + k) + rg.gumbel()
        if U > bu: bu = U; best = s
    return best

HH_EXO = False   # households.consumption = "exogenous" (households.py)


def month(w, t, warm, log=None):
    P = w.P; seed = w.seed; N = len(w.L)
    g = 1.03 ** (1 / 12)
    if not warm: w.D = w.D * g
    _ext("begin_month", w, t, warm)   # phases 2 (shocks) and 3 (policies)
    if w.plats: w.disp_recv = {}
    if not warm and w.plats: plat.roster(w, t); layer.resolve(w, t); plat.access(w); plat.credit_lines(w)
    set_prices(w)
    cap = w.L * opw(w) * capf(w, "orders")   # 7.108: capacity L · ã · (1 − disruption)
    w.m_phase10 = w.m.copy()   # only for the rejected reading ODD_REBUILD_ALT=mpg_sales=stored (rest.py)
    cu = lambda use: w.L * opw(w) if ALT.get("sh_undisrupted") == use else cap   # G-Sh3 alternatives, one use each
    capW, capY, capS, capT = cu("weights"), cu("production"), cu("spot"), cu("split")
    pbar = w.mean_price.copy()
    scale = 1.0; w.cons_imports = 0.0; H = None
    X = 0.0 if warm else max(0.0, getattr(w, "V_row", 0.0))
    if not warm and w.YD_last is not None and not w.hh_exo:   # 7.15a (a): no plan under "exogenous" (households.py)
        B = sum(w.D[i] * pbar[ft] for i, ft in enumerate(w.final_type))
        if w.YD_last > 0 and B > 0:
            C = max(0.0, 0.6 * w.YD_last + 0.4 * w.V_house)
            H = (1 - 0.036) * C
            w.hh = dict(C=C, H=H, B=B); w.cons_imports = 0.036 * C
    alive = w.alive.copy()
    orders = np.zeros(N); y = np.zeros(N); own = np.zeros(N); spot_sold = np.zeros(N)
    for tie in w.ties: tie["units"] = 0.0; tie["delivered"] = 0.0; tie.pop("late", None)
    eps = P["price_elasticity"]
    # foreign buyers' orders (7.15a c, 7.78, 7.85)
    xexp = np.zeros(N); w.listing = {}
    wts = {}
    for i, ft in enumerate(w.final_type):
        ks = [k for k in w.by_type[ft] if alive[k]]
        wt = [capW[k] * (w.price[k] / pbar[ft]) ** (-eps) * max(0, 1 + 0.5 * (w.rep[k] - 0.5)) for k in ks]
        Sw = 0.0
        for v in wt: Sw += v
        wts[i] = (ks, wt, Sw)
    ET = sum(0.5 * w.D[i] * pbar[ft] for i, ft in enumerate(w.final_type))
    a_t = min(1.0, X / ET) if ET > 0 else 0.0
    O = 0.0
    if a_t > 0:
        for i, ft in enumerate(w.final_type):
            ks, wt, Sw = wts[i]
            if not ks or pbar[ft] <= 0 or Sw <= 0: continue
            E = 0.5 * w.D[i]
            for k, v in zip(ks, wt):
                reach = 0.1
                if w.plats and w.pmask[k]:
                    best = None; bw = -1.0
                    for pi, pl in enumerate(w.plats):
                        if pl["alive"] and pl["sv"]["cross_border"] and (int(w.pmask[k]) >> pi) & 1:
                            rw = w.rating_w(pi)
                            if rw > bw: bw = rw; best = pi
                    if best is not None:
                        rp = min(1.0, max(0.0, bw)); add = 0.9 * rp
                        gain = max(0.0, 1 - w.iuc[k] / w.price[k]) * w.price[k] * a_t * E * v / Sw * add
                        if gain > 2483.0: w.listing[k] = best; reach = 0.1 + add
                xexp[k] = a_t * E * v / Sw * reach
                if ALT.get("sh_export") == "1" and getattr(w, "dmult", None) is not None: xexp[k] *= w.dmult[i]   # G-Sh5
        O = sum(w.price[k] * xexp[k] for k in range(N))
        if O > X:
            f_ = X / O; xexp = xexp * f_; O = sum(w.price[k] * xexp[k] for k in range(N))
    orders += xexp
    Rr = max(0.0, X - O); e_t = 0.0
    if H is not None:
        Ssp = H + Rr; scale = Ssp / w.hh["B"]; e_t = Rr / Ssp if Ssp > 0 else 0.0
        w.hh["scale"] = scale
    w.e_t = e_t; w.X = X; w.O = O
    for i, ft in enumerate(w.final_type):
        ks, wt, S = wts[i]
        if not ks: continue
        if S > 0:
            dm = w.dmult[i] if getattr(w, "dmult", None) is not None else 1.0   # 7.25 demand shock
            for k, v in zip(ks, wt): orders[k] += w.D[i] * dm * scale * v / S
    final_orders = orders.copy()
    spot_untied = np.zeros(w.T); untied_slot = set()
    sigF = 0.10 + 0.3 * 0.30; final_set = set(w.final_type)
    disp_out = np.zeros(N); disp_in = np.zeros(N); rounds = []
    for tt in w.customers_first:
        ks = [k for k in w.by_type[tt] if alive[k]]
        for k in ks:
            if tt in final_set:
                sg = sigF * (1 - 0.6 * w.acc_fc[k] * layer.fresh(w, k)) if (w.plats and w.acc_fc[k] > 0) else sigF
                e = max(-0.9, Rng(seed, "Forecast", k, t).normal(0.0, sg))
                y[k] = min(max(0.0, orders[k] * (1 + e) - w.K[k]), capY[k])
            else:
                y[k] = min(max(0.0, orders[k] - w.K[k]), capY[k])
            own[k] = y[k]
        if w.plats: plat.dispatch_plan(w, tt, ks, orders, y, cu("dispatch"), disp_out, disp_in, rounds)
        S_t = spot_untied[tt] + sum(orders[k] - min(orders[k], capY[k]) - disp_out[k] for k in ks if tt not in final_set)
        spare = sum(max(0.0, capS[k] - y[k]) for k in ks)
        if spare > 0 and S_t > 0:
            f = min(1.0, S_t / spare)
            for k in ks:
                spot_sold[k] = f * max(0.0, capS[k] - y[k]); y[k] += spot_sold[k]
        for k in ks:
            for s, (u, pu) in enumerate(w.needs[tt]):
                q = max(0.0, y[k] * pu - w.stock[k][s])
                ties = [tie for tie in w.in_edges[k] if tie["kind"] == "S" and tie["slot"] == s]
                ws = []
                for tie in ties:
                    j = tie["s"]
                    lc = w.lc_tie(tie, w.flow_last.get((j, w.region[k]), 0.0), last=True)
                    ws.append(capT[j] * (lc / pbar[u]) ** (-eps))
                Sw = sum(ws)
                if ties and Sw > 0:
                    for tie, wv in zip(ties, ws):
                        tie["units"] = q * wv / Sw; orders[tie["s"]] += tie["units"]
                else:
                    spot_untied[u] += q; untied_slot.add((k, s))
    flow = {}
    for tie in w.ties:
        if tie["kind"] != "S" or not alive[tie["t"]]: continue
        key = (tie["s"], w.region[tie["t"]])
        flow[key] = flow.get(key, 0.0) + tie["units"] * w.price[tie["s"]] / (365 / 12)
    w.flow = flow
    if w.plats: plat.update_lanes(w, alive)
    dom = np.zeros(w.T)
    phi = np.ones(N); unsold = np.zeros(N); from_stock = np.zeros(N); scrapped = np.zeros(N)
    spot_value = np.zeros(N); spot_bought = np.zeros(N); spot_units = np.zeros(N); inputs_bought = np.zeros(N)
    got_slot = {}; import_value = np.zeros(N); lams = np.ones(N); solds = np.zeros(N)
    disp_real = np.zeros(N); disp_made = {}
    for tt in reversed(w.customers_first):
        ks = [k for k in w.by_type[tt] if alive[k]]
        for k in ks:
            lam = 1.0; rec = []
            for s, (u, pu) in enumerate(w.needs[tt]):
                ties = [tie for tie in w.in_edges[k] if tie["kind"] == "S" and tie["slot"] == s]
                deliv = sum(tie["delivered"] for tie in ties)
                if any(tie["units"] > 0 for tie in ties):
                    req = sum(tie["units"] - tie["delivered"] for tie in ties)
                else:
                    req = max(0.0, y[k] * pu - w.stock[k][s])
                got = req; domestic = req * dom[u]; imported = got - domestic
                spot_value[k] += domestic * pbar[u] + imported * pbar[u] * 1.1
                import_value[k] += imported * pbar[u] * 1.1
                spot_bought[k] += got
                if (k, s) in untied_slot: spot_units[k] += got
                got_slot[(k, s)] = got
                rec.append(deliv + got)
                need = y[k] * pu
                if need > 0: lam = min(lam, (w.stock[k][s] + deliv + got) / need)
            lam = max(0.0, min(1.0, lam)); lams[k] = lam
            y[k] *= lam; own[k] *= lam; spot_sold[k] *= lam
            for s, (u, pu) in enumerate(w.needs[tt]):
                w.stock[k][s] = max(0.0, w.stock[k][s] + rec[s] - y[k] * pu)
            inputs_bought[k] = sum(rec)
            from_stock[k] = min(w.K[k], orders[k])
            sold = from_stock[k] + min(own[k], orders[k] - from_stock[k])
            unsold[k] = own[k] - (sold - from_stock[k])
            c2m = 0.3 if tt in final_set else 0.0
            Kpre = w.K[k] - from_stock[k] + unsold[k] - c2m * unsold[k]
            w.K[k] = 0.95 * Kpre
            scrapped[k] = c2m * unsold[k] + 0.05 * Kpre
            solds[k] = sold
        if w.plats: plat.dispatch_realise(w, tt, ks, lams, rounds, disp_real, disp_made, w.price)
        for k in ks:
            phi[k] = min(1.0, (solds[k] + disp_real[k]) / orders[k]) if orders[k] > 0 else 1.0
            for tie in w.out_edges[k]:
                if tie["kind"] == "S": tie["delivered"] = tie["units"] * phi[k]
        asked = spot_untied[tt] + sum(tie["units"] - tie["delivered"] for k in ks for tie in w.out_edges[k] if tie["kind"] == "S")
        supply = sum(spot_sold[k] for k in ks)
        dom[tt] = min(1.0, supply / asked) if asked > 0 else 0.0
    # settlement
    pr = w.prior(); Eon = pr[0] / (pr[0] + pr[1]); Ed = pr[2] / (pr[2] + pr[3])
    pi_spot = 0.15 + 0.02 + Ed * 1.0 + (1 - Eon) * 10 * 0.003
    res = {k: np.zeros(N) for k in ["cost", "tc", "lead", "fixed", "rework", "markdown", "revenue", "profit", "wages", "rent", "cloud", "inplant"]}
    w.commission = 0.0; w.mkt_fee = 0.0
    for k in range(N):
        if not alive[k]: continue
        r = w.region[k]; rg = Rng(seed, "Delivery", k, t)
        cost = 0.0; tc = 0.0; lead = 0.0
        slot_val = {}
        for tie in w.in_edges[k]:
            if tie["kind"] != "S" or tie["delivered"] <= 0: continue
            j = tie["s"]; dlv = tie["delivered"]
            qj, dj = w.pi[j], w.delta[j]
            if w.plats and disp_real[j] > 0 and phi[j] * orders[j] > 0:
                sg_ = min(1.0, disp_real[j] / (phi[j] * orders[j])); mk = disp_made[j]; tot_ = sum(u_ for _, u_ in mk)
                if tot_ > 0:
                    qR = sum(w.pi[r_] * u_ for r_, u_ in mk) / tot_; dR = sum(w.delta[r_] * u_ for r_, u_ in mk) / tot_
                    qj = (1 - sg_) * qj + sg_ * qR; dj = (1 - sg_) * dj + sg_ * dR
            late = not rg.bernoulli(qj * phi[j])
            bad = sum(1 for _ in range(4) if rg.bernoulli(dj))
            tie["late"] = 1 if late else 0; tie["bad"] = bad
            d = w.dist[w.region[j], r]
            tauH = 0.05 * (1 + d / 500)
            TB = w.tie_belief(tie); fee = w.tie_fee(tie)
            _, insp, e = w.info_cost(TB)
            inc = dlv * (bad / 4) * w.price[j] + (1 if late else 0) * dlv * w.price[j] * 0.003 * 10
            fl = w.flow.get((j, r), 0.0)
            W, lfee = w.ship(j, k, tie.get("ch", -1), fl) if w.plats else ((3.5 if fl <= 0 else 0.5 * min(150000.0 / fl, 7.0)), 0.0)
            v = dlv * w.price[j] * (1 + tauH + insp + fee + lfee) + inc
            cost += v; tc += dlv * w.price[j] * (tauH + insp + fee + lfee) + inc
            if lfee > 0:
                lv = dlv * w.price[j] * lfee
                pl = w.plats[tie["ch"]]; pl["revenue"] += lv; pl["cost"] += dlv * w.price[j] * 0.004; w.mkt_fee += lv
            if tie.get("ch", -1) >= 0:
                osh = 1.0 - (disp_real[j] / (phi[j] * orders[j]) if (w.plats and disp_real[j] > 0 and phi[j] * orders[j] > 0) else 0.0)
                w.plats[tie["ch"]]["gmv"] += dlv * w.price[j] * osh
            if fee > 0:
                pl = w.plats[tie["ch"]]; pl["revenue"] += fee * dlv * w.price[j]; w.commission += fee * dlv * w.price[j]
            sv = slot_val.setdefault(tie["slot"], [0.0, 0.0]); sv[0] += v; sv[1] += dlv
            LT = (10 * (1 - 0.27 * w.u_ip[j]) if w.plats else 10) + d / 400 + w.handling_days(TB, w.region[j], r, tie.get("ch", -1)) + W
            lead += dlv * (LT + (10 if late else 0))
        pik = pi_spot; Bsp = pr; chsp = -1
        if w.plats and w.acc_mm[k] > 0 and w.pmask[k]:
            mi = layer.best_plat(w, k, "matchmaking")   # 7.18: highest availability, lowest index on ties
            Br = w.rated_avg(mi)
            full_m = 0.15 + w.info_cost(Br)[0] + w.plats[mi]["fee"]; full_s = 0.15 + w.info_cost(pr)[0]
            if full_m < full_s:
                Er = Br[2] / (Br[2] + Br[3]); Eo = Br[0] / (Br[0] + Br[1]); insp_r = w.info_cost(Br)[1]
                pik = 0.15 + insp_r + Er * 1.0 + (1 - Eo) * 10 * 0.003 + w.plats[mi]["fee"]; Bsp = Br; chsp = mi
                w.plats[mi]["revenue"] += w.plats[mi]["fee"] * spot_value[k]; w.plats[mi]["gmv"] += spot_value[k]; w.mkt_fee += w.plats[mi]["fee"] * spot_value[k]
        cost += spot_value[k] * (1 + pik) + w.search_cost[k]
        tc += spot_value[k] * pik + w.search_cost[k]
        tr_out = 0.0; tr_in = 0.0; tr_fee = 0.0
        if w.plats and k in disp_made:
            for r_, u_ in disp_made[k]: tr_out += w.price[r_] * u_
            dp = w.disp_plat[k]; Bd = w.rated_avg(dp); insp_d = w.info_cost(Bd)[1]; fee_d = w.plats[dp]["fee"]
            cost += tr_out * (0.15 + insp_d); tc += tr_out * (0.15 + insp_d + fee_d); tr_fee = tr_out * fee_d
            w.plats[dp]["revenue"] += tr_out * fee_d; w.mkt_fee += tr_out * fee_d
        if w.plats: tr_in = w.price[k] * w.disp_recv.get(k, 0.0)
        lead += spot_bought[k] * (10 + w.handling_days(Bsp, r, r, chsp) + 15)
        fixed = (w.lab[r] + w.land[r] * w.overhead[k]) * w.L[k]
        if w.on_cloud[k]: fixed += 2000.0 + 40.0 * w.L[k]; res["cloud"][k] = 2000.0 + 40.0 * w.L[k]
        if w.plats:
            sg_, af_ = plat.app_fee(w, k); w.sig_app[k] = sg_
            if af_ > 0: fixed += af_; w.plats[w.app_plat[k]]["revenue"] += af_
        if k in w.listing:
            fixed += 2483.0; w.plats[w.listing[k]]["revenue"] += 2483.0
        if w.plats and w.ip_plat[k] >= 0 and w.plats[w.ip_plat[k]]["alive"] and (w.pmask[k] >> w.ip_plat[k]) & 1:
            fixed += plat.IP_PRICE; w.plats[w.ip_plat[k]]["revenue"] += plat.IP_PRICE; res["inplant"][k] = plat.IP_PRICE
        rework = w.delta[k] * (cost + fixed)
        markdown = (0.5 * scrapped[k] + 0.02 * w.K[k]) * (cost + fixed) / y[k] if y[k] > 0 else 0.0
        revenue = w.price[k] * phi[k] * orders[k] + pbar[w.typ[k]] * spot_sold[k] + tr_in
        profit = revenue - (cost + fixed + rework + markdown + tr_out + tr_fee)
        for nm, v in [("cost", cost), ("tc", tc), ("lead", lead), ("fixed", fixed), ("rework", rework), ("markdown", markdown),
                      ("revenue", revenue), ("profit", profit), ("wages", w.lab[r] * w.L[k]), ("rent", w.land[r] * w.overhead[k] * w.L[k])]:
            res[nm][k] = v
        # next month's input cost
        if y[k] > 0:
            iuc = 0.0
            for s, (u, pu) in enumerate(w.needs[w.typ[k]]):
                rho_u = 1.0; dl = min(rho_u, dom[u])
                sp = pbar[u] * ((dl + (rho_u - dl) * 1.1) / rho_u) * (1 + pik)
                v, q = slot_val.get(s, [0.0, 0.0]); gs = got_slot.get((k, s), 0.0)
                landed = (v + gs * sp) / (q + gs) if (q + gs) > 0 else sp
                iuc += pu * landed
            w.iuc[k] = iuc
        if orders[k] > 0: w.rep[k] += 0.1 * (phi[k] - w.rep[k])
    w.cash = w.cash + np.where(alive, res["profit"], 0.0)
    w.search_cost = np.zeros(N)
    w.rev_last = res["revenue"].copy()
    w.m1 = dict(res, orders=orders, y=y, phi=phi, cap=cap, inputs_bought=inputs_bought, spot_units=spot_units, final_orders=final_orders)
    # phase 12 margins; 13 adoption (not in warm-up); 16 dividends
    from rest import rest_of_month
    FL = w.FL
    R = dict(REST, adoption=not warm and FL["adoption"], innovation=FL["innovation"], spillover=FL["spillover"], decay=FL["decay"], switch_probability=FL["switch"],
             sales_search_probability=FL["sales"], collaboration=FL["collab"], capacity=False, imit_interleaved=ALT.get('imit','1')=='1', collab_mode=ALT.get('collab','continue'))
    w.divs = None
    w._t = t
    # dividends must be paid after adoption and before learning: do adoption here via rest with everything else off
    R_ad = dict(REST, adoption=not warm and FL["adoption"])
    if w.plats and not warm:
        plat.adopt_and_join(w, t, R_ad["adoption"])
        plat.after_joining(w, t)
    else:
        rest_partial_adoption(w, R_ad, t)
    if not warm: _ext("account_policies", w, t)   # phase 15
    div = np.where(alive, 0.9 * np.maximum(0, np.minimum(res["profit"], w.cash - w.loan)), 0.0)
    if w.hh_exo and not (warm and ALT.get("hh_div") == "warm"): div = np.zeros(N)   # ALT hh_div=warm: paid in the warm-up; 7.70: no dividends in any month under "exogenous" (households.py)
    w.cash = w.cash - div
    services = (res["tc"] + res["rework"] + res["markdown"]).sum() - w.commission - w.mkt_fee
    w.income = dict(wages=res["wages"].sum(), rent=res["rent"].sum(), services=services, dividends=div.sum(), cloud=res["cloud"].sum())
    fs_ = 0.0; ex_ = 0.0
    for k in range(N):
        if alive[k] and w.typ[k] in final_set:
            exported = w.price[k] * phi[k] * xexp[k]; rest_ = w.price[k] * phi[k] * final_orders[k] - exported
            fs_ += rest_ * (1 - e_t); ex_ += rest_ * e_t + exported
    w.final_sales = fs_; w.exports = ex_
    if not warm: _ext("household_income", w, t)   # public spending (7.28, 7.69)
    w.plat_div = 0.0
    # learning, decay, search, collaboration (rest_of_month with adoption off), capacity
    w.plat_invest = 0.0
    if w.plats and not warm: plat.settle_platforms(w, t)
    R2 = dict(R, adoption=False, capacity=FL["capacity"])
    rest_of_month(w, R2, tick=t)
    # exit (7.11) and rewiring
    w.liquidation = 0.0
    exits = exit_and_rewire(w, t) if FL["exit"] else 0
    from rest import entry
    w.a_phase9 = None
    new = entry_dir(w, t) if FL["entry"] else []
    rebuild_dir(w)
    if w.plats: plat.extend(w)
    w.income["services"] += getattr(w, "barrier_paid", 0.0)
    if w.plats:
        w.income["opcost"] = sum(p["cost"] for p in w.plats if p["alive"] or p["cost"] > 0)
        w.income["plat_div"] = w.plat_div
        w.income["plat_invest"] = w.plat_invest   # 7.21 capacity investment, platforms -> households
    w.YD_last = sum(w.income.values())
    if not warm:
        eq_firms = sum(e["cash"] + (w.regions[e["region"]].get("relocation_barrier", 2e6) if e.get("moved") else 0.0) for e in new)
        eq_plat = sum(p.get("hh_equity", 5e7) for p in w.plats if p.get("launched_tick") == t)   # founded: 7.50 (found.py)
        w.flows = dict(YD=w.YD_last, liquidation=w.liquidation, final_sales=w.final_sales, cons_imports=w.cons_imports, eq_firms=eq_firms, eq_plat=eq_plat)
        w.V_house = w.V_house + w.YD_last + w.liquidation - w.final_sales - w.cons_imports - eq_firms - eq_plat
        w.V_row = getattr(w, "V_row", 0.0) + import_value.sum() + w.cons_imports - w.exports
    w.flow_last = w.flow
    if log is not None: log.append(dict(t=t, firms=int(w.alive.sum()), exits=exits, entries=len(new), profit=res["profit"].sum(), output=res["revenue"].sum(), scale=scale))

def rest_partial_adoption(w, R, t):
    """Phase 12 and, when adoption is on, phase 13 of a month without platforms (rest.py's own functions)."""
    from rest import type_margins, cloud_adoption
    if not R["adoption"]:
        type_margins(w)
        return
    cloud_adoption(w, t)

def exit_and_rewire(w, t):
    N = len(w.L); orphans = []; n = 0
    for k in range(N):
        if not w.alive[k]: continue
        if w.cash[k] - w.loan[k] + (w.credit[k] if w.plats else 0.0) < 0:
            w.alive[k] = False; w.exit_tick[k] = t; n += 1
            for tie in list(w.out_edges[k]):
                if tie["kind"] == "S": orphans.append((tie["t"], tie["slot"]))
            for tie in list(w.out_edges[k]) + list(w.in_edges[k]):
                remove_tie(w, tie)
            w.liquidation += max(0.0, w.cash[k]); w.cash[k] = 0.0; w.loan[k] = 0.0
    if orphans and w.P["trade_enabled"]:
        rebuild_dir(w)
        rngs = {}
        for c, slot in orphans:
            if not w.alive[c]: continue
            key = (c, slot)
            if key not in rngs: rngs[key] = Rng(w.seed, "Rewire", c, t * 64 + slot)
            rg = rngs[key]; u = w.needs[w.typ[c]][slot][0]
            if rg.bernoulli(0.2):
                cands = candidates(w, c, u, rg)
                if cands:
                    screen(w, c, cands); s = cands[int(rg.uniform() * len(cands))] if ALT.get('uni') == 'floor' else cands[rg.below(len(cands))]
                else: s = None
            else:
                s = search(w, c, slot, u, rg)
            if s is not None: w.add_tie(s, c, slot)
    return n

def entry_dir(w, t):
    """7.12 using the directory snapshot (counts include this month's exits unless it was rebuilt)."""
    P = w.P; seed = w.seed; N0 = len(w.L)
    F = P["frontier_initial"] * 1.02 ** (t / 12)
    R = len(w.regions); meanlab = w.lab.mean()
    new = []; w.barrier_paid = 0.0
    indcnt = np.zeros((R, len(w.industries)))
    for (r, tt), lst in w.by_rt.items(): indcnt[r, w.type_of[tt][0]] += len(lst)
    w.m_ind = None
    if w.plats:
        alivep = 0
        for pi, p in enumerate(w.plats):
            if p["alive"]: alivep |= (1 << pi)
        w.m_ind = np.zeros(len(w.industries)); tot = np.zeros(len(w.industries))
        for (r, tt), lst in w.by_rt.items():
            i_ = w.type_of[tt][0]
            for k in lst:
                tot[i_] += 1
                if ALT.get("mind") == "dir" and int(w.pmask[k]) & alivep: w.m_ind[i_] += 1
        if ALT.get("mind") != "dir":   # numerator: the roster's member lists (phase 14), denominator: directory counts
            for tt_, lst in w.members_of_type.items(): w.m_ind[w.type_of[tt_][0]] += len(lst)
        w.m_ind = np.where(tot > 0, w.m_ind / np.maximum(tot, 1), 0.0)
    for tt in range(w.T):
        Nt = len(w.by_type[tt])
        lam = 0.004 * max(1, Nt) * max(0.0, 1 + 5.0 * w.type_margin[tt])
        n = Rng(seed, "Entry", tt, t).poisson(lam)
        i, s = w.type_of[tt]
        for k in range(n):
            rg = Rng(seed, "EntryLocation", (tt << 24) | k, t)
            L = rg.bounded_pareto(P["size_exponent"], P["size_min"], 50.0)
            cnt = indcnt[:, i]
            mind = w.m_ind[i] if getattr(w, "m_ind", None) is not None else 0.0
            wts = 1 + cnt
            born = mind > 0 and rg.bernoulli(mind)
            if born and ALT.get("born", "below") == "below":
                o = rg.below(R)
            else:
                if born: wts = np.ones(R)
                u = rg.uniform() * wts.sum(); c = 0; o = R - 1
                for r in range(R):
                    c += wts[r]
                    if u < c: o = r; break
            if born: w.born_log = getattr(w, "born_log", []) + [(t, tt, k, o)]
            K = P["initial_cash_months"] * (w.lab[o] + w.land[o]) * L
            best = None; bu = -np.inf
            for r in range(R):
                bar = w.regions[r].get("relocation_barrier", 2e6)
                if not (r == o or bar < K): continue
                V = (1 - mind) * (math.log(0.001 + w.endow[r, i]) + math.log(1 + cnt[r])) - w.lab[r] / meanlab - (bar / K if r != o else 0.0)
                U = V + rg.gumbel()
                if U > bu: bu = U; best = r
            a = min(F, 0.9 * w.abar[tt] * rg.lognormal(0, P["productivity_sd"]))
            bar = w.regions[best].get("relocation_barrier", 2e6)
            if best != o: w.barrier_paid += bar
            new.append(dict(t=tt, L=L, region=best, a=a, cash=K - (bar if best != o else 0.0), moved=best != o))
    for e in new:
        k = len(w.L)
        w.L = np.append(w.L, e["L"]); w.a = np.append(w.a, e["a"]); w.region = np.append(w.region, e["region"])
        w.typ = np.append(w.typ, e["t"]); w.ind = np.append(w.ind, w.type_of[e["t"]][0]); w.stage = np.append(w.stage, w.type_of[e["t"]][1])
        w.cash = np.append(w.cash, e["cash"]); w.m = np.append(w.m, 0.0); w.rep = np.append(w.rep, 0.5)
        w.price = np.append(w.price, w.mean_price[e["t"]]); w.alive = np.append(w.alive, True)
        w.iuc = np.append(w.iuc, sum(pu * w.mean_price[u] for (u, pu) in w.needs[e["t"]]))
        w.overhead = np.append(w.overhead, 1.0); w.search_cost = np.append(w.search_cost, 0.0)
        rr = Rng(seed, "Reliability", k + (1 << 40), 0); n1 = rr.normal(); n2 = rr.normal()
        w.pi = np.append(w.pi, clamp(logistic(logit(0.85) + 0.6 * n1))); w.delta = np.append(w.delta, clamp(logistic(logit(0.05) + 0.6 * n2)))
        w.on_cloud = np.append(w.on_cloud, False); w.cm = np.append(w.cm, 0)
        w.loan = np.append(w.loan, 0.0); w.exit_tick = np.append(w.exit_tick, -10**9)
        w.K = np.append(w.K, 0.0); w.stock.append(np.zeros(len(w.needs[e["t"]])))
        w.out_edges.append([]); w.in_edges.append([])
    if w.plats: plat.extend(w)
    rebuild_dir(w)
    for k in range(N0, len(w.L)):
        rg = Rng(seed, "Entry", k, t)
        for slot, (u, pu) in enumerate(w.needs[w.typ[k]]):
            while sum(1 for tie in w.in_edges[k] if tie["slot"] == slot and tie["kind"] == "S") < P["suppliers_per_input"]:
                s = search(w, k, slot, u, rg)
                if s is None or not w.add_tie(s, k, slot): break
    return new

FL0 = dict(adoption=True, innovation=True, spillover=True, decay=True, switch=0.02, sales=0.3, collab=True, capacity=True, exit=True, entry=True)
MONTH_HOOK = None
def run(seed, N=2000, W=36, ticks=1, over=None, fl=None, platforms=True, quiet=False, routes=None):
    scen, P = load(os.path.join(SCENARIOS, "traditional.json"), {"count": N})
    if over: P.update(over)
    w = World(scen, seed, P); w.populate()
    w.hh_exo = HH_EXO
    w.type_priced = np.ones(w.T, dtype=bool)
    w.init_network(); rebuild_dir(w)
    n = len(w.L)
    w.K = np.zeros(n); w.stock = [np.zeros(len(w.needs[w.typ[k]])) for k in range(n)]
    w.flow_last = {}; w.flow = {}; w.loan = np.zeros(n); w.exit_tick = np.full(n, -10**9); w.on_cloud = np.zeros(n, dtype=bool)
    w.YD_last = None
    w.FL = dict(FL0); w.FL.update(fl or {}); w.plats = []
    if platforms: plat.setup(w)
    _ext("setup", w)
    if platforms and routes: layer.install(w, routes)
    log = []
    for t in range(-W + 1, 1):
        t0 = time.time(); month(w, t, True, log); log[-1]["sec"] = round(time.time() - t0, 1)
        if not quiet: print(log[-1], flush=True)
    # open month-one deposits (7.15a a)
    set_prices(w)
    w.V_house = sum(w.D[i] * w.mean_price[ft] for i, ft in enumerate(w.final_type))
    if W == 0: w.YD_last = 0.0
    if platforms: plat.resolve_owners(w)
    for t in range(1, ticks + 1):
        month(w, t, False, log)
        if not quiet: print(log[-1], flush=True)
        if MONTH_HOOK: MONTH_HOOK(w, t)
    return w, log


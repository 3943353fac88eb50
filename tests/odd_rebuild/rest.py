#!/usr/bin/python3
"""Phases 13, 17–23 of month 1 (warm-up 0), from ODD 7.5–7.12, 7.15a."""
import math, numpy as np
from rng import Rng
ALT = dict(x.split("=") for x in __import__("os").environ.get("ODD_REBUILD_ALT", "").split(",") if x)
import layer
from model import opw   # 7.108 output per worker

REST = dict(adoption=False, innovation=False, spillover=False, decay=False, search=False, switch_probability=0.0,
            sales_search_probability=0.0, collaboration=False, capacity=False, entry=False,
            imit_interleaved=True, collab_mode="continue", T_est_supply=0.85 * 0.95 * 20 / 26)

def logit(p): return math.log(p / (1 - p))
def logistic(z): return 1 / (1 + math.exp(-z))
def clamp(p): return min(1 - 1e-6, max(1e-6, p))

def rel(w, i, j):
    if i == j: return 1.0
    a = w.industries[i]; b = w.industries[j]
    if b["name"] in a.get("relatedness", {}): return a["relatedness"][b["name"]]
    if a["name"] in b.get("relatedness", {}): return b["relatedness"][a["name"]]
    s = 0.0
    for x, y in [(a, b), (b, a)]:
        for ci in x.get("cross_inputs", []):
            if ci["from_industry"] == y["name"]: s += ci.get("share", 0.2)
    return min(1.0, s)

def type_margins(w):
    """Phase 12 (7.12): each type's margin, profit over revenue of its alive firms this month."""
    m1 = w.m1
    w.type_margin = np.zeros(w.T)
    for t in range(w.T):
        sel = (w.typ == t) & w.alive
        rv = m1["revenue"][sel].sum()
        w.type_margin[t] = m1["profit"][sel].sum() / rv if rv != 0 else 0.0

def cloud_adoption(w, tick):
    """Phase 13 without platforms (7.15a (d), 7.16): Bass hazard of going on the cloud, then maturity growth."""
    m1 = w.m1; N = len(w.L)
    cellN = {}; cellA = {}
    for k in range(N):
        if w.alive[k]:
            c = (w.region[k], w.ind[k]); cellN[c] = cellN.get(c, 0) + 1; cellA[c] = cellA.get(c, 0) + int(w.on_cloud[k])
    go = []
    for k in range(N):
        if not w.alive[k] or w.on_cloud[k]: continue
        partners = [t["s"] for t in w.in_edges[k]] + [t["t"] for t in w.out_edges[k]]
        Pi = np.mean([w.on_cloud[p] for p in partners]) if partners else 0.0
        c = (w.region[k], w.ind[k]); G = cellA[c] / cellN[c]
        A = 0.6 * Pi + 0.4 * G
        Qi = 0.4 + 0.6 * w.infra[w.region[k]]; S = min(1.0, (w.L[k] / 250) ** 0.25)
        C = math.exp(-5.0 * (2000 + 40 * w.L[k]) / max(1.0, m1["revenue"][k] - m1["cost"][k]))
        pr = 1 - math.exp(-(0.03 + 0.38 * A) / 12 * Qi * S * C)
        if pr <= 0: continue
        if pr >= 1 or Rng(w.seed, "Adoption", k, tick).uniform() < pr: go.append(k)
    for k in go: w.on_cloud[k] = True
    for k in range(N):
        if w.alive[k] and w.on_cloud[k]: w.m[k] += 0.05 * (1 - w.m[k])

def rest_of_month(w, R, tick=1):
    P = w.P; seed = w.seed; m1 = w.m1; N = len(w.L)
    w.on_cloud = getattr(w, "on_cloud", np.zeros(N, dtype=bool))
    stats = dict(dissolved=0, formed=0, innovations=0, imitations=0)
    # ---- phase 12: type margins
    type_margins(w)
    # ---- phase 13: adoption (Bass), 7.15a (d)
    if R["adoption"]: cloud_adoption(w, tick)
    # ---- phase 17: learning
    a_old = w.a.copy(); a_new = w.a.copy()
    F = P["frontier_initial"] * (1.02) ** (tick / 12)
    for k in range(N):
        if not w.alive[k]: continue
        ap = a_old[k]; how = None
        if R["innovation"]:
            rg = Rng(seed, "Innovation", k, tick)
            p = min(1.0, max(0.0, 0.02 * (w.L[k] / 100) ** 0.3))
            if rg.bernoulli(p):
                dr = F * rg.lognormal(0, 0.05)
                if dr > ap: ap = dr; how = "inn"
        if R["spillover"]:
            rg = Rng(seed, "Imitation", k, tick)
            best = a_old[k]
            contacts = [t["s"] for t in w.in_edges[k]] + [t["t"] for t in w.out_edges[k]]
            def meet(j):
                nonlocal best
                if not w.alive[j] or a_old[j] <= best: return
                d = w.dist[w.region[k], w.region[j]]
                if rg.bernoulli(0.05 * 2 ** (-d / 1200)): best = a_old[j]
            for j in contacts: meet(j)
            loc = [j for j in w.by_rt.get((w.region[k], w.typ[k]), []) if w.alive[j]]
            if len(loc) >= 2:
                if R["imit_interleaved"]:
                    for _ in range(4):
                        j = loc[rg.below(len(loc))]
                        if j != k: meet(j)
                else:
                    js = [loc[rg.below(len(loc))] for _ in range(4)]
                    for j in js:
                        if j != k: meet(j)
            if getattr(w, "plats", None) and w.pmask[k] and w.acc_know[k] > 0:   # 7.18 (a) platform knowledge contacts
                nK = int(math.floor(2 * w.acc_know[k] * layer.delivered(w, k) + 0.5)); lst = w.members_of_type.get(w.typ[k], [])
                if lst:
                    reach = w.reach_of(k)
                    for _ in range(nK):
                        j = lst[rg.below(len(lst))]
                        if j != k and w.alive[j] and (int(w.pmask[j]) & reach) and a_old[j] > best:
                            if rg.bernoulli(0.05): best = a_old[j]
            aim = a_old[k] + 0.5 * (best - a_old[k])
            if aim > ap: ap = aim; how = "imi"
        a_new[k] = ap
        if how == "inn": stats["innovations"] += 1
        if how == "imi": stats["imitations"] += 1
    w.a = a_new
    # ---- phase 18: beliefs, overhead, decay, drift
    mu = P.get("belief_memory", 0.95); pr0 = w.prior(); h = P["evidence_half"]
    hn = 1 - 0.5 ** (1 / 13.0); ht = 1 - 0.92 ** (1 / 12)
    doomed = []
    for k in range(N):
        if not w.alive[k]: continue
        n_obs = 0; hours = 0.0
        for tie in w.in_edges[k]:
            if tie["kind"] != "S": continue
            B = tie["B"]
            for j in range(4): B[j] = pr0[j] + mu * (B[j] - pr0[j])
            if tie.get("delivered", 0) > 0 and "late" in tie:
                B[0] += 1 - tie["late"]; B[1] += tie["late"]; B[2] += tie["bad"]; B[3] += 4 - tie["bad"]
                n_obs += 1; hours += 1 + 4 * (tie["late"] + tie["bad"])
            e = B[0] + B[1] - P["prior_observations"]
            tie["trust"] = B[0] / (B[0] + B[1]) * (1 - B[2] / (B[2] + B[3])) * e / (e + h)
        sig = w.sig_app[k] if getattr(w, "plats", None) else 0.0
        ratio = hours * (1 - sig) / (n_obs * (1 + 4 * ((1 - 0.85) + 4 * 0.05))) if n_obs > 0 else 1.0
        if getattr(w, "plats", None):
            ur = hours / (n_obs * (1 + 4 * ((1 - 0.85) + 4 * 0.05))) if n_obs > 0 else 1.0
            w.unaided_c[k] = mu * w.unaided_c[k] + (1 - mu) * ur
        uip = w.u_ip[k] if getattr(w, "u_ip", None) is not None else 0.0
        w.overhead[k] = mu * w.overhead[k] + (1 - mu) * ((1 - 0.5) * (1 - 0.5 * 0.61 * uip) + 0.5 * ratio)
        rg = Rng(seed, "TieDecay", k, tick)
        for tie in w.in_edges[k]:
            if tie["kind"] == "C":
                tie["trust"] += 0.1 * (1 - tie["trust"]); Te = 1.0
            else:
                Te = R["T_est_supply"]
            if R["decay"]:
                x = min(1.0, tie["trust"] / Te)
                if rg.bernoulli((1 - x) * hn + x * ht): doomed.append(tie)
    if getattr(w, "plats", None):   # 7.31 public delivery records, then the member record for next month's marketplace
        for k in range(N):
            if w.alive[k]: w.rec[k] *= mu
        for k in range(N):
            if not w.alive[k]: continue
            for tie in w.in_edges[k]:
                if tie["kind"] == "S" and tie.get("delivered", 0) > 0 and "late" in tie:
                    w.rec[tie["s"]] += [1 - tie["late"], tie["late"], 4 - tie["bad"], tie["bad"]]
        mem = w.alive_members
        w.member_rec = w.rec[mem].mean(axis=0) if mem else np.zeros(4)
    phi_r = 0.97
    for k in range(N):
        if not w.alive[k]: continue
        rg = Rng(seed, "Reliability", k, tick)
        z1 = rg.normal(); z2 = rg.normal()
        lp = (1 - phi_r) * (logit(0.85) + 0.34 * w.m[k]) + phi_r * logit(w.pi[k]) + 0.6 * math.sqrt(1 - phi_r ** 2) * z1
        uip = w.u_ip[k] if getattr(w, "u_ip", None) is not None else 0.0
        ld = (1 - phi_r) * (logit(0.05) - 0.34 * w.m[k] - uip * (logit(0.05) - logit(0.05 * (1 - 0.18)))) + phi_r * logit(w.delta[k]) + 0.6 * math.sqrt(1 - phi_r ** 2) * z2
        w.pi[k] = clamp(logistic(lp)); w.delta[k] = clamp(logistic(ld))
    for tie in doomed:
        remove_tie(w, tie); stats["dissolved"] += 1
    # ---- phase 19: supplier and sales search
    if P["trade_enabled"]:
        # 7.6 with 7.108: ã from this phase's a and m (records/maturity G-M1, G-M2); the rejected readings:
        # mpg_sales=stored (m before phase 13's growth), mpg_sales=a (7.6's unchanged formula L · a)
        at_s = {"stored": lambda: w.a * (1 + w.P.get("maturity_productivity_gain", 0.223) * w.m_phase10),
                "a": lambda: w.a}.get(ALT.get("mpg_sales"), lambda: opw(w))()
        cap_now = w.L * at_s * (1.0 - w.dis_reg[w.region] if getattr(w, "dis_reg", None) is not None else 1.0)   # 7.6, 7.25
        proposals = []
        start_count = {}
        for k in range(N):
            for tie in w.in_edges[k]:
                if tie["kind"] == "S": start_count[(k, tie["slot"])] = start_count.get((k, tie["slot"]), 0) + 1
        for f in range(N):
            if not w.alive[f]: continue
            rg = Rng(seed, "Search", f, tick); props = []
            for slot, (u, pu) in enumerate(w.needs[w.typ[f]]):
                if start_count.get((f, slot), 0) < P["suppliers_per_input"]:
                    s = w.search(f, slot, u, rg, flows=True)
                    if s is not None: props.append(("add", s, f, slot))
                elif rg.bernoulli(R["switch_probability"]):
                    s = w.search(f, slot, u, rg, flows=True)
                    if s is not None:
                        fl_ = w.flow.get((s, w.region[f]), 0.0); Bn = w.referral_belief(f, s); fee_ = 0.0
                        ch_ = -1
                        if getattr(w, "plats", None): ch_, Bn, fee_ = w.supply_terms(s, f, Bn, fl_)
                        lcn = w.landed_cost(s, f, Bn, fl_, fee_, ch=ch_)
                        wt, lcw = worst(w, f, slot)
                        if wt is not None and lcn < lcw * (1 - 0.05): props.append(("rep", s, f, slot))
            ft = w.typ[f]
            if cap_now[f] > 0 and m1["orders"][f] / cap_now[f] < 0.6 and w.buyers_list[ft]:
                if rg.bernoulli(R["sales_search_probability"]):
                    bl = w.buyers_list[ft]; bt, bs = bl[rg.below(len(bl))]
                    online = False
                    if getattr(w, "plats", None) and w.reach_of(f) and w.members_of_type.get(bt):
                        online = rg.bernoulli(P.get("online_sales_share", 0.5))
                    if online: pool = w.members_of_type[bt]
                    else: pool = [c for c in w.by_rt.get((w.region[f], bt), []) if w.alive[c]]
                    if pool:
                        c = pool[rg.below(len(pool))]
                        if c != f and (not online or (int(w.pmask[c]) & w.reach_of(f))):
                            if start_count.get((c, bs), 0) < P["suppliers_per_input"]:
                                props.append(("add", f, c, bs))
                            else:
                                fl_ = w.flow.get((f, w.region[c]), 0.0); Bc = w.referral_belief(c, f); fee_ = 0.0
                                ch_ = -1
                                if getattr(w, "plats", None): ch_, Bc, fee_ = w.supply_terms(f, c, Bc, fl_)
                                lcf = w.landed_cost(f, c, Bc, fl_, fee_, ch=ch_)
                                wt, lcw = worst(w, c, bs)
                                if wt is not None and lcf < lcw * (1 - 0.05): props.append(("rep", f, c, bs))
            proposals.append(props)
        for props in proposals:
            for kind, s, c, slot in props:
                cnt = sum(1 for t in w.in_edges[c] if t["kind"] == "S" and t["slot"] == slot)
                if kind == "add":
                    if cnt < P["suppliers_per_input"] and w.add_tie(s, c, slot): stats["formed"] += 1
                else:
                    wt, _ = worst(w, c, slot)
                    if wt is None: continue
                    remove_tie(w, wt); stats["dissolved"] += 1
                    if w.add_tie(s, c, slot): stats["formed"] += 1
    # ---- phase 20: collaboration
    if R["collaboration"]:
        props = []
        for f in range(N):
            if not w.alive[f]: continue
            rg = Rng(seed, "Collaboration", f, tick)
            ncol = sum(1 for t in w.in_edges[f] + w.out_edges[f] if t["kind"] == "C")
            if not rg.bernoulli(0.05) or ncol >= 5: continue
            cands = []
            for t in w.in_edges[f]:
                if t["kind"] == "S":
                    cands += [t2["t"] for t2 in w.out_edges[t["s"]] if t2["kind"] == "S"]
            for t in w.out_edges[f]:
                if t["kind"] == "S":
                    cands += [t2["s"] for t2 in w.in_edges[t["t"]] if t2["kind"] == "S"]
            cands = [g for g in cands if g != f]
            if getattr(w, "plats", None) and w.pmask[f] and w.alive_members:
                reach = w.reach_of(f); am = w.alive_members
                for _ in range(2):
                    g_ = am[rg.below(len(am))]
                    if g_ != f and (int(w.pmask[g_]) & reach): cands.append(g_)
            if R["collab_mode"] == "replay": rg = Rng(seed, "Collaboration", f, tick)
            elif R["collab_mode"] == "replay_skip": rg = Rng(seed, "Collaboration", f, tick); rg.uniform()
            sc = [rel(w, w.ind[f], w.ind[g]) * 2 ** (-w.dist[w.region[f], w.region[g]] / 1200) * (1 - abs(w.m[f] - w.m[g])) for g in cands]
            if not cands: continue
            u = rg.uniform(); tot = sum(sc)
            if tot <= 0: continue
            run = 0.0; pick = None; lastpos = None
            for g, s in zip(cands, sc):
                if s > 0:
                    lastpos = (g, s); run += s
                    if run > u * tot: pick = (g, s); break
            if pick is None: pick = lastpos
            g, s = pick
            if not w.alive[g] or any(t["kind"] == "C" and (t["s"] == g or t["t"] == g) for t in w.in_edges[f] + w.out_edges[f]): continue
            if s < 1 and not rg.bernoulli(s): continue
            props.append((f, g))
        for f, g in props:
            a, b = min(f, g), max(f, g)
            if any(t["kind"] == "C" and t["t"] == b for t in w.out_edges[a]): continue
            if sum(1 for t in w.in_edges[f] + w.out_edges[f] if t["kind"] == "C") >= 5: continue
            if sum(1 for t in w.in_edges[g] + w.out_edges[g] if t["kind"] == "C") >= 5: continue
            tie = dict(s=a, t=b, slot=-1, kind="C", B=None, trust=0.3, seq=len(w.ties))
            w.ties.append(tie); w.out_edges[a].append(tie); w.in_edges[b].append(tie); stats["formed"] += 1
    # ---- phase 21: capacity
    if R["capacity"]:
        at = opw(w)   # 7.10, 7.108: ã from this phase's a and m
        for k in range(N):
            if not w.alive[k]: continue
            cap = w.L[k] * at[k] * (1.0 - w.dis_reg[w.region[k]] if getattr(w, "dis_reg", None) is not None and ALT.get("sh_undisrupted") != "capacity" else 1.0)   # 7.10, 7.25
            u = max(m1["orders"][k], m1["y"][k]) / cap
            g = 0.02 if (u > 0.95 and m1["profit"][k] > 0) else (-0.02 if u < 0.6 else 0.0)
            w.L[k] = max(0.2 * P["size_min"], w.L[k] * math.exp(g + Rng(seed, "Capacity", k, tick).normal(0, 0.01)))
    # ---- phase 21b: credit (no exit in month 1 expected)
    w.loan = getattr(w, "loan", np.zeros(N))
    w.interest = 0.0
    for k in range(N):
        if not w.alive[k]: continue
        if w.loan[k] > 0:
            it = w.loan[k] * 0.0435 / 12; w.cash[k] -= it; w.interest += it
            rp = min(max(min(w.cash[k], w.loan[k] / 12), 0.0), w.loan[k]); w.cash[k] -= rp; w.loan[k] -= rp
        if w.cash[k] < 0: w.loan[k] += -w.cash[k]; w.cash[k] = 0.0
    w.stats = stats
    return w

def remove_tie(w, tie):
    w.out_edges[tie["s"]].remove(tie); w.in_edges[tie["t"]].remove(tie); w.ties.remove(tie)

def worst(w, c, slot):
    best = None; lcw = -1
    for t in w.in_edges[c]:
        if t["kind"] == "S" and t["slot"] == slot:
            lc = w.lc_tie(t, w.flow.get((t["s"], w.region[c]), 0.0))
            if lc > lcw: lcw = lc; best = t
    return best, lcw

def entry(w, tick=1):
    P = w.P; seed = w.seed; N0 = len(w.L)
    F = P["frontier_initial"] * 1.02 ** (tick / 12)
    cap = w.L * opw(w)
    # type mean productivity (phase 9 values: capacity-weighted, with this month's pre-learning a) GUESS
    abar = np.ones(w.T)
    a_phase9 = getattr(w, "a_phase9", w.a); cap9 = w.L_phase9 * a_phase9 if hasattr(w, "L_phase9") else cap
    for t in range(w.T):
        sel = (w.typ[:N0] == t) & w.alive[:N0]
        if cap9[sel].sum() > 0: abar[t] = (cap9[sel] * a_phase9[sel]).sum() / cap9[sel].sum()
    R = len(w.regions); meanlab = w.lab.mean()
    new = []
    for t in range(w.T):
        Nt = sum(1 for k in w.by_type[t] if w.alive[k])
        lam = 0.004 * max(1, Nt) * max(0.0, 1 + 5.0 * w.type_margin[t])
        n = Rng(seed, "Entry", t, tick).poisson(lam)
        i, s = w.type_of[t]
        for k in range(n):
            rg = Rng(seed, "EntryLocation", (t << 24) | k, tick)
            L = rg.bounded_pareto(P["size_exponent"], P["size_min"], 50.0)
            cnt = np.array([sum(1 for j in range(len(w.L)) if w.alive[j] and w.region[j] == r and w.ind[j] == i) for r in range(R)], dtype=float)
            wts = 1 + cnt; u = rg.uniform() * wts.sum(); c = 0; o = R - 1
            for r in range(R):
                c += wts[r]
                if u < c: o = r; break
            K = P["initial_cash_months"] * (w.lab[o] + w.land[o]) * L
            best = None; bu = -np.inf
            for r in range(R):
                bar = w.regions[r].get("relocation_barrier", 2e6)
                if not (r == o or bar < K): continue
                V = (1.0 * math.log(0.001 + w.endow[r, i]) + 1.0 * math.log(1 + cnt[r])) - 1.0 * w.lab[r] / meanlab - (1.0 * bar / K if r != o else 0.0)
                U = V + rg.gumbel()
                if U > bu: bu = U; best = r
            a = min(F, 0.9 * abar[t] * rg.lognormal(0, P["productivity_sd"]))
            bar = w.regions[best].get("relocation_barrier", 2e6)
            new.append(dict(t=t, L=L, region=best, a=a, cash=K - (bar if best != o else 0.0)))
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
        w.out_edges.append([]); w.in_edges.append([])
    # rebuild directory
    w.by_type = {t: [k for k in range(len(w.L)) if w.typ[k] == t and w.alive[k]] for t in range(w.T)}
    w.by_rt = {}
    for k in range(len(w.L)):
        if w.alive[k]: w.by_rt.setdefault((w.region[k], w.typ[k]), []).append(k)
    for k in range(N0, len(w.L)):
        rg = Rng(seed, "Entry", k, tick)
        for slot, (u, pu) in enumerate(w.needs[w.typ[k]]):
            while sum(1 for tie in w.in_edges[k] if tie["slot"] == slot and tie["kind"] == "S") < P["suppliers_per_input"]:
                s = w.search(k, slot, u, rg, flows=True)
                if s is None or not w.add_tie(s, k, slot): break
    return new

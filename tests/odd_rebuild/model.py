#!/usr/bin/python3
import os
SCENARIOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scenarios")
import os
ALT_NOPOOL_ORDERS = os.environ.get("ODD_REBUILD_NOPOOL") == "1"
"""Reimplementation of vicsim initialisation (ODD §5, 7.1, 7.2, 7.4, 7.5) for traditional.json."""
import json, math, copy
import numpy as np
from rng import Rng
import layer

DEFAULTS = dict(
    count=2000, size_min=5.0, size_max=5000.0, size_exponent=0.7, productivity_sd=0.2,
    endowment_productivity=0.4, location_endowment_power=2.0, chain_master_share=0.01,
    initial_cash_months=6.0, initial_utilisation=0.85, markup=0.15, price_elasticity=4.0,
    reputation_weight=0.5, frontier_initial=1.5, on_time_mean=0.85, defect_mean=0.05,
    reliability_sd=0.6, info_maturity_gain=0.34, suppliers_per_input=2, local_candidates=8,
    remote_candidates=2, referral_candidates=6, choice_sensitivity=8.0, preferential_exponent=1.08,
    transaction_cost_base=0.05, distance_scale_km=500.0, production_days=10.0, transport_km_per_day=400.0,
    approval_hours=26.5, response_hours=24.0, quote_rounds=1.0, load_value_yuan=150000.0, max_hold_days=7.0,
    lead_time_cost_per_day=0.003, prior_observations=2.0, inspection_cost=0.02, evidence_half=6.0,
    risk_aversion=0.3, screening_cost=300.0, late_days=10.0, rework_cost_share=1.0, referral_weight=0.5,
    latency_max_ms=60.0, latency_min_ms=5.0, bandwidth_min_mbps=50.0, bandwidth_max_mbps=10000.0,
    order_bytes=2000.0, infrastructure_enabled=True, trade_enabled=True,
    maturity_productivity_gain=0.223,   # 7.108 g, mechanisms.adoption.maturity_productivity_gain
)

def opw(w):
    """7.108: output per worker ã_i = a_i · (1 + g · m_i) from the current maturity m_i (no copy is stored).
    Every reader of capacity (L · ã · (1 − disruption)) and the unit cost use it; the knowledge stock a stays."""
    return w.a * (1 + w.P.get("maturity_productivity_gain", 0.223) * w.m)

def opw_k(w, k):
    """7.108: one firm's ã_k (the same expression as opw, for scalar readers)."""
    return w.a[k] * (1 + w.P.get("maturity_productivity_gain", 0.223) * w.m[k])

def logit(p): return math.log(p / (1 - p))
def logistic(z): return 1.0 / (1.0 + math.exp(-z))
def clamp(p): return min(1 - 1e-6, max(1e-6, p))

class World:
    def __init__(self, scen, seed, P):
        self.seed = seed; self.P = P
        self.regions = scen["regions"]; self.industries = scen["industries"]
        R = len(self.regions)
        ind_names = [i["name"] for i in self.industries]
        self.endow = np.full((R, len(ind_names)), 0.5)
        for r, reg in enumerate(self.regions):
            for k, v in reg.get("endowment", {}).items():
                self.endow[r, ind_names.index(k)] = v
        self.lab = np.array([r.get("labour_cost", 6000.0) for r in self.regions])
        self.land = np.array([r.get("land_cost", 300.0) for r in self.regions])
        self.infra = np.array([r.get("infrastructure", 0.3) for r in self.regions])
        xy = np.array([[r.get("x_km", 0.0), r.get("y_km", 0.0)] for r in self.regions])
        self.dist = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        for r, reg in enumerate(self.regions):
            self.dist[r, r] = reg.get("internal_km", 30.0)
        # types
        self.type_offset = []; self.type_of = []  # (industry, stage)
        off = 0
        for i, ind in enumerate(self.industries):
            self.type_offset.append(off)
            st = ind.get("stages", ["materials", "components", "assembly", "distribution"])
            for s in range(len(st)):
                self.type_of.append((i, s))
            off += len(st)
        T = off; self.T = T
        self.final_type = [self.type_offset[i] + len(ind.get("stages", [0] * 4)) - 1 for i, ind in enumerate(self.industries)]
        self.needs = [[] for _ in range(T)]
        for t, (i, s) in enumerate(self.type_of):
            ind = self.industries[i]; c = ind.get("input_coefficient", 1.0)
            cis = [ci for ci in ind.get("cross_inputs", []) if ind["stages"].index(ci["to_stage"]) == s]
            ssum = sum(ci.get("share", 0.2) for ci in cis)
            if s > 0:
                self.needs[t].append((t - 1, c * (1 - ssum)))
            for ci in cis:
                j = ind_names.index(ci["from_industry"])
                fs = self.industries[j]["stages"].index(ci["from_stage"])
                self.needs[t].append((self.type_offset[j] + fs, c * ci.get("share", 0.2)))
        # customers_first: DFS finishing order over supplier->customer edges
        out = [[] for _ in range(T)]
        for t in range(T):
            for (u, pu) in self.needs[t]:
                out[u].append(t)
        self.buyers_of = out
        self.buyers_list = [[(t, sl) for t in range(T) for sl, (uu, pp) in enumerate(self.needs[t]) if uu == u] for u in range(T)]
        seen = [False] * T; order = []
        def dfs(v):
            seen[v] = True
            for w in out[v]:
                if not seen[w]: dfs(w)
            order.append(v)
        for v in range(T):
            if not seen[v]: dfs(v)
        self.customers_first = order
        # message time (7.15a e)
        def t_side(I):
            if not P["infrastructure_enabled"]: return 0.0
            return (P["latency_max_ms"] - (P["latency_max_ms"] - P["latency_min_ms"]) * I) / 1000 + \
                P["order_bytes"] / (P["bandwidth_min_mbps"] * (P["bandwidth_max_mbps"] / P["bandwidth_min_mbps"]) ** I * 1e6 / 8)
        self.tside = np.array([t_side(I) for I in self.infra])

    # ---------------- population -----------------
    def populate(self):
        P = self.P; N = P["count"]; seed = self.seed
        L = np.zeros(N)
        for k in range(N):
            L[k] = Rng(seed, "Population", k, 0).bounded_pareto(P["size_exponent"], P["size_min"], P["size_max"])
        self.L = L
        # type balancing
        T = self.T; x = np.zeros(T)
        dw = np.array([ind.get("demand_weight", 1.0) for ind in self.industries])
        for i, ft in enumerate(self.final_type): x[ft] = dw[i] / dw.sum()
        for t in self.customers_first:
            for (u, pu) in self.needs[t]:
                x[u] += x[t] * pu
        self.x_req = x
        E = L.sum(); target = E * x / x.sum()
        assigned = np.zeros(T); typ = np.zeros(N, dtype=int)
        order = sorted(range(N), key=lambda k: -L[k])  # stable
        for k in order:
            best = 0; bg = -np.inf
            for t in range(T):
                g = target[t] - assigned[t]
                if g > bg: bg = g; best = t
            typ[k] = best; assigned[best] += L[k]   # GUESS G3
        self.typ = typ
        self.ind = np.array([self.type_of[t][0] for t in typ]); self.stage = np.array([self.type_of[t][1] for t in typ])
        R = len(self.regions)
        region = np.zeros(N, dtype=int); a = np.zeros(N); m = np.zeros(N); pi = np.zeros(N); dl = np.zeros(N)
        for k in range(N):
            rg = Rng(seed, "Population", k, 1)
            i = self.ind[k]
            w = self.endow[:, i] ** P["location_endowment_power"] + 1e-9
            u = rg.uniform() * w.sum(); c = 0.0; r_sel = R - 1
            for r in range(R):
                c += w[r]
                if u < c: r_sel = r; break
            region[k] = r_sel
            a[k] = min(P["frontier_initial"], rg.lognormal(0.0, P["productivity_sd"]) *
                       (1 + P["endowment_productivity"] * (self.endow[r_sel, i] - 0.5)))
            m[k] = rg.uniform() * 0.2
            rr = Rng(seed, "Reliability", k + (1 << 40), 0)
            n1 = rr.normal(); n2 = rr.normal()
            pi[k] = clamp(logistic(logit(P["on_time_mean"]) + P["info_maturity_gain"] * m[k] + P["reliability_sd"] * n1))
            dl[k] = clamp(logistic(logit(P["defect_mean"]) - P["info_maturity_gain"] * m[k] + P["reliability_sd"] * n2))
        self.region = region; self.a = a; self.m = m; self.pi = pi; self.delta = dl
        self.cash = P["initial_cash_months"] * (self.lab[region] + self.land[region]) * L
        # chain masters
        cm = np.zeros(N, dtype=int)
        for i, ft in enumerate(self.final_type):
            fs = [k for k in range(N) if typ[k] == ft]
            fs.sort(key=lambda k: -L[k])
            if fs:
                n = max(1, int(math.floor(P["chain_master_share"] * len(fs) + 0.5)))
                for k in fs[:n]: cm[k] = 1
        self.finish_population(cm, L, a, typ)

    def finish_population(self, cm, L, a, typ):
        """Step 4's reputations, then the initial prices (7.1: types from suppliers to customers) and demand."""
        N = len(L); T = self.T; P = self.P
        self.cm = cm; self.rep = np.where(cm == 1, 0.8, 0.5)
        self.overhead = np.ones(N)
        self.alive = np.ones(N, dtype=bool)
        # prices
        self.mean_price = np.zeros(T); self.iuc = np.zeros(N); self.price = np.zeros(N); self.unit_cost = np.zeros(N)
        for t in reversed(self.customers_first):
            ks = np.where(typ == t)[0]
            self.iuc[ks] = sum(pu * self.mean_price[u] for (u, pu) in self.needs[t])
            self.set_prices()
        cap = L * opw(self)   # D_i(0) from capacity L · ã (7.2, 7.108)
        self.D = np.array([P["initial_utilisation"] * cap[typ == ft].sum() for ft in self.final_type])
        self.search_cost = np.zeros(N)

    def set_prices(self):
        P = self.P; ub = P["initial_utilisation"]
        lab = self.lab[self.region]; land = self.land[self.region]
        self.unit_cost = ((lab + land * self.overhead) / (opw(self) * ub) + self.iuc) * (1 + self.delta)
        self.price = (1 + P["markup"]) * self.unit_cost
        cap = self.L * opw(self) * self.alive
        tot = (cap * self.price).sum() / cap.sum()
        for t in range(self.T):
            sel = self.typ == t
            cs = cap[sel].sum()
            self.mean_price[t] = (cap[sel] * self.price[sel]).sum() / cs if cs > 0 else tot

    # ---------------- beliefs & landed cost (7.4) ---------------
    def prior(self):
        n0 = self.P["prior_observations"]; om = self.P["on_time_mean"]; dm = self.P["defect_mean"]
        return [om * n0, (1 - om) * n0, dm * n0, (1 - dm) * n0]

    def info_cost(self, B):
        P = self.P; n0 = P["prior_observations"]; h = P["evidence_half"]
        a_on, b_on, a_d, b_d = B; e = a_on + b_on - n0
        def var(a, b): return a * b / ((a + b) ** 2 * (a + b + 1))
        Eon = a_on / (a_on + b_on); Ed = a_d / (a_d + b_d)
        insp = P["inspection_cost"] * h / (h + e)
        risk = P["risk_aversion"] * (var(a_on, b_on) + var(a_d, b_d))
        defects = Ed * P["rework_cost_share"]
        late = (1 - Eon) * P["late_days"] * P["lead_time_cost_per_day"]
        return insp + risk + defects + late, insp, e

    def handling_days(self, B, ra, rb, ch=-1):
        P = self.P; h = P["evidence_half"]; e = B[0] + B[1] - P["prior_observations"]
        rounds = 1 + P["quote_rounds"] * h / (h + e)
        tmsg = layer.t_msg(self, ra, rb, ch) if P["infrastructure_enabled"] else 0.0   # 7.83 (layer.py)
        return (P["approval_hours"] + rounds * P["response_hours"]) / 24 + rounds * 2 * tmsg / 86400

    # ---- platform information (7.19, 7.31) ----
    def rating_w(self, pi):
        if pi < 0 or not getattr(self, "plats", None): return 0.0
        p = self.plats[pi]
        return layer.rating_factor(self, pi) if (p["alive"] and p["sv"]["matchmaking"]) else 0.0
    def rated(self, B, pi, s):
        wp = self.rating_w(pi)
        if wp == 0.0: return B
        r = self.rec[s]
        return [B[0] + wp * r[0], B[1] + wp * r[1], B[2] + wp * r[3], B[3] + wp * r[2]]
    def rated_avg(self, pi):
        pr = self.prior(); wp = self.rating_w(pi); r = self.member_rec
        return [pr[0] + wp * r[0], pr[1] + wp * r[1], pr[2] + wp * r[3], pr[3] + wp * r[2]]
    def tie_belief(self, tie):
        return self.rated(tie["B"], tie.get("ch", -1), tie["s"])
    def tie_fee(self, tie):
        ch = tie.get("ch", -1)
        if ch < 0 or not tie.get("brokered") or not self.plats[ch]["alive"]: return 0.0
        return self.plats[ch]["fee"]
    def lc_tie(self, tie, flow, last=False):
        return self.landed_cost(tie["s"], tie["t"], self.tie_belief(tie), flow, self.tie_fee(tie), ch=tie.get("ch", -1), last=last)
    def shared_plats(self, s, b):
        """7.19 tie_terms candidates: shared alive platforms, else b's alive platforms whose reach holds one of s's."""
        if not getattr(self, "plats", None): return []
        sh = int(self.pmask[s]) & int(self.pmask[b])
        c = [pi for pi, p in enumerate(self.plats) if p["alive"] and (sh >> pi) & 1]
        if c: return c
        sa = int(self.pmask[s]) & self.alive_bits()
        return [pi for pi, p in enumerate(self.plats) if p["alive"] and (int(self.pmask[b]) >> pi) & 1 and (self.reach_bits[pi] & sa)]
    def supply_terms(self, s, b, Bref, flow):
        """7.19 supply_tie_terms for a new tie: (channel, belief used, fee)."""
        cands = self.shared_plats(s, b)
        if not cands: return -1, Bref, 0.0
        best = None; bl = None
        for pi in cands:
            lc = self.landed_cost(s, b, self.rated(Bref, pi, s), flow, self.plats[pi]["fee"], price=1.0, ch=pi)
            if bl is None or lc < bl: bl = lc; best = pi
        lc_off = self.landed_cost(s, b, Bref, flow, 0.0, price=1.0)
        if lc_off >= (1 - 0.05) * bl: return best, self.rated(Bref, best, s), self.plats[best]["fee"]
        return -1, Bref, 0.0

    def ship(self, s, f, ch, flow, last=False):
        """7.60 tie_shipping: (wait days, logistics fee rate)."""
        Q = self.P["load_value_yuan"]; Th = self.P["max_hold_days"]
        Wf = lambda F: 0.5 * Th if F <= 0 else 0.5 * min(Q / F, Th)
        Wown = Wf(flow)
        if ch is not None and ch >= 0 and getattr(self, "plats", None):
            p = self.plats[ch]
            if p["alive"] and p["sv"]["logistics"]:
                # orders run before this month's update_logistics_lanes, so self.pools is still last month's there
                pf = ({} if (last and ALT_NOPOOL_ORDERS) else self.pools).get((ch, self.region[s], self.region[f]), 0.0)
                if pf > 0:
                    a = layer.avail(self, ch)   # 7.60: W_pooled = a_p W(F_pool) + (1 - a_p) W(F_own)
                    Wp = Wf(pf) if a == 1.0 else a * Wf(pf) + (1 - a) * Wown
                    if 0.003 * (Wown - Wp) > 0.005: return Wp, 0.005
        return Wown, 0.0

    def landed_cost(self, s, f, B, flow=0.0, fee=0.0, price=None, ch=-1, last=False):
        P = self.P; d = self.dist[self.region[s], self.region[f]]
        tauH = P["transaction_cost_base"] * (1 + d / P["distance_scale_km"])
        tinfo, insp, e = self.info_cost(B)
        W, lf = self.ship(s, f, ch, flow, last); fee = fee + lf
        pdays = P["production_days"] * (1 - 0.27 * self.u_ip[s]) if getattr(self, "u_ip", None) is not None else P["production_days"]
        LT = pdays + d / P["transport_km_per_day"] + self.handling_days(B, self.region[s], self.region[f], ch) + W
        return (self.price[s] if price is None else price) * (1 + tauH + tinfo + fee + P["lead_time_cost_per_day"] * LT)

    # ---------------- network -----------------
    def init_network(self):
        N = len(self.L)
        self.out_edges = [[] for _ in range(N)]  # list of tie dicts (supplier side)
        self.in_edges = [[] for _ in range(N)]
        self.ties = []
        self.by_type = {t: [k for k in range(N) if self.typ[k] == t] for t in range(self.T)}
        self.by_rt = {}
        for k in range(N):
            self.by_rt.setdefault((self.region[k], self.typ[k]), []).append(k)
        self.nsearch_empty = 0
        if not self.P["trade_enabled"]: return
        for f in range(N):
            rg = Rng(self.seed, "InitialTies", f, 0)
            for slot, (u, pu) in enumerate(self.needs[self.typ[f]]):
                while sum(1 for tie in self.in_edges[f] if tie["slot"] == slot and tie["kind"] == "S") < self.P["suppliers_per_input"]:
                    s = self.search(f, slot, u, rg)
                    if s is None:
                        self.nsearch_empty += 1; break
                    if not self.add_tie(s, f, slot): break

    def referral_belief(self, f, s):
        B = self.prior(); pr = self.prior(); w = self.P["referral_weight"]
        partners = []
        for tie in self.out_edges[f]: partners.append(tie["t"])
        for tie in self.in_edges[f]: partners.append(tie["s"])
        seenp = set()
        for p in partners:
            if p in seenp: continue
            seenp.add(p)
            for tie in self.in_edges[p]:
                if tie["kind"] == "S" and tie["s"] == s:
                    for j in range(4): B[j] += w * (tie["B"][j] - pr[j])
                    break
        return B

    def search(self, f, slot, u, rg, flows=False):
        P = self.P; cands = []
        loc = self.by_rt.get((self.region[f], u), [])
        if loc:
            for _ in range(P["local_candidates"]): cands.append(loc[rg.below(len(loc))])
        allu = self.by_type[u]
        if allu:
            for _ in range(P["remote_candidates"]): cands.append(allu[rg.below(len(allu))])
        if getattr(self, "plats", None): cands += self.mm_candidates(f, u, rg)
        partners = [t["t"] for t in self.out_edges[f]] + [t["s"] for t in self.in_edges[f]]
        nref = 0
        for p in partners:
            if nref >= P["referral_candidates"]: break
            for tie in self.in_edges[p]:
                if nref >= P["referral_candidates"]: break
                if tie["kind"] == "S" and self.typ[tie["s"]] == u:
                    cands.append(tie["s"]); nref += 1
        cur = {t["s"] for t in self.in_edges[f] if t["kind"] == "S"}
        cands = sorted(set(c for c in cands if c != f and self.alive[c] and c not in cur))
        if not cands: return None
        best = None; bu = -np.inf; pbar = self.mean_price[u]
        for s in cands:
            B = self.referral_belief(f, s); fl = self.flow.get((s, self.region[f]), 0.0) if flows else 0.0
            ch, B, fee = self.supply_terms(s, f, B, fl)
            lc = self.landed_cost(s, f, B, fl, fee, ch=ch)
            _, _, e = self.info_cost(B)
            self.search_cost[f] += P["screening_cost"] * P["evidence_half"] / (P["evidence_half"] + e)
            k = len(self.out_edges[s])
            U = -P["choice_sensitivity"] * lc / pbar + P["preferential_exponent"] * math.log(1 + k) + rg.gumbel()
            if U > bu: bu = U; best = s
        return best

    def mm_candidates(self, f, u, rg):
        """7.18 matchmaking: members only, n = floor(8 a_mm + 0.5) kept of at most 4n draws."""
        if self.pmask[f] == 0 or self.acc_mm[f] <= 0: return []
        n = int(math.floor(8 * self.acc_mm[f] + 0.5))
        lst = self.members_of_type.get(u, [])
        if n <= 0 or not lst: return []
        reach = self.reach_of(f); out = []; d = 0
        while len(out) < n and d < 4 * n:
            j = lst[rg.below(len(lst))]; d += 1
            if int(self.pmask[j]) & reach: out.append(j)
        return out
    def alive_bits(self):
        r = 0
        for pi, p in enumerate(self.plats):
            if p["alive"]: r |= (1 << pi)
        return r
    def reach_of(self, f):
        r = 0
        for pi, p in enumerate(self.plats):
            if p["alive"] and (int(self.pmask[f]) >> pi) & 1: r |= self.reach_bits[pi]
        return r

    def add_tie(self, s, f, slot):
        if s == f or not self.alive[s]: return False
        if any(t["s"] == s and t["kind"] == "S" for t in self.in_edges[f]): return False
        tie = dict(s=s, t=f, slot=slot, kind="S", B=self.referral_belief(f, s), seq=len(self.ties))
        if getattr(self, "plats", None):
            ch, _, _ = self.supply_terms(s, f, tie["B"], self.flow.get((s, self.region[f]), 0.0))
            tie["ch"] = ch; tie["brokered"] = ch >= 0
        self.ties.append(tie); self.out_edges[s].append(tie); self.in_edges[f].append(tie)
        return True

def load(path, overrides):
    scen = json.load(open(path))
    P = dict(DEFAULTS)
    P.update(scen.get("mechanisms", {}).get("population", {}))
    ad = scen.get("mechanisms", {}).get("adoption", {})
    if "maturity_productivity_gain" in ad: P["maturity_productivity_gain"] = ad["maturity_productivity_gain"]
    P.update(overrides)
    return scen, P

if __name__ == "__main__":
    import sys, time
    scen, P = load(os.path.join(SCENARIOS, "traditional.json"), {"count": int(sys.argv[2]) if len(sys.argv) > 2 else 2000})
    w = World(scen, int(sys.argv[1]) if len(sys.argv) > 1 else 20240901, P)
    t0 = time.time(); w.populate(); print("populate", time.time() - t0)
    print("customers_first", w.customers_first)
    print("needs", w.needs)
    t0 = time.time(); w.init_network(); print("network", time.time() - t0, len(w.ties), w.nsearch_empty)
    print(w.L[:10]); print(w.mean_price)

#!/usr/bin/python3
"""Endogenous platform founding (ODD 7.50, 7.76, 7.88, 7.93) and what it needs elsewhere: founded platforms'
admission (7.51 partners_only, 7.93 related industries), launch capital (7.50, 7.28), the lender for platforms
(7.28 phase 21b) and platform failure (7.21). Written from the text alone (records/founding/GUESSES.md).

Everything hooks in by wrapping functions of plat.py and psim.py (`install()`), so those modules stay untouched
apart from one line in psim (households' equity of a launch)."""
import math, os
import numpy as np
from rng import Rng
from rest import rel
import plat
import layer, psim

HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "..", "..", "scenarios")
ALT = psim.ALT

FD = dict(max_founded=12, first_tick=6, launch_cost=3.0e7, horizon=60, disc=0.08, mediated=0.5, join_share=0.5,
          rival_weight=1.0, decision_rate=0.1, fee=0.03, entry_fee=2000.0, compute_per_firm=0.5, regional_min=150,
          services=dict(matchmaking=True, dispatch=True, forecasting=True, knowledge=True, finance=True, logistics=True))
LEVEL_SV = {"enterprise": ("dispatch", "forecasting"), "industry": ("matchmaking", "dispatch", "knowledge"),
            "regional": ("matchmaking", "finance", "logistics")}
LOG = []          # (tick, kind, key, name, value, hurdle, drawn)
LOGX = []         # the same at full precision


def slot():
    sv = {s: False for s in plat.SERV}
    return dict(name="", level="", owner="independent", owner_ind=-1, host=0, industry=-1, home=-1,
                open_regions=True, open_industries=True, min_mat=0.0, launch=-1, entry_fee=FD["entry_fee"],
                fee=FD["fee"], compute=1.0, uplink=plat.EC["uplink"], sv=sv, alive=False, failed=False, cash=0.0,
                loan=0.0, revenue=0.0, cost=0.0, owner_firm=-1, loss=0, members=0, gmv=0.0, Q=[1.0, 1.0, 1.0],
                last_action=1, qprofit=0.0, asp=None, launched_tick=None, app_stock=0.0, parent=-1, D=0.0,
                used=False, founded=True, related=0, partners_only=False, equity_in=0.0, hh_equity=0.0,
                founded_tick=None, exit_tick=None, losses=0.0)


# ---------------------------------------------------------------- admission (7.50, 7.51, 7.93)
def is_partner(w, k, o):
    if k == o: return True
    return any(x["t"] == o for x in w.out_edges[k]) or any(x["s"] == o for x in w.in_edges[k])


def admits_industry(p, i):
    if p["open_industries"] or p["industry"] < 0: return True
    return i == p["industry"] or bool((p["related"] >> i) & 1)


def admits_rules(w, k, p):
    """region and industry rules only (7.50 rivals)."""
    if not p["open_regions"]:
        reg = p["home"] if p["home"] >= 0 else p["host"]
        if w.region[k] != reg: return False
    return admits_industry(p, w.ind[k])


_orig_eligible = plat.eligible


def eligible(w, k, pi):
    p = w.plats[pi]
    if not p.get("founded"): return _orig_eligible(w, k, pi)
    if not p["alive"] or p["level"] == "middle": return False
    if not admits_rules(w, k, p): return False
    if p["partners_only"] and not is_partner(w, k, p["owner_firm"]): return False
    return w.m[k] >= p["min_mat"]


# ---------------------------------------------------------------- the founder's case (7.50, 7.76, 7.88)
def bass(tau, p=0.08, q=1.2):
    e = math.exp(-(p + q) * tau)
    return (1 - e) / (1 + (q / p) * e)


def m1v(w, key, k):
    a = w.m1[key]
    return a[k] if k < len(a) else 0.0


COFUND = []       # untargeted platform_cultivation policies (7.77), loaded by load_policies


def load_policies(path):
    import json
    regs = None
    COFUND.clear()
    for q in json.load(open(path)).get("policies", []):
        if q.get("instrument") == "platform_cultivation" and not q.get("platform"):
            COFUND.append(dict(q, spent=0.0))


def cofund_policy(w, t, host, industry):
    """the first active untargeted cultivation policy with budget left covering host region and industry."""
    regs = [r["name"] for r in w.regions]; inds = [i["name"] for i in w.industries]
    for q in COFUND:
        if not (q.get("start", 12) <= t <= q.get("end", 120)): continue
        if q.get("budget", 1e8) - q["spent"] <= 0: continue
        if q.get("regions") and regs[host] not in q["regions"]: continue
        if q.get("industry") and (industry < 0 or inds[industry] != q["industry"]): continue
        return q
    return None


def cofund_share(w, t, host, industry):
    q = cofund_policy(w, t, host, industry)
    if q is None or FD["launch_cost"] <= 0: return 0.0
    return min(q.get("platform_subsidy_share", 0.5) * FD["launch_cost"], q.get("budget", 1e8) - q["spent"]) / FD["launch_cost"]


def case(w, S, founder_cm, founder, level, region=-1, scope_inds=(), cof=0.0):
    """value, hurdle of the case over firm list S."""
    if not S: return None
    P = plat.EC; AD = plat.AD
    alive_pl = [p for p in w.plats if p["alive"]]
    cnt = 0
    for k in S:
        for p in alive_pl:
            if p["level"] == "middle" or p["partners_only"]: continue
            if admits_rules(w, k, p): cnt += 1; break
    rivals = cnt / len(S)
    same = 0
    for p in alive_pl:
        if p["level"] != level: continue
        if level == "regional":
            b = p["home"] if p["home"] >= 0 else (p["host"] if not p["open_regions"] else -1)
            if b == region: same += 1
        elif level == "industry":
            i0 = scope_inds[0]
            if admits_industry(p, i0) or (p["industry"] >= 0 and p["industry"] in scope_inds): same += 1
        else:
            if p["owner_firm"] == founder: same += 1
    rivals += same
    share = FD["join_share"] / (1 + FD["rival_weight"] * rivals)
    rho = []; ic = []
    for k in S:
        VA = m1v(w, "revenue", k) - m1v(w, "cost", k)
        r_ = 1.0 if w.on_cloud[k] else plat.readiness(w, k, VA)
        if founder_cm and founder >= 0 and k != founder and is_partner(w, k, founder): r_ *= AD["owner_pull"]
        rho.append(r_); ic.append(m1v(w, "cost", k))
    r = (1 + FD["disc"]) ** (1 / 12) - 1
    H = FD["horizon"]
    compute = max(1.0, FD["compute_per_firm"] * len(S))
    fixed = P["fixed_cost"] + P["cost_per_gflops"] * compute + P["cost_per_gbps"] * P["uplink"]
    value = 0.0; Np_prev = 0.0
    for t in range(1, H + 1):
        N = 0.0; rev = 0.0
        for k, rk, ck in zip(S, rho, ic):
            if founder_cm and k == founder: N += 1.0; continue
            a = share * bass(rk * t / 12)
            N += a; rev += a * ck
        Np = N - (1.0 if founder_cm and founder in S else 0.0)
        revenue = FD["fee"] * FD["mediated"] * rev + FD["entry_fee"] * (Np - Np_prev)
        Np_prev = Np
        cost = fixed + P["cost_per_member"] * N
        value += (revenue - cost) / (1 + r) ** t
    hurdle = FD["launch_cost"] * (1 - cof) + P["initial_cash"] * (1 - (1 + r) ** (-H))
    return value, hurdle


# ---------------------------------------------------------------- founding (phase 4b)
def runs_level(w, founder, level):
    return any(p["alive"] and p["owner_firm"] == founder and p["level"] == level and p["owner"] == "chain_master"
               for p in w.plats)


def free_slot(w):
    for pi, p in enumerate(w.plats):
        if p.get("founded") and not p["used"]: return pi
    return -1


def unique_name(w, base):
    names = {p["name"] for p in w.plats if p["used"] or not p.get("founded")}
    if base not in names: return base
    n = 2
    while f"{base} {n}" in names: n += 1
    return f"{base} {n}"


def launch(w, t, level, founder_cm, founder, S, host, industry=-1, related=0, region=-1, name=""):
    pi = free_slot(w); p = w.plats[pi]
    p.update(used=True, alive=True, level=level, owner="chain_master" if founder_cm else "independent",
             owner_firm=founder if founder_cm else -1, host=host, industry=industry, related=related,
             open_industries=level != "industry", open_regions=level != "regional", home=region if level == "regional" else -1,
             partners_only=level == "enterprise", fee=FD["fee"], entry_fee=FD["entry_fee"],
             compute=max(1.0, FD["compute_per_firm"] * len(S)), uplink=plat.EC["uplink"], launched_tick=t,
             founded_tick=t, name=unique_name(w, name))
    for s in plat.SERV: p["sv"][s] = s in LEVEL_SV[level] and FD["services"].get(s, False)
    K = FD["launch_cost"] + plat.EC["initial_cash"]; G = 0.0
    q = cofund_policy(w, t, host, industry if level == "industry" else -1)
    if q is not None:
        G = min(q.get("platform_subsidy_share", 0.5) * FD["launch_cost"], q.get("budget", 1e8) - q["spent"])
        q["spent"] += G
    if founder_cm:
        E = min(K - G, 0.5 * max(0.0, w.cash[founder])); w.cash[founder] -= E; p["hh_equity"] = 0.0
    else:
        E = K - G; p["hh_equity"] = E
    L = K - G - E
    p["cash"] = K - FD["launch_cost"]; p["loan"] = L; p["equity_in"] = E
    w.invest_month = getattr(w, "invest_month", 0.0) + FD["launch_cost"]
    if founder_cm and w.alive[founder]: plat.join(w, founder, pi, t)
    return pi


def found(w, t):
    if t < FD["first_tick"]: return
    N = len(w.L); seed = w.seed; R = len(w.regions); I = len(w.industries)
    alive = [k for k in range(N) if w.alive[k]]

    def try_found(key, v):
        if v is None: return False
        value, hurdle = v
        ok = value > hurdle and Rng(seed, "Founding", key, t).bernoulli(FD["decision_rate"])
        LOG.append((t, key, round(value), round(hurdle), ok)); LOGX.append((t, key, value, hurdle, ok))
        return ok

    def surfaces():
        for r in range(R):
            if free_slot(w) < 0: return
            S = [k for k in alive if w.region[k] == r]
            if len(S) < FD["regional_min"]: continue
            if try_found(r if r < 1000 else (r | (1 << 40)), case(w, S, False, -1, "regional", region=r,
                                                                   cof=cofund_share(w, t, r, -1))):
                launch(w, t, "regional", False, -1, S, r, region=r, name=f"{w.regions[r]['name']} surface (founded)")

    def lines():
        for i in range(I):
            if free_slot(w) < 0: return
            founder = -1
            for k in alive:
                if w.cm[k] and w.ind[k] == i and (founder < 0 or w.L[k] > w.L[founder]): founder = k
            fcm = founder >= 0
            if fcm and runs_level(w, founder, "industry"): continue

            def line_host(S):
                if fcm: return int(w.region[founder])
                c = np.zeros(R)
                for k in S: c[w.region[k]] += 1
                return int(np.argmax(c))
            others = sorted([j for j in range(I) if j != i and rel(w, i, j) > 0 and j < 32], key=lambda j: -rel(w, i, j))
            best = None
            for n in range(len(others) + 1):   # nested scopes, the narrower kept on a tie (7.93)
                scope = [i] + others[:n]
                S = [k for k in alive if w.ind[k] in scope]
                v = case(w, S, fcm, founder, "industry", scope_inds=scope, cof=cofund_share(w, t, line_host(S), i))
                if v is None: continue
                if best is None or v[0] - v[1] > best[0][0] - best[0][1]: best = (v, scope, S)
            if best is None: continue
            v, scope, S = best
            if try_found(1000 + i, v):
                host = line_host(S)
                rb = 0
                for j in scope[1:]: rb |= 1 << j
                launch(w, t, "industry", fcm, founder, S, host, industry=i, related=rb,
                       name=f"{w.industries[i]['name']} line (founded)")

    def points():
        for f in alive:
            if not w.cm[f] or not w.alive[f]: continue
            if free_slot(w) < 0: return
            if runs_level(w, f, "enterprise"): continue
            S = [k for k in range(N) if w.alive[k] and is_partner(w, k, f)]
            if try_found(100000 + f, case(w, S, True, f, "enterprise", cof=cofund_share(w, t, int(w.region[f]), -1))):
                launch(w, t, "enterprise", True, f, S, w.region[f], name=f"chain-master {f} point (founded)")

    # ODD_REBUILD_ALT=found_order=lsp: lines, surfaces, points (G-F4's other reading)
    for step in ((lines, surfaces, points) if ALT.get("found_order") == "lsp" else (surfaces, lines, points)):
        step()


# ---------------------------------------------------------------- hooks
_orig_roster = plat.roster


def roster(w, t, launch=True):
    if launch:
        plat.open_month(w)
        w.invest_month = 0.0
        found(w, t)
    _orig_roster(w, t, launch=False)


_orig_setup = plat.setup


def setup(w, path=None):
    _orig_setup(w, os.path.join(SCEN, "platform_emergent.json"))
    w.plats += [slot() for _ in range(FD["max_founded"])]
    w.reach_bits = [1 << i for i in range(len(w.plats))]


def fail_platform(w, pi, p, t):
    """7.21 Failure, called by plat.settle_platforms after fee learning: True if platform pi fails this month."""
    EC = plat.EC
    if p["loss"] < EC["fail_months"]: return False
    wo = p["loan"] + max(0.0, -p["cash"])
    p["losses"] = p.get("equity_in", EC["initial_cash"]) - max(0.0, p["cash"]) + wo
    w.plat_liq = getattr(w, "plat_liq", 0.0) + max(0.0, p["cash"])
    p["cash"] = 0.0; p["loan"] = 0.0; p["alive"] = False; p["failed"] = True; p["exit_tick"] = t
    for tie in w.ties:
        if tie.get("ch", -1) == pi: tie["ch"] = -1
    # 7.102: in_plant_effect is u_i only while the purchase is valid (platform alive); the next decision
    # resets u_i anyway, so the level is zeroed here
    if ALT.get("found_ip") != "keep":   # ODD_REBUILD_ALT=found_ip=keep: the level acts until the next decision
        sel = w.ip_plat == pi
        w.u_ip[sel] = 0.0; w.ip_plat[sel] = -1
    return True


def after_failure(w, t):
    """After any failure of the month: members lose the failed platforms and their services (7.21)."""
    _orig_roster(w, t, launch=False); plat.access(w)


_orig_exit = psim.exit_and_rewire


def exit_and_rewire(w, t):
    # phase 21b for platforms (7.28): after the firms' credit in rest_of_month, before exit
    r = 0.0435 / 12
    for p in w.plats:
        if not p["alive"]: continue
        if p["loan"] > 0:
            p["cash"] -= p["loan"] * r
            rp = min(max(min(p["cash"], p["loan"] / 12), 0.0), p["loan"]); p["cash"] -= rp; p["loan"] -= rp
        if p["cash"] < 0: p["loan"] += -p["cash"]; p["cash"] = 0.0
    # households' income: a founder's launch cost (investment, 7.21 / 7.50)
    w.income["investment"] = getattr(w, "invest_month", 0.0); w.invest_month = 0.0
    n = _orig_exit(w, t)
    w.liquidation += getattr(w, "plat_liq", 0.0); w.plat_liq = 0.0
    return n


_orig_access = plat.access


def access(w):
    """plat.access plus inherited knowledge (7.51: a point's members use its line's apps at A_l / (A_l + app_half))
    and, with a middle platform, the knowledge pools of other connected platforms (7.52, no app-stock factor)."""
    _orig_access(w)
    if ALT.get("found_inherit") == "off": return
    P = w.plats
    for pi, p in enumerate(P):
        if not p["alive"]: continue
        extra = 0.0
        par = p["parent"]
        if p["level"] == "enterprise" and par >= 0 and P[par]["alive"] and P[par]["sv"]["knowledge"]:
            A = P[par]["app_stock"]; extra = A / (A + 50.0)
            if ALT.get("found_avail") != "1": extra *= min(layer.avail(w, pi), layer.avail(w, par))   # 7.51 min(a_point, a_line); G-A9
        if CONNECTED is not None and CONNECTED(w, pi):
            for qi, q in enumerate(P):   # 7.52: the lower of the two availabilities (1 with the layer off); G-A9
                if CONNECTED(w, qi) and qi != pi and q["alive"] and q["sv"]["knowledge"]:
                    extra = max(extra, 1.0 if ALT.get("found_avail") == "1" else min(layer.avail(w, pi), layer.avail(w, qi)))
        if extra <= 0: continue
        for k in range(len(w.L)):
            if (int(w.pmask[k]) >> pi) & 1 and w.acc_know[k] < extra: w.acc_know[k] = extra


CONNECTED = None     # middle.connected when middle.py is installed


def install(fd=None):
    if fd: FD.update(fd)
    plat.eligible = eligible
    plat.access = access
    plat.roster = roster
    plat.setup = setup
    plat.FAILURE = (fail_platform, after_failure)
    psim.exit_and_rewire = exit_and_rewire

#!/usr/bin/python3
"""Month 1 (warm-up 0) trade and settlement: 7.2, 7.3, 7.4, 7.15a — reimplemented from the ODD."""
import math, numpy as np
from model import World, load
from rng import Rng

M1 = dict(demand_growth_per_year=0.03, forecast_error_sd=0.10, c2m_share=0.3, c2m_error_sd=0.30,
          spot_premium=0.15, spot_extra_days=15.0, import_premium=0.10, imports=True, markdown_cost=0.5,
          holding_cost_per_month=0.02, obsolescence_per_month=0.05, reputation_rate=0.1, lots_per_delivery=4,
          dividend_share=0.9, K_after=True, settle_flow_this_month=True)

def month1(w, Q=M1, tick=1):
    P = w.P; N = len(w.L); seed = w.seed
    g = (1 + Q["demand_growth_per_year"]) ** (1 / 12)
    w.D = w.D * g
    w.set_prices()  # phase 9; same prices as at set-up
    cap = w.L * w.a
    pbar = w.mean_price
    orders = np.zeros(N); final_orders = np.zeros(N); y = np.zeros(N); own = np.zeros(N); spot_sold = np.zeros(N)
    K = np.zeros(N)
    nslots = [len(w.needs[w.typ[k]]) for k in range(N)]
    stock = [np.zeros(n) for n in nslots]
    for t in w.ties: t["units"] = 0.0; t["delivered"] = 0.0
    # allocate final demand (scale s=1, no exports: G5)
    rho = P["reputation_weight"]; eps = P["price_elasticity"]
    for i, ft in enumerate(w.final_type):
        ks = np.where((w.typ == ft) & w.alive)[0]
        wt = cap[ks] * (w.price[ks] / pbar[ft]) ** (-eps) * np.maximum(0, 1 + rho * (w.rep[ks] - 0.5))
        S = 0.0
        for v in wt: S += v
        if S > 0:
            orders[ks] += w.D[i] * wt / S; final_orders[ks] += w.D[i] * wt / S
    spot_untied = np.zeros(w.T)
    untied_slot = {}  # (k,slot) -> True if bought as untied
    sigF = Q["forecast_error_sd"] + Q["c2m_share"] * Q["c2m_error_sd"]
    final_set = set(w.final_type)
    for t in w.customers_first:
        ks = [k for k in w.by_type[t] if w.alive[k]]
        for k in ks:
            if t in final_set:
                e = max(-0.9, Rng(seed, "Forecast", k, tick).normal(0.0, sigF))
                y[k] = min(max(0.0, orders[k] * (1 + e) - K[k]), cap[k])
            else:
                y[k] = min(max(0.0, orders[k] - K[k]), cap[k])
            own[k] = y[k]
        S_t = spot_untied[t] + sum(orders[k] - min(orders[k], cap[k]) for k in ks if t not in final_set)
        spare = sum(max(0.0, cap[k] - y[k]) for k in ks)
        if spare > 0 and S_t > 0:
            f = min(1.0, S_t / spare)
            for k in ks:
                spot_sold[k] = f * max(0.0, cap[k] - y[k]); y[k] += spot_sold[k]
        for k in ks:
            for s, (u, pu) in enumerate(w.needs[t]):
                q = max(0.0, y[k] * pu - stock[k][s])
                ties = [tie for tie in w.in_edges[k] if tie["kind"] == "S" and tie["slot"] == s]
                ws = []
                for tie in ties:
                    j = tie["s"]
                    lc = w.landed_cost(j, k, tie["B"], 0.0)  # last month's lane flow: 0
                    ws.append(cap[j] * (lc / pbar[u]) ** (-eps))
                Sw = sum(ws)
                if ties and Sw > 0:
                    for tie, wv in zip(ties, ws):
                        tie["units"] = q * wv / Sw; orders[tie["s"]] += tie["units"]
                else:
                    spot_untied[u] += q; untied_slot[(k, s)] = True
    # lane flows this month (7.4): yuan/day supplier -> buyer region
    flow = {}
    for tie in w.ties:
        key = (tie["s"], w.region[tie["t"]])
        flow[key] = flow.get(key, 0.0) + tie["units"] * w.price[tie["s"]] / (365 / 12)
    w.flow = flow
    # realise production, supplier types first
    dom = np.zeros(w.T); rhoT = np.zeros(w.T)
    phi = np.ones(N); unsold = np.zeros(N); from_stock = np.zeros(N); scrapped = np.zeros(N)
    spot_value = np.zeros(N); spot_bought = np.zeros(N); spot_units = np.zeros(N); inputs_bought = np.zeros(N)
    imports_units = 0.0; import_value = np.zeros(N)
    got_slot = {}; ypre = y.copy()
    for t in reversed(w.customers_first):
        ks = [k for k in w.by_type[t] if w.alive[k]]
        for k in ks:
            lam = 1.0; rec = []
            for s, (u, pu) in enumerate(w.needs[t]):
                ties = [tie for tie in w.in_edges[k] if tie["kind"] == "S" and tie["slot"] == s]
                deliv = sum(tie["delivered"] for tie in ties)
                if any(tie["units"] > 0 for tie in ties):
                    req = sum(tie["units"] - tie["delivered"] for tie in ties)
                else:
                    req = max(0.0, y[k] * pu - stock[k][s])
                rho_u = 1.0 if Q["imports"] else dom[u]
                got = req * rho_u
                domestic = req * dom[u] if Q["imports"] else got
                imported = got - domestic if Q["imports"] else 0.0
                spot_value[k] += domestic * pbar[u] + imported * pbar[u] * (1 + Q["import_premium"])
                import_value[k] += imported * pbar[u] * (1 + Q["import_premium"])
                imports_units += imported
                spot_bought[k] += got
                if (k, s) in untied_slot: spot_units[k] += got
                got_slot[(k, s)] = got
                received = deliv + got
                rec.append(received)
                need = y[k] * pu
                if need > 0: lam = min(lam, (stock[k][s] + received) / need)
            lam = max(0.0, min(1.0, lam))
            y[k] *= lam; own[k] *= lam; spot_sold[k] *= lam
            for s, (u, pu) in enumerate(w.needs[t]):
                stock[k][s] = max(0.0, stock[k][s] + rec[s] - y[k] * pu)
            inputs_bought[k] = sum(rec)
            from_stock[k] = min(K[k], orders[k])
            sold = from_stock[k] + min(own[k], orders[k] - from_stock[k])
            unsold[k] = own[k] - (sold - from_stock[k])
            c2m = Q["c2m_share"] if t in final_set else 0.0
            Kpre = K[k] - from_stock[k] + unsold[k] - c2m * unsold[k]
            K[k] = (1 - Q["obsolescence_per_month"]) * Kpre
            scrapped[k] = c2m * unsold[k] + Q["obsolescence_per_month"] * Kpre
            phi[k] = min(1.0, sold / orders[k]) if orders[k] > 0 else 1.0
            for tie in w.out_edges[k]:
                if tie["kind"] == "S": tie["delivered"] = tie["units"] * phi[k]
        asked = spot_untied[t] + sum(tie["units"] - tie["delivered"] for k in ks for tie in w.out_edges[k] if tie["kind"] == "S")
        supply = sum(spot_sold[k] for k in ks)
        dom[t] = min(1.0, supply / asked) if asked > 0 else 0.0
    # settlement
    I = w.info_cost(w.prior())
    n0 = P["prior_observations"]; h = P["evidence_half"]
    pr = w.prior(); Eon = pr[0] / (pr[0] + pr[1]); Ed = pr[2] / (pr[2] + pr[3])
    insp0 = P["inspection_cost"] * h / (h + 0)
    pi_spot = Q["spot_premium"] + insp0 + Ed * P["rework_cost_share"] + (1 - Eon) * P["late_days"] * P["lead_time_cost_per_day"]
    lam_lt = P["lead_time_cost_per_day"]
    res = {k: np.zeros(N) for k in ["cost", "tc", "lead", "fixed", "rework", "markdown", "revenue", "profit", "tc_hand", "tc_insp", "tc_rework", "tc_late", "tc_search", "tc_spotprem", "tc_spotinfo", "purch"]}
    for k in range(N):
        r = w.region[k]
        rg = Rng(seed, "Delivery", k, tick)
        cost = 0.0; tc = 0.0; lead = 0.0
        for tie in w.in_edges[k]:
            if tie["kind"] != "S" or tie["delivered"] <= 0: continue
            j = tie["s"]; dlv = tie["delivered"]
            late = not rg.bernoulli(w.pi[j] * phi[j])
            bad = sum(1 for _ in range(Q["lots_per_delivery"]) if rg.bernoulli(w.delta[j]))
            tie["late"] = 1 if late else 0; tie["bad"] = bad
            d = w.dist[w.region[j], r]
            tauH = P["transaction_cost_base"] * (1 + d / P["distance_scale_km"])
            _, insp, e = w.info_cost(tie["B"])
            inc_rw = dlv * (bad / Q["lots_per_delivery"]) * w.price[j] * P["rework_cost_share"]
            inc_lt = (1 if late else 0) * dlv * w.price[j] * lam_lt * P["late_days"]
            cost += dlv * w.price[j] * (1 + tauH + insp) + inc_rw + inc_lt
            tc += dlv * w.price[j] * (tauH + insp) + inc_rw + inc_lt
            res["tc_hand"][k] += dlv * w.price[j] * tauH; res["tc_insp"][k] += dlv * w.price[j] * insp
            res["tc_rework"][k] += inc_rw; res["tc_late"][k] += inc_lt
            res["purch"][k] += dlv * w.price[j]
            fl = w.flow.get((j, r), 0.0) if Q["settle_flow_this_month"] else 0.0
            W = 0.5 * P["max_hold_days"] if fl <= 0 else 0.5 * min(P["load_value_yuan"] / fl, P["max_hold_days"])
            LT = P["production_days"] + d / P["transport_km_per_day"] + w.handling_days(tie["B"], w.region[j], r) + W
            lead += dlv * (LT + (P["late_days"] if late else 0))
        cost += spot_value[k] * (1 + pi_spot) + w.search_cost[k]
        tc += spot_value[k] * pi_spot + w.search_cost[k]
        res["tc_search"][k] = w.search_cost[k]; res["tc_spotprem"][k] = spot_value[k] * Q["spot_premium"]
        res["tc_spotinfo"][k] = spot_value[k] * (pi_spot - Q["spot_premium"])
        Hs = w.handling_days(w.prior(), r, r)
        lead += spot_bought[k] * (P["production_days"] + Hs + Q["spot_extra_days"])
        fixed = (w.lab[r] + w.land[r] * w.overhead[k]) * w.L[k]
        rework = w.delta[k] * (cost + fixed)
        Kx = K[k] if Q["K_after"] else 0.0
        markdown = (Q["markdown_cost"] * scrapped[k] + Q["holding_cost_per_month"] * Kx) * (cost + fixed) / y[k] if y[k] > 0 else 0.0
        revenue = w.price[k] * phi[k] * orders[k] + pbar[w.typ[k]] * spot_sold[k]
        profit = revenue - (cost + fixed + rework + markdown)
        for nm, v in [("cost", cost), ("tc", tc), ("lead", lead), ("fixed", fixed), ("rework", rework), ("markdown", markdown), ("revenue", revenue), ("profit", profit)]:
            res[nm][k] = v
    w.cash = w.cash + res["profit"]
    w.search_cost = np.zeros(N)
    for k in range(N):
        if orders[k] > 0: w.rep[k] += Q["reputation_rate"] * (phi[k] - w.rep[k])
    div = Q["dividend_share"] * np.maximum(0, np.minimum(res["profit"], w.cash))
    w.cash = w.cash - div
    w.m1 = dict(res, orders=orders, final_orders=final_orders, y=y, unsold=unsold, phi=phi, spot_sold=spot_sold,
                spot_value=spot_value, spot_units=spot_units, inputs_bought=inputs_bought, dividends=div,
                import_units=imports_units, import_value=import_value, K=K, scrapped=scrapped, cap=cap, dom=dom,
                spot_bought=spot_bought, from_stock=from_stock)
    return w


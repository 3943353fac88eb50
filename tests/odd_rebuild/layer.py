#!/usr/bin/python3
"""The SimGrid information-infrastructure layer (ODD 7.23, 7.45-7.48, 7.91, 7.92, 7.21 capacity investment),
rebuilt from docs/ODD.md alone, with SimGrid's completion times taken as given from vicsim's routes.csv.

Traffic bytes per route are computed here (7.45, 7.91) and compared with routes.csv's bytes columns; the
completion times (`*_s`, `compute_s`) are read from routes.csv; everything downstream (load, wait, telemetry
delivered, forecast freshness, dispatch in time, congestion, availabilities, order-message times,
investment) is computed here. `install(w, routes_csv)` attaches the layer to a World; psim/plat/rest/model
call the small hooks below (each a no-op when no layer is installed)."""
import csv, math, os
# Other readings, for measuring what the check tells apart (records/layer/GUESSES.md): LAYER_ALT=a,b,...
#   email: platform order messages timed as e-mail; nowait: e-mail without the least backlog wait;
#   mktmin: marketplace/dispatching platform = lowest index; credit1: credit lines ignore availability;
#   uplinkany: uplink investment also with network investment off; fixed5: 5 messages per order in traffic
ALT = set(x for x in os.environ.get("LAYER_ALT", "").split(",") if x)
import numpy as np

KINDS = ["orders", "forecast", "dispatch", "telemetry", "design"]
IP = dict(window_s=1.0, devices_per_member=250.0, telemetry_Bps_per_device=1000.0, order_bytes=2000.0,
          orders_per_tie_month=4.0, forecast_bytes_per_day=1e7, dispatch_bytes_per_day=5e6, design_bytes_per_day=1e7,
          busy_hours_per_day=8.0, working_days_per_month=22.0, forecast_coherence_days=3.0, dispatch_window_hours=4.0,
          apps_bytes_per_day=2e6, apps_enabled=True, rating_visibility=1.0,
          invest_above_load=0.8, invest_step=0.25, edge_max=0.9, edge_cost_per_member=100.0, network_investment=True,
          cost_per_gflops=200.0, cost_per_gbps=2000.0)


def install(w, routes_csv):
    """Read routes.csv (every month's rows) and give w its layer state."""
    by = {}; ix = {}
    for r in csv.DictReader(open(routes_csv)):
        by[(int(r["tick"]), r["region"], r["platform"])] = r
        # by slot: a (tick, region)'s rows are in slot order; routes.csv names a founded slot by its name at the
        # end of the run, also in months before its founding (records/all_layer/GUESSES.md G-A3)
        n = ix.setdefault((int(r["tick"]), r["region"]), []); n.append(r)
    w.L_routes_ix = ix
    R = len(w.regions); Pn = len(w.plats)
    w.L_routes = by
    w.L_edge = np.zeros((R, Pn))
    w.L_resolved = False
    w.L_cong = np.ones(Pn); w.L_deliv = np.ones(Pn)          # last resolved (start: 1, 1)
    w.L_least_wait = np.zeros(R)
    w.L_route = None
    w.L_log = []          # (tick, what, region, platform, mine, vicsim, rel)
    w.L_first = None


def active(w):
    return getattr(w, "L_routes", None) is not None


# ---------------------------------------------------------------- hooks
def t_side_email(w, r):
    """7.83: e-mail side = access latency + one message's transfer + least backlog wait on r's routes."""
    return w.tside[r] + (w.L_least_wait[r] if active(w) and w.L_resolved and "nowait" not in ALT else 0.0)


def t_msg(w, ra, rb, ch=-1):
    """7.46/7.83 order_message_s: a platform tie's side is t_orders,rp + wait_rp; offline, e-mail."""
    if not active(w):
        return w.tside[ra] + w.tside[rb]
    if ch is not None and ch >= 0 and w.L_resolved and w.plats[ch]["alive"] and "email" not in ALT:
        rt = w.L_route
        return rt["orders_s"][ra, ch] + rt["wait"][ra, ch] + rt["orders_s"][rb, ch] + rt["wait"][rb, ch]
    return t_side_email(w, ra) + t_side_email(w, rb)


def avail(w, pi):
    """7.18: availability 1/max(1, congestion_p)."""
    if not active(w): return 1.0
    return 1.0 / max(1.0, w.L_cong[pi])


def best_plat(w, k, service):
    """7.18: k's alive platform offering `service` with the highest availability, the lowest index on ties (-1 if none)."""
    best = -1; ba = -1.0
    for pi, p in enumerate(w.plats):
        if p["alive"] and p["sv"][service] and (int(w.pmask[k]) >> pi) & 1:
            a = avail(w, pi) if "mktmin" not in ALT else 1.0
            if a > ba: best = pi; ba = a
    return best


def rating_factor(w, pi):
    """7.31: telemetry_delivered_p (clamped) / max(1, congestion_p)."""
    if not active(w): return 1.0
    return min(1.0, max(0.0, w.L_deliv[pi])) / max(1.0, w.L_cong[pi])


def fresh(w, k):
    """7.47: best fresh_rp over k's alive forecasting platforms (1 if none)."""
    if not active(w) or not w.L_resolved: return 1.0
    best = None; r = w.region[k]
    for pi, p in enumerate(w.plats):
        if p["alive"] and p["sv"]["forecasting"] and (int(w.pmask[k]) >> pi) & 1:
            f = w.L_route["fresh"][r, pi]
            best = f if best is None else max(best, f)
    return 1.0 if best is None else best


def in_time(w, k, pi):
    """7.48: dispatch in time on the route from k's region to the dispatching platform pi."""
    if not active(w) or not w.L_resolved: return 1.0
    return w.L_route["in_time"][w.region[k], pi]


def delivered(w, k):
    """7.48: best delivered_rp over k's own alive platforms that offer knowledge (1 if none)."""
    if not active(w) or not w.L_resolved: return 1.0
    best = None; r = w.region[k]
    for pi, p in enumerate(w.plats):
        if p["alive"] and p["sv"]["knowledge"] and (int(w.pmask[k]) >> pi) & 1:
            d = w.L_route["deliv"][r, pi]
            best = d if best is None else max(best, d)
    return 1.0 if best is None else best


def edge_cost(w, pi):
    """7.92: edge_cost_per_member · members_p · edge_share_p, edge_share_p the route-member-weighted edge share."""
    if not active(w) or not w.L_resolved: return 0.0
    m = w.L_route["members"][:, pi]
    if m.sum() <= 0: return 0.0
    share = float((m * w.L_edge[:, pi]).sum() / m.sum())
    return IP["edge_cost_per_member"] * w.plats[pi]["members"] * share


# ---------------------------------------------------------------- phase 7
def rounds(w, B):
    P = w.P; h = P["evidence_half"]; e = max(0.0, B[0] + B[1] - P["prior_observations"])
    return 1 + P["quote_rounds"] * h / (h + e)


def traffic(w):
    """7.45, 7.91: bytes per kind, region, platform."""
    R = len(w.regions); Pn = len(w.plats); W = IP["window_s"]; hb = IP["busy_hours_per_day"]
    by = {k: np.zeros((R, Pn)) for k in KINDS}
    members = np.zeros((R, Pn), dtype=int)
    final_set = set(w.final_type)
    for i in range(len(w.L)):
        if not w.alive[i] or not w.pmask[i]: continue
        mine = [pi for pi, p in enumerate(w.plats) if p["alive"] and (int(w.pmask[i]) >> pi) & 1]
        ki = max(1, len(mine)); r = w.region[i]
        for pi in mine:
            p = w.plats[pi]; members[r, pi] += 1
            by["telemetry"][r, pi] += W * IP["devices_per_member"] * IP["telemetry_Bps_per_device"] * (1 - w.L_edge[r, pi]) / ki
            by["design"][r, pi] += W * IP["design_bytes_per_day"] / (3600 * hb)
            if p["sv"]["forecasting"] and w.typ[i] in final_set:
                by["forecast"][r, pi] += W * IP["forecast_bytes_per_day"] / (3600 * hb)
            if p["sv"]["dispatch"]:
                by["dispatch"][r, pi] += W * IP["dispatch_bytes_per_day"] / (3600 * hb)
            if IP["apps_enabled"] and w.app_plat[i] == pi:
                by["design"][r, pi] += W * IP["apps_bytes_per_day"] / (3600 * hb)
    # orders: fixed-point sums of n(B) per (supplier region, buyer region, platform)
    cell = {}
    for tie in w.ties:
        if tie["kind"] != "S": continue
        ch = tie.get("ch", -1)
        if ch < 0: continue
        s, b = tie["s"], tie["t"]
        if not (w.alive[s] and w.alive[b]): continue
        n = rounds(w, w.tie_belief(tie)) if "fixed5" not in ALT else 2.5
        key = (w.region[s], w.region[b], ch)
        cell[key] = cell.get(key, 0) + int(round(n * 2 ** 32))
    per_round = W * IP["orders_per_tie_month"] * 2 * IP["order_bytes"] / (IP["working_days_per_month"] * 3600 * hb)
    for (rs, rb, ch), fx in sorted(cell.items()):
        v = per_round * (fx / 2 ** 32)
        by["orders"][rs, ch] += v; by["orders"][rb, ch] += v
    return by, members


def note(w, t, what, r, pi, mine, vic):
    rel = abs(mine - vic) / max(1e-300, abs(vic)) if vic != 0 else abs(mine)
    bad = rel > 1e-9
    w.L_log.append((t, what, r, pi, mine, vic, rel))
    if bad and w.L_first is None:
        w.L_first = (t, what, w.regions[r]["name"] if r is not None else "", w.plats[pi]["name"] if pi is not None else "", mine, vic)


def resolve(w, t):
    """Phase 7 resolve_service_times: traffic, SimGrid's times (from routes.csv), outcomes per route and platform."""
    if not active(w): return
    R = len(w.regions); Pn = len(w.plats); W = IP["window_s"]; hb = IP["busy_hours_per_day"]
    by, members = traffic(w)
    rt = {k + "_s": np.zeros((R, Pn)) for k in KINDS}
    comp = np.zeros(Pn)
    vic = {}
    for r in range(R):
        for pi in range(Pn):
            row = w.L_routes.get((t, w.regions[r]["name"], w.plats[pi]["name"]))
            if row is None or getattr(w.plats[pi], "get", lambda k: None)("founded"):
                rows = w.L_routes_ix.get((t, w.regions[r]["name"]), [])
                row = rows[pi] if pi < len(rows) else None
            if row is None: raise SystemExit(f"routes.csv has no row for month {t} {w.regions[r]['name']} {w.plats[pi]['name']}")
            vic[r, pi] = row
            for k in KINDS: rt[k + "_s"][r, pi] = float(row[k + "_s"])
            comp[pi] = float(row["compute_s"])
            note(w, t, "members", r, pi, members[r, pi], int(row["members"]))
            for k in KINDS:
                # SimGrid flow sizes are whole bytes (at least 1); routes.csv reports the bytes before truncation
                note(w, t, k + "_bytes", r, pi, by[k][r, pi], float(row[k + "_bytes"]))
    tmax = np.max(np.stack([rt[k + "_s"] for k in KINDS]), axis=0)
    rho = np.maximum(tmax, comp[None, :]) / W
    wait = np.maximum(0.0, rho - 1) * 3600 * hb / 2
    deliv = np.where(rho > 1, 1.0 / np.where(rho > 1, rho, 1.0), 1.0)
    age = (rt["forecast_s"] + wait) / 86400
    fr = np.exp(-np.maximum(0.0, age) / IP["forecast_coherence_days"])
    Twin = IP["dispatch_window_hours"] * 3600
    it = np.ones((R, Pn))
    for r in range(R):
        for pi in range(Pn):
            td = rt["dispatch_s"][r, pi]
            if td >= Twin: it[r, pi] = 0.0
            elif rho[r, pi] <= 1: it[r, pi] = 1.0
            else: it[r, pi] = min(1.0, (Twin - td) / ((rho[r, pi] - 1) * 3600 * hb))
    for r in range(R):
        for pi in range(Pn):
            row = vic[r, pi]
            note(w, t, "load", r, pi, rho[r, pi], float(row["load"]))
            note(w, t, "wait_s", r, pi, wait[r, pi], float(row["wait_s"]))
            note(w, t, "telemetry_delivered", r, pi, deliv[r, pi], float(row["telemetry_delivered"]))
            note(w, t, "forecast_freshness", r, pi, fr[r, pi], float(row["forecast_freshness"]))
            note(w, t, "dispatch_in_time", r, pi, it[r, pi], float(row["dispatch_in_time"]))
    # per platform (7.23)
    cong = np.ones(Pn); pdel = np.ones(Pn); lat = np.zeros(Pn)
    cload = np.zeros(Pn); nload = np.zeros(Pn); uload = np.zeros(Pn); cworst = np.ones(Pn); ctraf = np.ones(Pn)
    bytes_rp = sum(by[k] for k in KINDS)
    for pi, p in enumerate(w.plats):
        if not p["alive"]: continue
        n = members[:, pi].astype(float); ns = n.sum()
        cload[pi] = comp[pi] / W
        upl = p["uplink"] * 1e9 / 8
        uload[pi] = bytes_rp[:, pi].sum() / (upl * W)
        if ns > 0:
            nload[pi] = (n * tmax[:, pi]).sum() / ns / W
            lat[pi] = (n * rho[:, pi] * W).sum() / ns
            cong[pi] = (n * np.maximum(1.0, rho[:, pi])).sum() / ns
            cworst[pi] = max(1.0, max(rho[r, pi] for r in range(R) if n[r] > 0))
        else:
            lat[pi] = comp[pi]; cong[pi] = max(1.0, cload[pi])
        tel = by["telemetry"][:, pi]
        if tel.sum() > 0: pdel[pi] = (tel * np.where(rho[:, pi] > 1, 1.0 / np.maximum(rho[:, pi], 1.0), 1.0)).sum() / tel.sum()
        bs = bytes_rp[:, pi]
        if bs.sum() > 0: ctraf[pi] = (bs * np.maximum(1.0, rho[:, pi])).sum() / bs.sum()
    least = np.zeros(R)
    for r in range(R):
        ws = [wait[r, pi] for pi in range(Pn) if bytes_rp[r, pi] > 0]
        least[r] = min(ws) if ws else 0.0
    w.L_least_wait = least
    w.L_cong = cong; w.L_deliv = pdel
    w.L_route = dict(members=members, rho=rho, wait=wait, fresh=fr, in_time=it, deliv=deliv, orders_s=rt["orders_s"],
                     tmax=tmax, bytes=by)
    w.L_plat = dict(cload=cload, nload=nload, uload=uload, lat=lat, cworst=cworst, ctraf=ctraf)
    w.L_resolved = True


def compare_platforms(w, t, rows):
    """platforms.csv congestion columns of month t (rows: that month's rows in platform order)."""
    if not active(w) or not w.L_resolved: return
    for pi, (row, p) in enumerate(zip(rows, w.plats)):
        if not p["alive"]: continue
        pl = w.L_plat
        for col, mine in (("compute_load", pl["cload"][pi]), ("uplink_load", pl["uload"][pi]), ("congestion", w.L_cong[pi]),
                          ("service_latency_ms", pl["lat"][pi] * 1000), ("telemetry_delivered", w.L_deliv[pi]),
                          ("congestion_worst", pl["cworst"][pi]), ("congestion_traffic_weighted", pl["ctraf"][pi]),
                          ("uplink_gbps", p["uplink"]), ("compute_gflops", p["compute"])):
            note(w, t, "platform " + col, None, pi, mine, float(row[col]))


# ---------------------------------------------------------------- phase 16: capacity investment (7.21, 7.92)
def invest(w, pi, p):
    """After p's loss streak is updated, before fee learning; returns the money paid up front."""
    if not active(w) or not w.L_resolved or not p["alive"]: return 0.0
    if p["cash"] - p["loan"] <= 0: return 0.0
    pl = w.L_plat; c = pl["cload"][pi]; nl = pl["nload"][pi]; ul = pl["uload"][pi]; A = IP["invest_above_load"]
    netinv = IP["network_investment"]
    if c > A or (netinv and c + nl > A and c >= nl):
        add = IP["invest_step"] * p["compute"]; p["compute"] += add
        return add * IP["cost_per_gflops"] * 12
    # the uplink is network investment too: with network_investment off only compute is bought (GUESSES.md G-L8)
    if c + nl > A and ul >= 0.5 * nl and (netinv or "uplinkany" in ALT):
        add = IP["invest_step"] * p["uplink"]; p["uplink"] += add
        return add * IP["cost_per_gbps"] * 12
    if netinv:
        rt = w.L_route
        for r in range(len(w.regions)):
            if rt["members"][r, pi] <= 0: continue
            x = rt["tmax"][r, pi] / IP["window_s"]
            if c < x and ul < 0.5 * x and c + x > A:
                w.L_edge[r, pi] += IP["invest_step"] * (IP["edge_max"] - w.L_edge[r, pi])
    return 0.0

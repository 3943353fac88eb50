"""The one per-firm comparison of a rebuild month with vicsim's firms.csv (pmulti, polmulti, check_layer,
check_founding): the rebuild's value of every compared firms.csv column, and the firms that differ."""
import numpy as np

COLS = ["employees", "productivity", "digital_maturity", "reputation", "cash_yuan", "price_yuan", "output_units",
        "profit_yuan", "suppliers", "customers", "collaborators", "alive", "on_cloud", "platforms", "first_join_tick"]
TOL = 1e-9


def firm_values(w):
    """The rebuild's value of each column of COLS for every firm slot."""
    n = len(w.L); m1 = w.m1
    def pad(a):
        a = np.asarray(a, dtype=float)
        return np.append(a, np.zeros(n - len(a))) if len(a) < n else a
    return dict(employees=w.L, productivity=w.a, digital_maturity=w.m, reputation=w.rep, cash_yuan=w.cash,
                price_yuan=w.price, output_units=pad(m1["y"]), profit_yuan=pad(m1["profit"]),
                suppliers=[sum(1 for x in w.in_edges[k] if x["kind"] == "S") for k in range(n)],
                customers=[sum(1 for x in w.out_edges[k] if x["kind"] == "S") for k in range(n)],
                collaborators=[sum(1 for x in w.in_edges[k] + w.out_edges[k] if x["kind"] == "C") for k in range(n)],
                alive=w.alive, on_cloud=w.on_cloud,
                platforms=[bin(int(x)).count("1") for x in w.pmask] if w.plats else np.zeros(n),
                first_join_tick=w.first_join if w.plats else np.full(n, -1))


def firm_diffs(w, rows, t, floor=1e-9):
    """Compares the firms alive at t (rows: firms.csv of a vicsim run of t months) at relative TOL over
    max(|vicsim|, floor). Returns (firms compared, largest relative difference, one message per differing column)."""
    n = len(w.L)
    ids = np.array([int(r["firm_id"]) for r in rows])
    ok = (ids < n) & np.array([r["exit_tick"] == "NA" or int(r["exit_tick"]) >= t for r in rows])
    mine = firm_values(w)
    worst = 0.0; bad = []
    for c in COLS:
        v = np.array([float(r[c]) if r[c] != "NA" else -1.0 for r in rows])[ok]
        mv = np.asarray(mine[c], dtype=float)[ids[ok]]
        rl = np.abs(v - mv) / np.maximum(floor, np.abs(v))
        if len(rl): worst = max(worst, float(rl.max()))
        nb = int((rl > TOL).sum())
        if nb:
            j = int(np.argmax(rl > TOL))
            bad.append(f"{c}:{nb} (first firm {ids[ok][j]}: vicsim {v[j]!r} rebuild {mv[j]!r})")
    return int(ok.sum()), worst, bad

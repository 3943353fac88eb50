#!/usr/bin/env python3
"""Cross-checks `vicsim export` output with networkx and the run directory.

Usage: check_exports.py RUN_DIR GEXF GRAPHML TIDY_CSV

- networkx reads the GEXF (dynamic, integer time) and the exported GraphML;
- the GEXF firms and ties alive at each snapshot month equal that snapshot's GraphML nodes and edges
  (firm ids; (source, target, kind) for ties), and their employees equal the snapshot's values;
- the exported GraphML is the last snapshot;
- the tidy CSV has one row per (timeseries row, numeric metric) with the same values.
"""
import csv
import glob
import math
import os
import sys

import networkx as nx


def alive(attrs, t):
    spells = [(attrs["start"], attrs["end"])] if "start" in attrs else attrs.get("spells", [])
    return any(int(s) <= t <= int(e) for s, e in spells)


def value_at(values, t):
    for v, s, e in values:
        if int(s) <= t <= int(e):
            return float(v)
    return None


def raw_at(values, t):
    """A dynamic GEXF attribute's value at month t, as text (None if it has none then)."""
    if not isinstance(values, list):
        return str(values)
    for v, s, e in values:
        if int(s) <= t <= int(e):
            return str(v)
    return None


def main():
    run, gexf, graphml, tidy = sys.argv[1:5]
    problems = []
    g = nx.read_gexf(gexf)
    print("  GEXF: %d firms, %d ties over the whole run (mode %s)" % (g.number_of_nodes(), g.number_of_edges(), g.graph.get("mode")))
    if g.graph.get("mode") != "dynamic":
        problems.append("GEXF graph mode is %r, not dynamic" % g.graph.get("mode"))
    snaps = sorted(glob.glob(os.path.join(run, "network", "tick_*.graphml")))
    for path in snaps:
        t = int(os.path.basename(path)[5:9])
        s = nx.read_graphml(path)
        want_nodes = {str(d["firm_id"]) for _, d in s.nodes(data=True)}
        got_nodes = {n for n, d in g.nodes(data=True) if alive(d, t)}
        want_edges = {(str(s.nodes[u]["firm_id"]), str(s.nodes[v]["firm_id"]), d["kind"]) for u, v, d in s.edges(data=True)}
        got_edges = {(u, v, d["kind"]) for u, v, d in g.edges(data=True) if alive(d, t)}
        emp_bad = sum(1 for _, d in s.nodes(data=True)
                      if not math.isclose(value_at(g.nodes[str(d["firm_id"])]["employees"], t) or -1, d["employees"], rel_tol=1e-12))
        # Adoption, platform memberships and tie channel are dynamic attributes too (Gephi's timeline).
        for _, d in s.nodes(data=True):
            node = g.nodes[str(d["firm_id"])]
            for key in ("adopted", "platforms"):
                want = str(d.get(key, ""))
                got = raw_at(node.get(key, []), t)
                if (got or "") != want:
                    emp_bad += 1
                    problems.append("month %d firm %s: %s %r in GEXF, %r in GraphML" % (t, d["firm_id"], key, got, want))
                    break
        channels = {(u, v, d["kind"]): raw_at(d.get("channel", []), t) for u, v, d in g.edges(data=True) if alive(d, t)}
        for u, v, d in s.edges(data=True):
            k = (str(s.nodes[u]["firm_id"]), str(s.nodes[v]["firm_id"]), d["kind"])
            if channels.get(k) != d.get("channel"):
                emp_bad += 1
                problems.append("month %d tie %s: channel %r in GEXF, %r in GraphML" % (t, k, channels.get(k), d.get("channel")))
                break
        ok = want_nodes == got_nodes and want_edges == got_edges and emp_bad == 0
        print("  month %3d: graphml %4d firms %5d ties; gexf alive %4d firms %5d ties; employee/adoption/channel mismatches %d %s"
              % (t, len(want_nodes), len(want_edges), len(got_nodes), len(got_edges), emp_bad, "ok" if ok else "MISMATCH"))
        if not ok:
            problems.append("month %d differs" % t)
    last = nx.read_graphml(snaps[-1])
    exp = nx.read_graphml(graphml)
    if (exp.number_of_nodes(), exp.number_of_edges()) != (last.number_of_nodes(), last.number_of_edges()):
        problems.append("exported GraphML is not the last snapshot")
    else:
        print("  exported GraphML = %s (%d nodes, %d edges)" % (os.path.basename(snaps[-1]), exp.number_of_nodes(), exp.number_of_edges()))
    with open(os.path.join(run, "timeseries.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    with open(tidy, newline="") as f:
        long = list(csv.DictReader(f))
    metrics = sorted({r["metric"] for r in long})
    bad = [r for r in long if rows[int(r["tick"]) - 1][r["metric"]] != r["value"]]
    if len(long) != len(rows) * len(metrics) or bad:
        problems.append("tidy CSV: %d rows for %d x %d, %d values differ" % (len(long), len(rows), len(metrics), len(bad)))
    else:
        print("  tidy CSV: %d rows = %d ticks x %d metrics, values identical" % (len(long), len(rows), len(metrics)))
    if problems:
        sys.exit("check_exports.py: " + "; ".join(problems))


if __name__ == "__main__":
    main()

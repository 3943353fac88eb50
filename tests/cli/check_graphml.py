#!/usr/bin/env python3
"""Cross-check vicsim's network statistics against networkx.

Usage: check_graphml.py RUN_DIR

Reads the last RUN_DIR/network/tick_NNNN.graphml, turns it into an undirected
simple graph and compares node count, density, average clustering, giant
component share and number of connected components with summary.json["final"].
Exits non-zero with a message naming every mismatch.
"""
import glob
import json
import math
import os
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit("check_graphml.py: networkx is not importable by %s "
             "(install python3-networkx)" % sys.executable)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_graphml.py RUN_DIR")
    run_dir = sys.argv[1]
    snapshots = sorted(glob.glob(os.path.join(run_dir, "network", "tick_*.graphml")))
    if not snapshots:
        sys.exit("check_graphml.py: no network/tick_*.graphml in %s" % run_dir)
    last = snapshots[-1]
    with open(os.path.join(run_dir, "summary.json")) as f:
        final = json.load(f)["final"]

    tick = int(os.path.basename(last)[len("tick_"):-len(".graphml")])
    if tick != int(final["tick"]):
        sys.exit("check_graphml.py: last snapshot %s is not the final tick %s"
                 % (os.path.basename(last), final["tick"]))

    raw = nx.read_graphml(last)
    g = nx.Graph(raw.to_undirected())
    n = g.number_of_nodes()
    comps = list(nx.connected_components(g)) if n else []
    giant = max((len(c) for c in comps), default=0)

    got = {
        "firms": n,
        "density": nx.density(g) if n > 1 else 0.0,
        "clustering": nx.average_clustering(g) if n else 0.0,
        "giant_component_share": giant / n if n else 0.0,
        "components": len(comps),
    }
    print("  %s: %d nodes, %d undirected edges (graphml: %s, %d edges)"
          % (os.path.basename(last), n, g.number_of_edges(), type(raw).__name__,
             raw.number_of_edges()))

    failures = []
    loops = nx.number_of_selfloops(g)
    if loops:
        print("  self-loops             %d firm(s) tied to themselves MISMATCH" % loops)
        failures.append("self-loops")

    def check(key, ok, how):
        want = final[key]
        status = "ok" if ok(got[key], want) else "MISMATCH"
        print("  %-22s networkx=%-22r summary=%-22r %s (%s)" % (key, got[key], want, status, how))
        if status != "ok":
            failures.append(key)

    check("firms", lambda a, b: a == int(b) and float(b) == int(b), "exact")
    check("density", lambda a, b: math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0) or a == b == 0.0, "rel tol 1e-9")
    check("clustering", lambda a, b: abs(a - b) <= 1e-9, "abs tol 1e-9")
    check("giant_component_share", lambda a, b: abs(a - b) <= 1e-9, "abs tol 1e-9")
    check("components", lambda a, b: a == int(b) and float(b) == int(b), "exact")

    if failures:
        sys.exit("check_graphml.py: %s disagrees with summary.json final on: %s"
                 % (last, ", ".join(failures)))


if __name__ == "__main__":
    main()

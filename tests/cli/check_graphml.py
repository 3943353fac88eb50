#!/usr/bin/env python3
"""Cross-check vicsim's network statistics against networkx.

Usage: check_graphml.py RUN_DIR [--every]

Reads the last RUN_DIR/network/tick_NNNN.graphml, turns it into an undirected
simple graph and compares node count, density, average clustering, giant
component share and number of connected components with summary.json["final"].
With --every, checks every snapshot against the timeseries.csv row of its tick
(adding mean degree), and, when VICSIM_VALIDATION_OUT is set, appends one JSON
line per run with the largest differences (docs/VALIDATION.md).
Exits non-zero with a message naming every mismatch.
"""
import csv
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


def networkx_stats(path):
    """vicsim's network columns computed by networkx from one GraphML snapshot."""
    raw = nx.read_graphml(path)
    g = nx.Graph(raw.to_undirected())
    n = g.number_of_nodes()
    comps = list(nx.connected_components(g)) if n else []
    giant = max((len(c) for c in comps), default=0)
    return g, raw, {
        "firms": n,
        "density": nx.density(g) if n > 1 else 0.0,
        "mean_degree": 2.0 * g.number_of_edges() / n if n else 0.0,
        "clustering": nx.average_clustering(g) if n else 0.0,
        "giant_component_share": giant / n if n else 0.0,
        "components": len(comps),
    }


# Tolerances: counts exact; ratios to floating-point rounding (the CSV holds 17 significant digits).
TOLERANCE = {
    "firms": 0.0, "components": 0.0, "density": 1e-9, "mean_degree": 1e-9,
    "clustering": 1e-9, "giant_component_share": 1e-9,
}


def check_every(run_dir):
    """Every snapshot against its tick's timeseries.csv row; returns the names that disagree."""
    with open(os.path.join(run_dir, "timeseries.csv"), newline="") as f:
        rows = {int(float(r["tick"])): r for r in csv.DictReader(f)}
    snapshots = sorted(glob.glob(os.path.join(run_dir, "network", "tick_*.graphml")))
    if not snapshots:
        sys.exit("check_graphml.py: no network/tick_*.graphml in %s" % run_dir)
    worst = {k: 0.0 for k in TOLERANCE}
    failures = []
    for path in snapshots:
        tick = int(os.path.basename(path)[len("tick_"):-len(".graphml")])
        if tick not in rows:
            sys.exit("check_graphml.py: %s has no timeseries.csv row for tick %d" % (run_dir, tick))
        g, _, got = networkx_stats(path)
        if nx.number_of_selfloops(g):
            failures.append("self-loops at tick %d" % tick)
        for key, tol in TOLERANCE.items():
            want = float(rows[tick][key])
            diff = abs(got[key] - want)
            worst[key] = max(worst[key], diff)
            if diff > tol * max(1.0, abs(want)):
                failures.append("%s at tick %d (networkx %r, vicsim %r)" % (key, tick, got[key], want))
        print("  tick %4d: %d firms, %d edges, clustering %.6f, components %d"
              % (tick, got["firms"], g.number_of_edges(), got["clustering"], got["components"]))
    out = os.environ.get("VICSIM_VALIDATION_OUT")
    if out:
        with open(out, "a") as f:
            f.write(json.dumps({
                "id": "network metrics " + os.path.basename(os.path.normpath(run_dir)),
                "source": "networkx %s on the exported GraphML" % nx.__version__,
                "target": "density, mean degree, average clustering, components, giant component share "
                          "equal networkx's at every snapshot (%d)" % len(snapshots),
                "tolerance": "counts exact; ratios 1e-9 relative",
                "measured": "largest differences: " + ", ".join(
                    "%s %.1e" % (k, v) for k, v in worst.items()),
                "pass": not failures,
                "command": "bash tests/cli/network_validation.sh build/vicsim .",
            }) + "\n")
    return failures


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--every":
        failures = check_every(sys.argv[1])
        if failures:
            sys.exit("check_graphml.py: networkx disagrees with timeseries.csv: " + "; ".join(failures))
        return
    if len(sys.argv) != 2:
        sys.exit("usage: check_graphml.py RUN_DIR [--every]")
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

    g, raw, got = networkx_stats(last)
    n = got["firms"]
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

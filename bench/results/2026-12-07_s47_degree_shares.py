#!/usr/bin/env python3
"""Share of firms whose out- and in-tie counts are at most k, from a GraphML snapshot of `vicsim run`.
Usage: python3 2026-12-07_s47_degree_shares.py RUN/network/tick_0060.graphml"""
import collections
import re
import sys

out_deg, in_deg, nodes = collections.Counter(), collections.Counter(), set()
for line in open(sys.argv[1]):
    if m := re.search(r'<edge [^>]*source="([^"]+)" target="([^"]+)"', line):
        out_deg[m.group(1)] += 1
        in_deg[m.group(2)] += 1
    if m := re.search(r'<node id="([^"]+)"', line):
        nodes.add(m.group(1))
for name, deg in (("out", out_deg), ("in", in_deg)):
    hist = collections.Counter(deg[v] for v in nodes)
    shares = [sum(hist.get(j, 0) for j in range(k + 1)) / len(nodes) for k in range(9)]
    print(name, len(nodes), "firms, at most k ties for k = 0..8:", " ".join(f"{x:.3f}" for x in shares),
          "max", max(deg.values()))

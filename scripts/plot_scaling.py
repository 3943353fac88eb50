#!/usr/bin/python3
"""Draws docs/img/scaling.png from the output of `vicsim bench` (one or more files).

Usage: /usr/bin/python3 scripts/plot_scaling.py OUT.png BENCH_OUTPUT.txt [BENCH_OUTPUT.txt ...]

Reads the CSV block after "== all sizes" of each file (header firms,ticks,threads,...) and plots, against
the number of firms: firm-ticks per second of the whole run, and wall seconds per tick with a line of slope
1 (linear cost) through the smallest size. One series per thread count.
"""
import csv
import io
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def rows(path):
    text = open(path, encoding="utf-8").read()
    if "== all sizes\n" not in text:
        sys.exit("plot_scaling.py: %s has no '== all sizes' block (not vicsim bench output?)" % path)
    block = text.split("== all sizes\n", 1)[1]
    lines = [l for l in block.splitlines() if l and not l.startswith("summary:")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    series = {}
    for path in sys.argv[2:]:
        for r in rows(path):
            series.setdefault(int(r["threads"]), []).append(
                (int(r["firms"]), float(r["firm_ticks_per_s"]), float(r["wall_s"]) / int(r["ticks"])))
    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90)
    for threads, pts in sorted(series.items()):
        pts.sort()
        n = [p[0] for p in pts]
        a.plot(n, [p[1] for p in pts], "o-", label="%d thread%s" % (threads, "s" if threads > 1 else ""))
        b.plot(n, [p[2] for p in pts], "o-", label="%d thread%s" % (threads, "s" if threads > 1 else ""))
    first = min(min(pts) for pts in series.values())
    last_n = max(max(p[0] for p in pts) for pts in series.values())
    b.plot([first[0], last_n], [first[2], first[2] * last_n / first[0]], "k--", lw=0.8, label="linear cost")
    a.set(xscale="log", xlabel="firms", ylabel="firm-ticks per second", title="Throughput (full model)")
    b.set(xscale="log", yscale="log", xlabel="firms", ylabel="wall seconds per tick", title="Cost per tick")
    for ax in (a, b):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    a.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(sys.argv[1])


if __name__ == "__main__":
    main()

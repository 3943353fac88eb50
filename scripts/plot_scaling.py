#!/usr/bin/python3
"""Draws docs/img/scaling.png from the output of `vicsim bench` (one or more files).

Usage: /usr/bin/python3 scripts/plot_scaling.py OUT.png [LABEL=]BENCH_OUTPUT.txt [[LABEL=]BENCH_OUTPUT.txt ...]

A LABEL= prefix names the file's series (e.g. before=old.txt after=new.txt), so runs of two binaries with
the same thread count and run length are drawn apart.

Reads each size's section ("== N firms x T ticks, K thread(s)" and its "wall time ... cpu C s" line) and
plots against the number of firms: firm-ticks per wall second and per CPU second (left), and CPU
microseconds per firm-tick (right; flat = linear cost). One series per thread count and run length. On a shared machine
the CPU figures are the ones to read: wall time there mostly measures the other users' load.
"""
import re
import sys

import matplotlib
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HEADER = re.compile(r"^== (\d+) firms x (\d+) ticks, (\d+) thread")
WALL = re.compile(r"^wall time +([\d.]+) s .*cpu ([\d.]+) s")


def sizes(path):
    out, cur = [], None
    for line in open(path, encoding="utf-8"):
        h = HEADER.match(line)
        if h:
            cur = tuple(int(x) for x in h.groups())
        w = WALL.match(line)
        if w and cur:
            out.append(cur + (float(w.group(1)), float(w.group(2))))
            cur = None
    if not out:
        sys.exit("plot_scaling.py: no '== N firms x T ticks' sections in %s (not vicsim bench output?)" % path)
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    series = {}
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1) if "=" in arg else ("", arg)
        for firms, ticks, threads, wall, cpu in sizes(path):
            series.setdefault((name, threads, ticks), []).append((firms, firms * ticks / wall, firms * ticks / cpu,
                                                   1e6 * cpu / (firms * ticks)))
    fig, (a, b) = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90)
    for (name, threads, ticks), pts in sorted(series.items()):
        pts.sort()
        n = [p[0] for p in pts]
        label = (name + ": " if name else "") + "%d thread%s, %d months" % (threads, "s" if threads > 1 else "", ticks)
        a.plot(n, [p[1] for p in pts], "o-", label=label + ", per wall s")
        a.plot(n, [p[2] for p in pts], "s--", label=label + ", per CPU s")
        b.plot(n, [p[3] for p in pts], "o-", label=label)
    a.set(xscale="log", yscale="log", xlabel="firms", ylabel="firm-ticks per second",
          title="Throughput (full model)")
    b.set(xscale="log", xlabel="firms", ylabel="CPU µs per firm-tick", title="Cost per firm-tick (flat = linear)")
    b.set_ylim(bottom=0)
    for ax in (a, b):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(sys.argv[1])


if __name__ == "__main__":
    main()

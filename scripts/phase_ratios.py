#!/usr/bin/python3
"""Which phases make the cost grow faster than the number of firms: compares the phase tables of two sizes
in `vicsim bench` output.

Usage: /usr/bin/python3 scripts/phase_ratios.py BENCH_OUTPUT.txt [BENCH_OUTPUT.txt ...]

Reads every size's section ("== N firms x T ticks, K thread(s)" and its phase table) from the files, takes
the smallest and the largest size run with the same ticks and threads, and prints per phase: wall seconds at
both sizes, their ratio, and the excess, the seconds the large run spent beyond the firm ratio (large − ratio
of firms × small; a phase that scales linearly has none). Sorted by excess, largest first; the last row sums
the phases. For the scaling bar of issue 15 (time(1M) / time(100k) ≤ 11), pass a 100k and a 1M run.
"""
import re
import sys

import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)

HEADER = re.compile(r"^== (\d+) firms x (\d+) ticks, (\d+) thread")
PHASE = re.compile(r"^  (\S.*?)\s{2,}([\d.]+)\s+[\d.]+%\s+([\d.]+)\s+[\d.]+%\s+([\d.]+)$")


def sections(path):
    """(firms, ticks, threads) -> {phase: wall seconds}, in file order."""
    out, cur = {}, None
    for line in open(path, encoding="utf-8"):
        h = HEADER.match(line)
        if h:
            cur = tuple(int(x) for x in h.groups())
            out[cur] = {}
            continue
        p = PHASE.match(line)
        if p and cur:
            out[cur][p.group(1)] = float(p.group(2))
    return {k: v for k, v in out.items() if v}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    runs = {}
    for path in sys.argv[1:]:
        found = sections(path)
        if not found:
            sys.exit("phase_ratios.py: no phase table under a '== N firms x T ticks' header in %s "
                     "(not vicsim bench output?)" % path)
        runs.update(found)
    groups = {}
    for firms, ticks, threads in runs:
        groups.setdefault((ticks, threads), []).append(firms)
    pairs = [(ticks, threads, min(n), max(n)) for (ticks, threads), n in groups.items() if len(set(n)) > 1]
    if not pairs:
        sys.exit("phase_ratios.py: need two sizes with the same ticks and threads; found %s"
                 % ", ".join("%d firms x %d ticks, %d thread(s)" % k for k in sorted(runs)))
    for ticks, threads, small_n, large_n in sorted(pairs):
        small, large = runs[(small_n, ticks, threads)], runs[(large_n, ticks, threads)]
        factor = large_n / small_n
        print("%d against %d firms, %d ticks, %d thread(s): firm ratio %.4g" % (large_n, small_n, ticks, threads,
                                                                             factor))
        print("%-45s %10s %10s %7s %10s" % ("phase", "small s", "large s", "ratio", "excess s"))
        rows = []
        for name in large:
            s, l = small.get(name, 0.0), large[name]
            rows.append((l - factor * s, name, s, l))
        rows.sort(key=lambda r: -r[0])
        for excess, name, s, l in rows:
            ratio = "%7.1f" % (l / s) if s > 0 else "%7s" % "-"
            print("%-45s %10.2f %10.2f %s %10.2f" % (name, s, l, ratio, excess))
        ts, tl = sum(r[2] for r in rows), sum(r[3] for r in rows)
        print("%-45s %10.2f %10.2f %7.1f %10.2f" % ("all phases", ts, tl, tl / ts if ts > 0 else 0.0,
                                                    tl - factor * ts))


main()

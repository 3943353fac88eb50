#!/usr/bin/env python3
"""Monthly firm exits of one run and how concentrated each month's exits are in one firm type (docs/ODD.md 7.97).

Usage: python3 scripts/exit_months.py RUN_DIR [MIN_EXITS]
  e.g. build/vicsim run scenarios/traditional.json --out /tmp/trad
       python3 scripts/exit_months.py /tmp/trad 15
Reads RUN_DIR/timeseries.csv (exits) and RUN_DIR/firms.csv (exit_tick, industry, stage of every firm that
exited during the recorded months). Prints the median month, the largest month of months 1-24 and of
months 25+, the ratio of the former to the median (the statistic of pattern 8), and every month with at
least MIN_EXITS exits (default 15) with the share of its exits in its largest firm type. Standard library
only.
"""
import collections
import csv
import statistics
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)


def main():
    run = sys.argv[1]
    min_exits = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    with open(f"{run}/timeseries.csv", newline="") as fh:
        exits = [float(r["exits"]) for r in csv.DictReader(fh)]
    by_month = collections.defaultdict(collections.Counter)
    with open(f"{run}/firms.csv", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["alive"] in ("1", "true") or not r["exit_tick"]:
                continue
            t = int(r["exit_tick"])
            if t < 1:
                continue
            by_month[t][(r["industry"], r["stage"])] += 1
    med = statistics.median(exits)
    early = max(exits[:24])
    late = max(exits[24:]) if len(exits) > 24 else float("nan")
    print(f"months {len(exits)}: median {med:g}, max months 1-24 {early:g} "
          f"({early / med if med else float('inf'):.2f} x median), max months 25+ {late:g}")
    print("month,exits,largest_type,its_share")
    for t, n in enumerate(exits, start=1):
        if n < min_exits:
            continue
        types = by_month[t]
        (ind, stage), k = types.most_common(1)[0] if types else (("-", "-"), 0)
        print(f"{t},{n:g},{ind}/{stage},{k / n:.2f}")


if __name__ == "__main__":
    main()

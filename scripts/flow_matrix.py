#!/usr/bin/env python3
"""Transaction-flow matrix of one month from a run directory's accounts.csv and stocks.csv.

Usage: python3 scripts/flow_matrix.py RUN_DIR TICK

Prints a Markdown table in the layout of Godley & Lavoie (2007, table 2.3): one row per flow kind, one
column per sector, + for money received and - for money paid (millions of yuan). Each row sums to zero
(every payment has a payer and a payee); write-offs move no money and are shown below the table. The
last rows give each sector's change in deposits from stocks.csv, which must equal its column sum.
"""
import csv
import sys
from collections import defaultdict
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)

SECTORS = ["firms", "platforms", "households", "government", "lender", "rest_of_world", "world"]


def main(run_dir, tick):
    cells = defaultdict(lambda: defaultdict(float))
    order = []
    write_offs = defaultdict(float)
    within = defaultdict(float)
    with open(f"{run_dir}/accounts.csv", newline="") as f:
        for r in csv.DictReader(f):
            if int(r["tick"]) != tick:
                continue
            amount = float(r["amount"])
            if r["flow"] == "write_off":
                write_offs[r["payee"]] += amount
                continue
            if r["payer"] == r["payee"]:
                within[(r["payer"], r["flow"])] += amount
            if r["flow"] not in order:
                order.append(r["flow"])
            cells[r["flow"]][r["payer"]] -= amount
            cells[r["flow"]][r["payee"]] += amount
    deposits = defaultdict(dict)
    with open(f"{run_dir}/stocks.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["stock"] == "deposits" and int(r["tick"]) in (tick - 1, tick):
                deposits[r["sector"]][int(r["tick"])] = float(r["value"])

    def m(x):
        return "" if abs(x) < 5e-7 else f"{x / 1e6:+,.3f}"

    print("| flow (million yuan) | " + " | ".join(SECTORS) + " | row sum |")
    print("|---|" + "---:|" * (len(SECTORS) + 1))
    totals = defaultdict(float)
    for flow in order:
        row = [cells[flow][s] for s in SECTORS]
        for s, v in zip(SECTORS, row):
            totals[s] += v
        label = flow + "".join(f" ({s} to {s}: {v / 1e6:,.3f})" for (s, k), v in within.items() if k == flow)
        print(f"| {label} | " + " | ".join(m(v) for v in row) + f" | {m(sum(row)) or '0'} |")
    print("| **column sum** | " + " | ".join(m(totals[s]) for s in SECTORS) + f" | {m(sum(totals.values())) or '0'} |")
    change = [deposits[s].get(tick, 0.0) - deposits[s].get(tick - 1, 0.0) for s in SECTORS]
    print("| **change in deposits** (stocks.csv) | " + " | ".join(m(v) for v in change) + " | |")
    if write_offs:
        print()
        print("Loans written off (no money moves): " +
              ", ".join(f"{s} {v / 1e6:,.3f} million" for s, v in write_offs.items()) + ".")
    worst = max(abs(c - totals[s]) for s, c in zip(SECTORS, change))
    print()
    print(f"Largest gap between a column sum and the change in deposits: {worst:.3g} yuan.")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]))

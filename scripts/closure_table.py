#!/usr/bin/env python3
"""The table of docs/ODD.md 7.71: households under the two closures, from two run directories.

Usage: python3 scripts/closure_table.py EXOGENOUS_RUN INCOME_WEALTH_RUN
  e.g. build/vicsim run scenarios/households_exogenous.json --out runs/ex
       build/vicsim run scenarios/platform_led.json --out runs/iw
       python3 scripts/closure_table.py runs/ex runs/iw
Reads stocks.csv (households' deposits), accounts.csv (households' final purchases and consumer imports),
timeseries.csv (household_income, employees) and scenario.resolved.json (import_propensity); prints a
Markdown table. Standard library only.
"""
import csv
import json
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)


def read(run):
    deposits, spending, ts, abroad = {}, {}, {}, {}
    with open(run + "/stocks.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["sector"] == "households" and r["stock"] == "deposits":
                deposits[int(r["tick"])] = float(r["value"])
    with open(run + "/accounts.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["payer"] == "households" and r["flow"] == "final_sales":
                t = int(r["tick"])
                spending[t] = spending.get(t, 0.0) + float(r["amount"])
            if r["payer"] == "households" and r["flow"] == "consumer_imports":
                abroad[int(r["tick"])] = float(r["amount"])
    with open(run + "/timeseries.csv", newline="") as f:
        for r in csv.DictReader(f):
            ts[int(r["tick"])] = r
    with open(run + "/scenario.resolved.json") as f:
        mu = json.load(f)["mechanisms"]["households"]["import_propensity"]
    # Planned spending on the cluster's goods, H = (1 - mu) C, from consumer imports M = mu C (7.69).
    plan = {t: (1.0 - mu) / mu * m for t, m in abroad.items()} if mu > 0 else {}
    return deposits, spending, ts, plan


def plan_ratio(spending, plan, last):
    # Months without a plan (no consumer imports booked: the plan stopped) are left out and counted.
    months = [k for k in range(2, last + 1) if plan.get(k, 0.0) > 0.0]
    if not months:
        return "—"
    ratio = sum(spending.get(k, 0.0) / plan[k] for k in months) / len(months)
    skipped = last - 1 - len(months)
    return f"{ratio:.3f}" + (f" ({skipped} months without a plan left out)" if skipped else "")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    runs = [read(d) for d in sys.argv[1:]]
    last = min(max(r[2]) for r in runs)
    mid = last // 2
    m = 1e6

    def row(label, f):
        return "| " + label + " | " + " | ".join(f(*r) for r in runs) + " |"

    print("| | exogenous | income_wealth |")
    print("|---|---:|---:|")
    print(row(f"household deposits, month {mid} (million yuan)", lambda d, s, t, h: f"{d[mid] / m:,.0f}"))
    print(row(f"household deposits, month {last} (million yuan)", lambda d, s, t, h: f"{d[last] / m:,.0f}"))
    print(row(f"mean change of deposits, months {mid + 1}–{last} (million yuan/month)",
              lambda d, s, t, h: f"{(d[last] - d[mid]) / (last - mid) / m:+,.1f}"))
    print(row(f"deposits ÷ household income, month {last}",
              lambda d, s, t, h: "— (negative)" if d[last] < 0 else f"{d[last] / float(t[last]['household_income']):.2f}"))
    print(row(f"household spending on final goods, month 1 → month {last} (million yuan/month)",
              lambda d, s, t, h: f"{s[1] / m:,.0f} → {s[last] / m:,.0f}"))
    print(row(f"employees, month {last}", lambda d, s, t, h: f"{float(t[last]['employees']):,.0f}"))
    print(row(f"households' final purchases ÷ planned spending on the cluster's goods, months 2–{last} (mean)",
              lambda d, s, t, h: "—" if not h else plan_ratio(s, h, last)))


if __name__ == "__main__":
    main()

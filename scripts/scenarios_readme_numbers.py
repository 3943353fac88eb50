#!/usr/bin/env python3
"""Measured tables of scenarios/README.md, from run directories (called by scenarios_readme_numbers.sh).

Usage: scenarios_readme_numbers.py RUNS_DIR [COMPARE_DIR]
RUNS_DIR holds one run directory per bundled scenario (NAME/ = `vicsim run scenarios/NAME.json`), COMPARE_DIR
(optional) the `vicsim compare` directories named in COMPARISONS. Prints Markdown to stdout.
"""
import csv
import json
import os
import sys
import script_help  # scripts/script_help.py: -h and --help

script_help.exit_on_help(__doc__)

# Scenario -> timeseries.csv columns worth reading for it (besides the common ones).
COMMON = ["firms", "employees", "real_output", "cloud_adoption_share", "lost_sales_share"]
EXTRA = {
    "traditional": ["eg_index", "top_region_share", "local_tie_share", "stage_name"],
    "platform_led": ["platform_member_share", "sme_participation", "cross_region_tie_share",
                     "transaction_cost_per_unit", "lead_time_days", "fee_share_of_gmv", "platform_path_stage_name"],
    "platform_emergent": ["platforms_alive", "platform_member_share", "platform_path_stage_name"],
    "platform_cultivation": ["platforms_alive", "platform_member_share", "policy_spend_cumulative",
                             "platform_path_stage_name"],
    "one_plus_n": ["platforms_alive", "interconnected_share", "cross_platform_share", "integrated_share",
                   "ecosystem_stage_name"],
    "pilot_program": ["platform_member_share", "policy_spend_cumulative"],
    "infrastructure_5g": ["service_latency_ms", "max_congestion", "platform_member_share", "lead_time_days",
                          "policy_spend_cumulative"],
    "shock_resilience": ["output", "capacity_utilisation", "dispatched_units", "exits"],
    "households_exogenous": ["platform_member_share", "household_income", "wage_bill", "cpi"],
    "classroom_small": ["eg_index", "local_tie_share", "stage_name"],
    "classroom_platform": ["sme_participation", "cross_region_tie_share", "platform_path_stage_name"],
    "classroom_vouchers": ["sme_participation", "digital_divide_gap", "policy_spend_cumulative"],
}
# Paired comparisons (COMPARE_DIR/NAME) and the KPIs shown from their comparison.csv.
COMPARISONS = {
    "traditional_vs_platform_led": ["firms", "employees", "real_output", "sme_survival", "sme_participation",
                                    "transaction_cost_per_unit", "lead_time_days", "cross_region_tie_share",
                                    "cross_industry_tie_share", "real_household_income", "fee_share_of_gmv"],
    "platform_led_vs_pilot_program": ["cloud_adoption_share", "platform_member_share", "employees", "real_output"],
    "platform_led_vs_infrastructure_5g": ["service_latency_ms", "lead_time_days", "cloud_adoption_share",
                                          "platform_member_share", "real_output"],
    "platform_led_vs_households_exogenous": ["firms", "employees", "real_output", "real_household_income",
                                                 "cpi"],
    "platform_emergent_vs_platform_cultivation": ["platforms_alive", "platform_member_share",
                                                  "policy_spend_cumulative", "platform_path_stage", "real_output"],
}


def fmt(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return str(v)
    if x != x:
        return "NA"
    if x == int(x) and abs(x) < 1e6:
        return f"{int(x):,}"
    if abs(x) >= 1e5:
        return f"{x:.3e}"
    if abs(x) >= 100:
        return f"{x:,.1f}"
    return f"{x:.3g}"


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def run_table(name, run_dir):
    rows = {int(r["tick"]): r for r in read_csv(os.path.join(run_dir, "timeseries.csv"))}
    if not rows:
        return f"*{name}: no run directory*\n"
    last = max(rows)
    ticks = [t for t in (12, 36, 60, 84, 120) if t < last] + [last]
    cols = COMMON + [c for c in EXTRA.get(name, []) if c in rows[last]]
    out = [f"**{name}.json** (seed {rows[last]['seed']}, `build/vicsim run scenarios/{name}.json`)", "",
           "| column | " + " | ".join(f"tick {t}" for t in ticks) + " |",
           "|---|" + "---:|" * len(ticks)]
    for c in cols:
        out.append(f"| `{c}` | " + " | ".join(fmt(rows[t].get(c, "")) for t in ticks) + " |")
    stocks = {}
    for r in read_csv(os.path.join(run_dir, "stocks.csv")):
        if r["stock"] == "deposits" and r["sector"] == "households":
            stocks[int(r["tick"])] = float(r["value"])
    if stocks:
        out.append("| households' deposits (stocks.csv) | " + " | ".join(fmt(stocks.get(t, "")) for t in ticks) + " |")
    summary_path = os.path.join(run_dir, "summary.json")
    extra = []
    if os.path.exists(summary_path):
        s = json.load(open(summary_path))
        for key in ["stage_first_reached_tick", "platform_path_stage_first_reached_tick",
                    "ecosystem_stage_first_reached_tick"]:
            v = s.get(key)
            if v:
                extra.append(f"{key}: " + ", ".join(f"{k} {fmt(x)}" for k, x in v.items()))
        for shock in s.get("shocks", []) or []:
            desc = {k: v for k, v in shock.items() if not isinstance(v, (dict, list))}
            vs = shock.get("output_vs_no_shock") or {}
            if vs:
                desc.update({f"output vs no-shock {k}": v for k, v in vs.items() if not isinstance(v, (dict, list))})
            extra.append("shock: " + ", ".join(f"{k} {fmt(v)}" for k, v in desc.items()))
        pe = s.get("pilot_effect_vs_no_pilot")
        if pe:
            extra.append(f"pilot effect against the same seeds without it ({s.get('pilot_replications', '?')} "
                         "replications, treated/control mean): " +
                         "; ".join(f"{k} {fmt(v.get('treated'))}/{fmt(v.get('control'))}" for k, v in pe.items()
                                   if isinstance(v, dict)))
    plat = [r for r in read_csv(os.path.join(run_dir, "platforms.csv")) if int(r["tick"]) == last]
    if plat:
        extra.append(f"platforms at tick {last}: " + "; ".join(
            f"{r['platform']} members {r['members']}, fee {float(r['transaction_fee']):.3f}" for r in plat))
    out.append("")
    out += [f"- {e}" for e in extra]
    return "\n".join(out) + "\n"


def compare_table(name, cmp_dir):
    rows = read_csv(os.path.join(cmp_dir, "comparison.csv"))
    if not rows:
        return ""
    meta = json.load(open(os.path.join(cmp_dir, "comparison.json")))
    last = max(int(r["tick"]) for r in rows)
    out = [f"**{name.replace('_vs_', ' → ')}** (`vicsim compare`, {meta.get('replications')} paired replications, "
           f"tick {last}; B − A)", "", "| KPI | mean A | mean B | B − A | 95% CI |", "|---|---:|---:|---:|---|"]
    for kpi in COMPARISONS[name]:
        for r in rows:
            if r["kpi"] == kpi and int(r["tick"]) == last:
                out.append(f"| `{kpi}` | {fmt(r['mean_a'])} | {fmt(r['mean_b'])} | {fmt(r['diff'])} | "
                           f"[{fmt(r['ci_low'])}, {fmt(r['ci_high'])}] |")
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    runs, cmp_dir = argv[1], (argv[2] if len(argv) > 2 else None)
    names = sorted(d for d in os.listdir(runs) if os.path.isdir(os.path.join(runs, d)))
    parts = [run_table(n, os.path.join(runs, n)) for n in names]
    if cmp_dir:
        parts += [compare_table(n, os.path.join(cmp_dir, n)) for n in COMPARISONS
                  if os.path.isdir(os.path.join(cmp_dir, n))]
    print("\n".join(p for p in parts if p))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

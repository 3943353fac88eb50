#!/usr/bin/env python3
"""Independent check of a run directory's stock-flow accounts (docs/ODD.md 7.28, docs/outputs.md).

Reads only the written files (accounts.csv, stocks.csv, goods.csv, timeseries.csv, policies.csv) with the
standard library and re-does the sums the model's ledger (sim/ledger.cpp) claims to have checked, without
using any of its code:

  money   for every tick t >= 1 and sector s:
            deposits_s(t) - deposits_s(t-1) = inflows_s(t) - outflows_s(t)   (write_off moves no money)
            loans_s(t) - loans_s(t-1) = loan in - repayment out - write_off in (firms, platforms);
            the lender's loans are what firms and platforms owe
          every flow is one of the documented payer -> payee kinds (a flow in a direction the docs do not
            list is a leak path nobody checks)
          the changes in deposits sum to zero over sectors, and money enters or leaves the private sectors
            (firms, platforms, households) only through the documented sources and sinks: government
            deficit (its deposits are minus its cumulative spending, equal to timeseries.csv
            policy_spend_cumulative and to the sum of policies.csv), the lender's net credit and the rest of
            the world's import receipts; the rest of the world's deposits never go negative (it spends what
            it holds and no more, ODD 7.85)
  goods   production + imports = deliveries + losses + change in finished stocks (stocks.csv
            finished_stock_units), inputs received = inputs used + inputs scrapped + change in input stocks
            (input_stock_units); every goods flow is >= 0 and no stock is negative
  links   timeseries.csv wage_bill, household_income, platform_fee_revenue and loan_write_offs equal the
            accounts' sums of the same flows

Tolerance: relative 1e-9 of the magnitudes involved (the model's own tolerance), at least 1e-6 absolute.
Usage: check_accounts.py RUN_DIR [RUN_DIR ...]   exit 0 if every identity holds, 1 otherwise (each
violation printed with tick, sector and gap).
"""
import csv
import math
import os
import sys
from collections import defaultdict

TOL = 1e-9
SECTORS = ["firms", "platforms", "households", "government", "lender", "rest_of_world", "world"]
PRIVATE = {"firms", "platforms", "households"}

# Documented flows (docs/outputs.md accounts.csv `flow`; docs/ODD.md 7.28): flow -> allowed (payer, payee).
FIRMS_PLATFORMS = {"firms", "platforms"}
ALLOWED = {
    "wages": {("firms", "households")},
    "rent": {("firms", "households")},
    "services": {("firms", "households")},
    "cloud": {("firms", "households")},
    "purchases": {("firms", "firms")},
    "spot_purchases": {("firms", "firms")},
    "dispatch_transfer": {("firms", "firms")},
    "final_sales": {("households", "firms")},
    "commission": {("firms", "platforms")},
    "marketplace_fee": {("firms", "platforms")},
    "dispatch_fee": {("firms", "platforms")},
    "entry_fee": {("firms", "platforms")},
    "operating_cost": {("platforms", "households")},
    "investment": {("platforms", "households")},
    "subsidy": {("government", s) for s in FIRMS_PLATFORMS},
    "public_spending": {("government", "households")},
    "equity": {("households", s) for s in FIRMS_PLATFORMS} | {("firms", "platforms")},
    "liquidation": {(s, "households") for s in FIRMS_PLATFORMS},
    "interest": {(s, "lender") for s in FIRMS_PLATFORMS},
    "repayment": {(s, "lender") for s in FIRMS_PLATFORMS},
    "loan": {("lender", s) for s in FIRMS_PLATFORMS},
    "write_off": {("lender", s) for s in FIRMS_PLATFORMS},
    "imports": {("firms", "rest_of_world")},
    "consumer_imports": {("households", "rest_of_world")},
    "dividends": {(s, "households") for s in FIRMS_PLATFORMS},
    "exports": {("rest_of_world", "firms")},
    "world_income": {("world", "rest_of_world")},
    "app_subscription": {("firms", "platforms")},
    "in_plant_service": {("firms", "platforms")},
    "logistics_fee": {("firms", "platforms")},
    "cross_border_fee": {("firms", "platforms")},
}
FEES = {"commission", "marketplace_fee", "dispatch_fee", "entry_fee", "app_subscription", "in_plant_service", "logistics_fee",
        "cross_border_fee"}


class Checker:
    def __init__(self, run_dir):
        self.run_dir = run_dir
        self.errors = []
        self.ticks = 0

    def fail(self, tick, sector, what, gap, scale):
        self.errors.append(f"{self.run_dir}: tick {tick}, {sector}: {what} off by {gap:.6g} "
                           f"(relative {abs(gap) / scale:.3g}, tolerance {TOL})")

    def close(self, tick, sector, what, gap, *magnitudes):
        scale = max([1e3] + [abs(m) for m in magnitudes])
        if not (abs(gap) <= TOL * scale):  # also NaN
            self.fail(tick, sector, what, gap, scale)

    def rows(self, name, required=True):
        path = os.path.join(self.run_dir, name)
        if not os.path.exists(path):
            if required:
                self.errors.append(f"{self.run_dir}: {name} missing")
            return []
        with open(path, newline="") as f:
            return list(csv.DictReader(f))

    def run(self):
        flows = defaultdict(lambda: defaultdict(float))  # tick -> (payer, payee, flow) -> yuan
        for r in self.rows("accounts.csv"):
            t, key, amount = int(r["tick"]), (r["payer"], r["payee"], r["flow"]), float(r["amount"])
            if key[2] not in ALLOWED or key[:2] not in ALLOWED[key[2]]:
                self.errors.append(f"{self.run_dir}: tick {t}: undocumented flow {key[2]} {key[0]} -> {key[1]}")
            if not (amount >= 0.0 and math.isfinite(amount)):
                self.errors.append(f"{self.run_dir}: tick {t}: flow {key} has amount {amount}")
            flows[t][key] += amount
        stocks = defaultdict(dict)  # tick -> (sector, stock) -> value
        for r in self.rows("stocks.csv"):
            stocks[int(r["tick"])][(r["sector"], r["stock"])] = float(r["value"])
        goods = defaultdict(dict)
        for r in self.rows("goods.csv"):
            goods[int(r["tick"])][r["flow"]] = float(r["units"])
        series = {int(r["tick"]): r for r in self.rows("timeseries.csv")}
        policy_spend = defaultdict(float)
        for r in self.rows("policies.csv", required=False):
            policy_spend[int(r["tick"])] += float(r["spend"])
        if self.errors:
            return self.errors
        ticks = sorted(t for t in stocks if t > 0)
        if not ticks or 0 not in stocks:
            return self.errors + [f"{self.run_dir}: stocks.csv has no opening (tick 0) or no month"]
        if ticks != list(range(1, ticks[-1] + 1)) or sorted(series) != ticks:
            self.errors.append(f"{self.run_dir}: stocks.csv ticks {ticks[0]}..{ticks[-1]} do not match "
                               f"timeseries.csv ({len(series)} rows)")
        self.ticks = len(ticks)
        spent = 0.0
        for t in ticks:
            self.check_money(t, flows[t], stocks[t - 1], stocks[t])
            self.check_goods(t, goods.get(t), stocks[t - 1], stocks[t])
            spent += policy_spend[t]
            gov = stocks[t][("government", "deposits")] - stocks[0][("government", "deposits")]
            self.check_links(t, flows[t], gov, series.get(t, {}), spent if policy_spend else None)
        return self.errors

    def check_money(self, t, fl, before, after):
        gross = sum(fl.values())
        changes = {}
        for s in SECTORS:
            inflow = sum(v for (a, b, k), v in fl.items() if b == s and k != "write_off")
            outflow = sum(v for (a, b, k), v in fl.items() if a == s and k != "write_off")
            d0, d1 = before.get((s, "deposits")), after.get((s, "deposits"))
            if d0 is None or d1 is None:
                self.errors.append(f"{self.run_dir}: tick {t}: no deposits for {s} in stocks.csv")
                continue
            changes[s] = d1 - d0
            self.close(t, s, "change in deposits minus (inflows - outflows)", changes[s] - (inflow - outflow),
                       d0, d1, inflow, outflow)
            if s in FIRMS_PLATFORMS:
                lent = fl.get(("lender", s, "loan"), 0.0)
                repaid = fl.get((s, "lender", "repayment"), 0.0)
                written = fl.get(("lender", s, "write_off"), 0.0)
                l0, l1 = before.get((s, "loans"), 0.0), after.get((s, "loans"), 0.0)
                self.close(t, s, "change in loans minus (loans - repayments - write-offs)",
                           (l1 - l0) - (lent - repaid - written), l0, l1, lent, repaid, written)
                if l1 < -TOL * max(1.0, gross):
                    self.fail(t, s, "negative loans", l1, 1.0)
        owed = after.get(("firms", "loans"), 0.0) + after.get(("platforms", "loans"), 0.0)
        self.close(t, "lender", "loans minus what firms and platforms owe", after.get(("lender", "loans"), 0.0) - owed,
                   owed)
        if len(changes) == len(SECTORS):
            total = sum(changes.values())
            self.close(t, "all sectors", "sum of the changes in deposits", total, gross,
                       *[after[(s, "deposits")] for s in SECTORS])
            # Money into the private sectors = the documented sources (deficit, net credit) minus the sink
            # (imports paid to the rest of the world, net of any export receipts).
            private = sum(changes[s] for s in PRIVATE)
            sources = (-changes["government"] - changes["lender"] - changes["rest_of_world"] -
                       changes["world"])
            self.close(t, "private sectors",
                       "change in deposits minus (deficit + net credit - net imports + world income)",
                       private - sources, gross, private)
            # Each source sector's deposits are what the docs say they are: the government and the world
            # outside the model (ODD 7.95) only pay, so their deposits are minus what they paid, summed.
            for s, why in (("government", "it has no tax"), ("world", "it only pays world income")):
                paid = sum(v for (a, b, k), v in fl.items() if a == s)
                got = sum(v for (a, b, k), v in fl.items() if b == s)
                if got != 0.0:
                    self.fail(t, s, f"receives payments ({why})", got, 1.0)
                self.close(t, s, "change in deposits plus what it paid", changes[s] + paid, paid,
                           after[(s, "deposits")])
                if after[(s, "deposits")] > TOL * max(1.0, gross):
                    self.fail(t, s, "positive deposits (minus what it paid, summed)", after[(s, "deposits")], 1.0)
            # The rest of the world spends what it holds and no more (ODD 7.85): its deposits never go
            # negative, so the cluster's cumulative trade surplus is bounded by what it imported.
            if after[("rest_of_world", "deposits")] < -TOL * max(1.0, gross):
                self.fail(t, "rest_of_world", "negative deposits (spent more than it was paid)",
                          after[("rest_of_world", "deposits")], 1.0)

    def check_goods(self, t, g, before, after):
        if g is None:
            self.errors.append(f"{self.run_dir}: tick {t}: no goods.csv rows")
            return
        names = ["production", "imports", "deliveries", "losses", "inputs_received", "inputs_used",
                 "inputs_scrapped"]
        for n in names:
            if n not in g:
                self.errors.append(f"{self.run_dir}: tick {t}: goods.csv has no {n}")
                return
            if not (g[n] >= 0.0):
                self.fail(t, "goods", f"{n} negative", g[n], 1.0)
        stock = lambda d, k: d.get(("firms", k), 0.0)
        for k in ["finished_stock_units", "input_stock_units"]:
            if stock(after, k) < -1e-6:
                self.fail(t, "goods", f"{k} negative", stock(after, k), 1.0)
        d_fin = stock(after, "finished_stock_units") - stock(before, "finished_stock_units")
        d_inp = stock(after, "input_stock_units") - stock(before, "input_stock_units")
        self.close(t, "goods", "production + imports - deliveries - losses - change in finished stocks",
                   g["production"] + g["imports"] - g["deliveries"] - g["losses"] - d_fin,
                   g["production"], g["deliveries"], stock(after, "finished_stock_units"))
        self.close(t, "goods", "inputs received - inputs used - inputs scrapped - change in input stocks",
                   g["inputs_received"] - g["inputs_used"] - g["inputs_scrapped"] - d_inp,
                   g["inputs_received"], g["inputs_used"], stock(after, "input_stock_units"))
        # Inputs are deliveries to firms: they cannot exceed all deliveries.
        if g["inputs_received"] > g["deliveries"] * (1 + TOL) + 1e-6:
            self.fail(t, "goods", "inputs received exceed deliveries", g["inputs_received"] - g["deliveries"], 1.0)

    def check_links(self, t, fl, gov, row, spent):
        """gov: the government's deposits now minus at tick 0 (minus what it spent since month 1)."""
        def col(name):
            v = row.get(name)
            return None if v in (None, "", "NA") else float(v)

        sums = {
            "wage_bill": fl.get(("firms", "households", "wages"), 0.0),
            "household_income": sum(v for (a, b, k), v in fl.items() if b == "households"),
            "platform_fee_revenue": sum(v for (a, b, k), v in fl.items() if k in FEES and b == "platforms"),
            "loan_write_offs": sum(v for (a, b, k), v in fl.items() if k == "write_off"),
        }
        for name, total in sums.items():
            v = col(name)
            if v is not None:
                self.close(t, "timeseries", f"{name} minus the accounts' sum", v - total, v, total)
        cumulative = col("policy_spend_cumulative")
        if cumulative is not None:
            self.close(t, "government", "deposits plus policy_spend_cumulative", gov + cumulative, gov)
        if spent is not None:
            self.close(t, "government", "deposits plus cumulative policies.csv spend", gov + spent, gov)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    status = 0
    for run_dir in argv[1:]:
        checker = Checker(run_dir)
        errors = checker.run()
        for e in errors[:20]:
            print(e)
        if len(errors) > 20:
            print(f"{run_dir}: ... {len(errors) - 20} more")
        print(f"{run_dir}: {'FAIL' if errors else 'ok'} ({checker.ticks} months checked, {len(errors)} violations)")
        status |= bool(errors)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

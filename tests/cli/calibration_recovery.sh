#!/usr/bin/env bash
# Validation of `vicsim calibrate`: recover a known parameter value from a target the model itself produced.
#
# Usage: bash tests/cli/calibration_recovery.sh <path-to-vicsim> <source-dir>
#
# The traditional scenario at 200 firms and 24 months is run at transaction_cost_base = 0.06 (the truth)
# with seeds 1001-1004; the mean over those runs of the transaction-cost share (months 6-24) becomes the
# target. `vicsim calibrate` then fits transaction_cost_base on its own seed blocks (other seeds than the
# target's, so the fit also faces seed noise), starting at 0.13 in [0.01, 0.15], together with
# mechanisms.platform_economy.fee_step, which has no effect in a scenario without platforms.
# Passes when: the fitted transaction_cost_base is within ±0.006 (10%) of the truth, both seed blocks'
# fits are, and fee_step is flagged flat while transaction_cost_base is not.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-recovery.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT
SCENARIO=$(cd "$SRC" && pwd)/scenarios/traditional.json
SETS=(--set ticks=24 --set mechanisms.population.count=200 --set output.graphml=false)
TRUTH=0.06

section "target from the model at transaction_cost_base = $TRUTH"
for seed in 1001 1002 1003 1004; do
  "$VICSIM" run "$SCENARIO" --out "$T/truth_$seed" --seed $seed --quiet "${SETS[@]}" \
    --set mechanisms.trade.transaction_cost_base=$TRUTH || die "truth run $seed failed"
done
TARGET=$(python3 - "$T" <<'PY'
import csv, glob, sys
means = []
for f in sorted(glob.glob(sys.argv[1] + "/truth_*/timeseries.csv")):
    xs = [float(r["transaction_cost_share"]) for r in csv.DictReader(open(f)) if 6 <= int(r["tick"]) <= 24]
    means.append(sum(xs) / len(xs))
print(repr(sum(means) / len(means)))
PY
)
echo "  target transaction_cost_share (months 6-24, 4 seeds) = $TARGET"

cat >"$T/recover.json" <<JSON
{
  "name": "recovery",
  "scenario": "$SCENARIO",
  "set": ["ticks=24", "mechanisms.population.count=200"],
  "parameters": [
    {"name": "tc", "path": "mechanisms.trade.transaction_cost_base", "bounds": [0.01, 0.15], "start": 0.13},
    {"name": "fee_step", "path": "mechanisms.platform_economy.fee_step", "bounds": [0.05, 0.5]}
  ],
  "targets": [
    {"name": "tc_share", "column": "transaction_cost_share", "aggregate": "mean", "from_tick": 6, "to_tick": 24,
     "value": $TARGET, "source": "the model at transaction_cost_base = $TRUTH, seeds 1001-1004"}
  ],
  "replications": 4,
  "seed": 7,
  "optimiser": {"algorithm": "LN_BOBYQA", "max_evaluations": 24, "xtol": 0.001},
  "uncertainty": {"seed_blocks": 2, "max_evaluations": 12},
  "identifiability": {"points": 2, "width": 0.15, "flat_rise": 0.0001}
}
JSON

section "calibrate"
"$VICSIM" calibrate "$T/recover.json" --out "$T/out" --jobs 2 2>"$T/cal.err" || { cat "$T/cal.err"; die "calibrate failed"; }
tail -1 "$T/cal.err"
python3 - "$T/out/fit.json" "$TRUTH" <<'PY' && pass "recovered within the stated tolerance" || fail "not recovered"
import json, sys
fit = json.load(open(sys.argv[1])); truth = float(sys.argv[2])
tc, fee = fit["parameters"]
print(f"  fitted tc = {tc['value']:.5f} (truth {truth}), blocks {tc['block_values']}, objective {fit['objective']:.3g}")
print(f"  profile rise: tc {tc['profile']['rise']:.3g}, fee_step {fee['profile']['rise']:.3g}; flat: {fit['flat_parameters']}")
ok = abs(tc["value"] - truth) <= 0.006
ok &= all(abs(v - truth) <= 0.006 for v in tc["block_values"])
ok &= fee["profile"]["flat"] and not tc["profile"]["flat"]
sys.exit(0 if ok else 1)
PY

finish calibration_recovery

#!/usr/bin/env bash
# Validation of `vicsim calibrate`: recover a known parameter value from a target the model itself produced.
#
# Usage: bash tests/cli/calibration_recovery.sh <path-to-vicsim> <source-dir>
#
# The traditional scenario at 200 firms and 24 months. The target is made by `vicsim calibrate` itself: one
# evaluation at spot_premium = 0.25 (the truth) on the calibration's seed block 0 (4 replications) gives the
# mean transaction-cost share over months 6-24. A second calibration with the same seeds (common random
# numbers: the target is exactly reachable) starts at 0.45 in [0.05, 0.6] and also fits
# mechanisms.platform_economy.fee_step, which has no effect in a scenario without platforms.
# Passes when: the fitted spot_premium is within 10% of the truth on seed block 0, fee_step is flagged flat
# and spot_premium is not, and the Hessian at the optimum has exactly one flat direction, along fee_step. The
# refit on seed block 1 (other seeds, so the target is no longer exact) is printed: its distance from the
# truth is the seed noise at 4 replications and 200 firms, reported, not asserted. (Until issue 13's
# information mechanism the recovered parameter was transaction_cost_base; it now sets only the handling part
# of the cost, and the share no longer identifies it: a fit at 0.045 matched the target made at 0.06 within
# 0.06%. That is a property of the model, so the test recovers a parameter the share does identify.)
# The share still identifies spot_premium under the income-and-wealth closure (docs/ODD.md 7.74): on seed
# block 0 it rises monotonically from 0.114 at 0.05 to 0.255 at 0.6 and J(0.25) = 0 exactly. With the old
# default initial_step 0.1 BOBYQA nevertheless stopped at 0.350 (J = 0.0203): its first model sat on a
# plateau-and-jump stretch of the common-random-number objective (0.40 -> 0.45 moves the share 0.002,
# 0.45 -> 0.50 moves it 0.013), the trust region shrank and the fit crawled (with 80 evaluations it
# declared convergence at 0.348, J = 0.0195). The default step is now 0.2 of the range; the tolerance is
# unchanged.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-recovery.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT
SCENARIO=$(cd "$SRC" && pwd)/scenarios/traditional.json
TRUTH=0.25

write_calibration() {  # $1 file, $2 target value, $3 start, $4 max evaluations, $5 seed blocks, $6 profiles on,
  #                     $7 evaluations of each refit (default 12)
  cat >"$1" <<JSON
{
  "name": "recovery",
  "scenario": "$SCENARIO",
  "set": ["ticks=24", "mechanisms.population.count=200"],
  "parameters": [
    {"name": "tc", "path": "mechanisms.trade.spot_premium", "bounds": [0.05, 0.6], "start": $3},
    {"name": "fee_step", "path": "mechanisms.platform_economy.fee_step", "bounds": [0.05, 0.5]}
  ],
  "targets": [
    {"name": "tc_share", "column": "transaction_cost_share", "aggregate": "mean", "from_tick": 6, "to_tick": 24,
     "value": $2, "source": "the model at spot_premium = $TRUTH, seed block 0"}
  ],
  "replications": 4,
  "seed": 7,
  "optimiser": {"algorithm": "LN_BOBYQA", "max_evaluations": $4, "xtol": 0.001},
  "uncertainty": {"seed_blocks": $5, "max_evaluations": ${7:-12}},
  "identifiability": {"enabled": $6, "points": 2, "width": 0.15, "flat_rise": 0.0001}
}
JSON
}

section "target from the model at spot_premium = $TRUTH"
write_calibration "$T/truth.json" 1 $TRUTH 1 1 false
"$VICSIM" calibrate "$T/truth.json" --out "$T/truth" --jobs 2 --quiet || die "target evaluation failed"
read -r TRUTH_USED TARGET < <(python3 -c "
import csv, sys
r = next(csv.DictReader(open(sys.argv[1])))
print(r['tc'], r['tc_share_mean'])" "$T/truth/trace.csv")
echo "  spot_premium = $TRUTH_USED: target transaction_cost_share (months 6-24, 4 replications) = $TARGET"
write_calibration "$T/recover.json" "$TARGET" 0.45 24 2 true

section "calibrate"
"$VICSIM" calibrate "$T/recover.json" --out "$T/out" --jobs 2 2>"$T/cal.err" || { cat "$T/cal.err"; die "calibrate failed"; }
tail -1 "$T/cal.err"
python3 - "$T/out/fit.json" "$TRUTH" "${VICSIM_VALIDATION_OUT:-}" <<'PY' && pass "recovered within the stated tolerance" || fail "not recovered"
import json, sys
fit = json.load(open(sys.argv[1])); truth = float(sys.argv[2]); out = sys.argv[3]
tc, fee = fit["parameters"]
print(f"  fitted tc = {tc['value']:.5f} (truth {truth}), blocks {tc['block_values']}, objective {fit['objective']:.3g}")
print(f"  profile rise: tc {tc['profile']['rise']:.3g}, fee_step {fee['profile']['rise']:.3g}; flat: {fit['flat_parameters']}")
print(f"  refit on seed block 1 (other seeds): tc = {tc['block_values'][1]:.5f}; spread sd {tc['block_spread']['sd']:.4f}"
      f" (refit left its start: {fit['refits'][0]['moved_from_start']})")
h = fit["hessian"]  # docs/ODD.md 7.59: the fee_step direction has zero curvature, the tc direction does not
hflat = [d for d in h["directions"] if d["flat"]]
print(f"  Hessian eigenvalues {[round(d['eigenvalue'], 6) for d in h['directions']]}; flat directions {[d['vector'] for d in hflat]}")
ok = abs(tc["value"] - truth) <= 0.1 * truth
ok &= fee["profile"]["flat"] and not tc["profile"]["flat"]
ok &= len(hflat) == 1 and abs(hflat[0]["vector"][1]) >= 1 - 1e-9  # least-squares H: exact to rounding
if out:
    with open(out, "a") as f:
        f.write(json.dumps({
            "id": "calibration: parameter recovery",
            "source": "vicsim calibrate (docs/ODD.md 7.58) on a target the model made at a known value",
            "target": "traditional, 200 firms, 24 months: spot_premium = %g recovered from the mean "
                      "transaction-cost share (months 6-24), start 0.45; fee_step (no effect) flagged flat by its "
                      "profile and as the one flat direction of the Hessian" % truth,
            "tolerance": "+-10%% of the truth on seed block 0 (4 replications, LN_BOBYQA, initial step 0.2, "
                         "24 evaluations)",
            "measured": "%.5f (block 1 refit %.5f); flat: %s; Hessian flat directions: %d" % (
                tc["value"], tc["block_values"][1], ", ".join(fit["flat_parameters"]) or "none", len(hflat)),
            "pass": bool(ok), "command": "bash tests/cli/calibration_recovery.sh build/vicsim .",
        }) + "\n")
sys.exit(0 if ok else 1)
PY

section "a refit that never leaves its start is flagged, not read as a spread of 0"
# One evaluation of the fit and one of the refit: the refit can only evaluate its start (the block-0 fit), so
# its values equal the fit's and the sd over blocks is 0 by construction. fit.json must say so.
write_calibration "$T/stuck.json" "$TARGET" 0.45 1 2 false 1
"$VICSIM" calibrate "$T/stuck.json" --out "$T/stuck" --jobs 2 --quiet 2>"$T/stuck.err" || { cat "$T/stuck.err"; die "calibrate failed"; }
python3 - "$T/stuck/fit.json" <<'PY' && pass "fit.json flags the unmeasured spread" || fail "a spread of 0 from a stuck refit is not flagged"
import json, sys
fit = json.load(open(sys.argv[1]))
tc = fit["parameters"][0]
print(f"  refit moved: {fit['refits'][0]['moved_from_start']}; tc spread {tc['block_spread']}; warnings {len(fit['warnings'])}")
ok = fit["refits"][0]["moved_from_start"] is False and tc["block_spread"]["informative"] is False
ok &= tc["block_spread"]["refits_moved"] == 0 and len(fit["warnings"]) == 1
sys.exit(0 if ok else 1)
PY
grep -q "calibrate: warning: no refit" "$T/stuck.err" && pass "the warning is printed even with --quiet" ||
  fail "no warning on stderr: $(cat "$T/stuck.err")"

finish calibration_recovery

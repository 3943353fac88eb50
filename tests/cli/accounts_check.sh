#!/usr/bin/env bash
# Validation case "accounts" (issue 12, docs/ODD.md 7.28): an independent re-check of accounts.csv, stocks.csv
# and goods.csv (tests/cli/check_accounts.py, stdlib only, none of the model's code) for short runs of every
# bundled scenario and of variants with early shocks, pilots, a high dispatch share and imports off. A run
# whose own ledger check fails exits 1 and fails here too. Finally a tampered copy must be rejected, so the
# checker is shown to be able to fail.
# Usage: accounts_check.sh VICSIM SOURCE_DIR
set -euo pipefail
VICSIM=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TICKS=${ACCOUNTS_TICKS:-36}
status=0
dirs=()
run() {  # run NAME SCENARIO [vicsim run options...]
  local name=$1 scenario=$2
  shift 2
  if ! "$VICSIM" run "$scenario" --out "$T/$name" --ticks "$TICKS" -q "$@" >"$T/$name.log" 2>&1; then
    echo "$name: vicsim run failed:"
    cat "$T/$name.log"
    status=1
    return
  fi
  dirs+=("$T/$name")
}

# Every bundled scenario as it is (full size; shorter than their own horizon).
for f in "$SRC"/scenarios/*.json "$SRC"/scenarios/examples/*.json; do
  run "$(basename "$f" .json)" "$f" --pilot-replications 1
done
# Variants: shocks inside the horizon, on both paths; a pilot from month 12; dispatch of all overflow; a closed
# cluster (no imports: the Leontief constraint binds); small worlds with many exits.
shocks=(--set shocks.0.start=12 --set shocks.0.duration=6 --set shocks.1.start=20 --set shocks.1.duration=4)
run shocks_platform "$SRC/scenarios/shock_resilience.json" "${shocks[@]}"
run shocks_high_dispatch "$SRC/scenarios/shock_resilience.json" "${shocks[@]}" --set mechanisms.services.dispatch_share=1.0
cat >"$T/shocks_traditional.json" <<EOF
{ "extends": "$SRC/scenarios/traditional.json", "name": "shocks_traditional",
  "shocks": [ { "name": "flood", "kind": "regional_disruption", "start": 10, "duration": 6, "magnitude": 0.6, "region": "Dongguan" },
              { "name": "slump", "kind": "demand", "start": 18, "duration": 6, "magnitude": 0.4 } ] }
EOF
run shocks_traditional "$T/shocks_traditional.json"
run pilot_early "$SRC/scenarios/pilot_program.json" --set policies.0.start=12 --pilot-replications 1
run high_dispatch "$SRC/scenarios/platform_led.json" --set mechanisms.services.dispatch_share=1.0
run high_dispatch_small "$SRC/scenarios/platform_led.json" --set mechanisms.services.dispatch_share=1.0 \
  --set mechanisms.population.count=300 --seed 7
run closed_cluster "$SRC/scenarios/platform_led.json" --set mechanisms.trade.imports=false \
  --set mechanisms.population.count=400
# Demand out of income and wealth (the default closure, ODD 7.69-7.71) with shocks and full dispatch, in a
# small closed cluster, and the open closure (exogenous demand) with shocks for contrast.
run iw_shocks_dispatch "$SRC/scenarios/shock_resilience.json" "${shocks[@]}" \
  --set mechanisms.services.dispatch_share=1.0
run iw_closed_small "$SRC/scenarios/platform_led.json" --set mechanisms.trade.imports=false \
  --set mechanisms.population.count=300 --seed 5
cat >"$T/exogenous_shocks.json" <<EOF
{ "extends": "$SRC/scenarios/households_exogenous.json", "name": "exogenous_shocks",
  "shocks": [ { "name": "slump", "kind": "demand", "start": 14, "duration": 6, "magnitude": 0.4 } ] }
EOF
run exogenous_shocks "$T/exogenous_shocks.json"
run emergent_small "$SRC/scenarios/platform_emergent.json" --set mechanisms.population.count=400 --seed 11

python3 "$SRC/tests/cli/check_accounts.py" "${dirs[@]}" || status=1

# The checker must reject a leak: 1,000 yuan more household deposits in one month of a good run.
cp -r "${dirs[0]}" "$T/tampered"
python3 - "$T/tampered/stocks.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
for r in rows:
    if r[:3] == ["5", "households", "deposits"]:
        r[3] = repr(float(r[3]) + 1000.0)
csv.writer(open(sys.argv[1], "w", newline="")).writerows(rows)
EOF
if python3 "$SRC/tests/cli/check_accounts.py" "$T/tampered" >"$T/tampered.log"; then
  echo "a leak of 1,000 yuan in month 5 was not detected"
  status=1
fi
exit $status

#!/usr/bin/env bash
# Sweep speed-up: the same 16-run experiment (full traditional scenario, 2,000 firms, 60 months) with
# --jobs 1 and --jobs 2, best wall time of REPEATS each (other work on the machine only ever slows a
# repeat down). Prints the times and the speed-up, and checks both results.csv are identical.
#
# Usage: bash bench/sweep_speedup.sh [path-to-vicsim] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
VICSIM=${1:-build/vicsim}
REPEATS=${2:-5}
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
cat >"$T/bench.json" <<JSON
{
  "name": "bench",
  "scenario": "$PWD/scenarios/traditional.json",
  "set": ["ticks=60"],
  "factors": [{"name": "tc", "path": "mechanisms.trade.transaction_cost_base", "range": [0.02, 0.08]}],
  "design": {"type": "latin_hypercube", "points": 8},
  "replications": 2,
  "seed": 1,
  "outputs": [{"name": "output_final", "column": "output", "aggregate": "final"}]
}
JSON
run() {  # wall seconds of one sweep with --jobs $1
  rm -rf "$T/out$1"
  local t0 t1
  t0=$(date +%s.%N)
  "$VICSIM" sweep "$T/bench.json" --out "$T/out$1" --jobs "$1" --quiet
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
min() { if [[ -z $1 ]] || (($(echo "$2 < $1" | bc))); then echo "$2"; else echo "$1"; fi; }
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t1= t2=
for r in $(seq 1 "$REPEATS"); do  # interleaved, so a burst of other work hits both settings alike
  t1=$(min "$t1" "$(run 1)")
  t2=$(min "$t2" "$(run 2)")
done
echo "jobs 1: ${t1} s   jobs 2: ${t2} s   speed-up: $(echo "scale=2; $t1 / $t2" | bc)x   (16 runs, best of $REPEATS)"
cmp -s "$T/out1/results.csv" "$T/out2/results.csv" && echo "results.csv identical for --jobs 1 and 2"

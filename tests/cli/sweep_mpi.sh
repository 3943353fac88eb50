#!/usr/bin/env bash
# `vicsim sweep` under MPI: `mpirun -np 2` spreads the runs over two ranks and writes byte-identical
# results.csv, sensitivity.json and prim.json to `--jobs 1`; resumed under MPI, it runs only the missing runs.
#
# Usage: bash tests/cli/sweep_mpi.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

command -v mpirun >/dev/null || die "mpirun not found: install openmpi-bin (scripts/setup.sh does)"
[[ -f $(dirname "$VICSIM")/libvicsim_mpi.so ]] || die "libvicsim_mpi.so missing beside $VICSIM: build with libopenmpi-dev installed"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-mpi.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT
MPIRUN=(mpirun --allow-run-as-root --oversubscribe -np 2)
export OMPI_MCA_btl_vader_single_copy_mechanism=none  # containers often forbid ptrace-based copies

SCENARIO=$(cd "$SRC" && pwd)/scenarios/traditional.json
cat >"$T/exp.json" <<JSON
{
  "scenario": "$SCENARIO",
  "set": ["ticks=12", "mechanisms.population.count=200"],
  "factors": [
    {"name": "tc", "path": "mechanisms.trade.transaction_cost_base", "range": [0.02, 0.08]},
    {"name": "markup", "path": "mechanisms.market.markup", "range": [0.05, 0.3]}
  ],
  "design": {"type": "sobol", "base_samples": 8, "bootstrap": 100},
  "replications": 1,
  "seed": 3,
  "outputs": [{"name": "output_final", "column": "output", "aggregate": "final"},
              {"name": "firms_mean", "column": "firms", "aggregate": "mean"}],
  "discovery": {"condition": {"kpi": "output_final", "op": ">", "other_kpi": "firms_mean", "scale": 5e5}}
}
JSON

"$VICSIM" sweep "$T/exp.json" --out "$T/serial" --jobs 1 >"$T/serial.log" 2>&1 || { cat "$T/serial.log"; die "serial sweep failed"; }
"${MPIRUN[@]}" "$VICSIM" sweep "$T/exp.json" --out "$T/mpi" >"$T/mpi.log" 2>&1
rc=$?
[[ $rc -eq 0 ]] && pass "mpirun -np 2 vicsim sweep exits 0" || { cat "$T/mpi.log" >&2; fail "mpirun exit $rc"; }
grep -q "with 2 ranks" "$T/mpi.log" && pass "two ranks took part" || fail "not two ranks: $(cat "$T/mpi.log")"
for f in results.csv sensitivity.json sensitivity.csv prim.json; do
  cmp -s "$T/serial/$f" "$T/mpi/$f" && pass "$f identical to --jobs 1" || fail "$f differs under MPI"
done

# Resume under MPI: drop some records, as if the sweep had been killed, and run again.
rm -f "$T/mpi/runs/run_00000"[3-9].json "$T/mpi/results.csv"
"${MPIRUN[@]}" "$VICSIM" sweep "$T/exp.json" --out "$T/mpi" >"$T/mpi2.log" 2>&1 || fail "MPI resume failed: $(cat "$T/mpi2.log")"
grep -q "(7 this time" "$T/mpi2.log" && pass "resume ran only the 7 missing runs" || fail "resume: $(cat "$T/mpi2.log")"
cmp -s "$T/serial/results.csv" "$T/mpi/results.csv" && pass "resumed results.csv identical" || fail "resumed results.csv differs"

finish sweep_mpi

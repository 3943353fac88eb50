#!/usr/bin/env bash
# Compacting exited firms' slots away (every 6 months, agents::ClusterModel::compact) must not change any
# output: each scenario below is run with and without --keep-exited-slots and the run directories must be
# byte-identical (diff -r: firms.csv with its exited rows from the archive, GraphML ids and positions,
# founded points' names and owners, SME survival, the metrics' sums over chunks of firm ids). The scenarios
# cover platforms and 1+N (one_plus_n, at 9,000 firms: three chunks of 4,096 ids), founded points
# (platform_emergent), shocks, vouchers, the pilot's twin runs and the traditional path.
#
# Usage: bash tests/cli/compaction_equivalence.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FATAL: $*" >&2; exit 1; }
[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-compaction.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

check() {  # name scenario args...
  local name=$1 scenario=$2
  shift 2
  for mode in compact keep; do
    local extra=()
    [[ $mode == keep ]] && extra=(--keep-exited-slots)
    "$VICSIM" run "$SRC/scenarios/$scenario" "$@" --threads 2 --quiet "${extra[@]}" --out "$T/$name.$mode" \
      >"$T/$name.$mode.log" 2>&1 || { cat "$T/$name.$mode.log" >&2; die "$name ($mode) failed"; }
  done
  exited=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next } $col["alive"] == 0 { n++ }
    END { print n + 0 }' "$T/$name.compact/firms.csv")
  [[ $exited -gt 0 ]] || die "$name: no exited firm in firms.csv, so nothing was compacted"
  if diff -r "$T/$name.compact" "$T/$name.keep" >"$T/$name.diff"; then
    echo "  ok: $name: byte-identical with and without compaction ($exited exited firms in firms.csv)"
  else
    head -20 "$T/$name.diff" >&2
    die "$name: compacting exited slots changed the outputs"
  fi
}

check one_plus_n one_plus_n.json --ticks 48 --set mechanisms.population.count=9000 --set output.network_every=12
check platform_emergent platform_emergent.json --ticks 60
check shock_resilience shock_resilience.json --ticks 48
check classroom_vouchers classroom_vouchers.json --ticks 36
check pilot_program pilot_program.json --ticks 36 --pilot-replications 2
check traditional traditional.json --ticks 60 --set mechanisms.population.count=3000
echo "compaction equivalence: all scenarios byte-identical"

#!/usr/bin/env bash
# Determinism across threads at scale: the full model at 10,000 firms (one_plus_n.json: platforms, 1+N
# interconnection from month 36, SimGrid layer) for 40 months with GraphML snapshots every 10 months, run
# with --threads 1 and --threads 2; every output file must be byte-identical (diff -r; the provenance in
# scenario.resolved.json records the same --set overrides for both).
#
# Usage: bash tests/cli/threads_determinism.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FATAL: $*" >&2; exit 1; }
[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-threads.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

ARGS=("$SRC/scenarios/one_plus_n.json" --ticks 40 --set mechanisms.population.count=10000
  --set output.network_every=10 --quiet)
for k in 1 2; do
  "$VICSIM" run "${ARGS[@]}" --threads "$k" --out "$T/t$k" >"$T/log$k" 2>&1 ||
    { cat "$T/log$k" >&2; die "run with --threads $k failed"; }
done
files=$(cd "$T/t1" && find . -type f | sort)
echo "== $(echo "$files" | wc -l) files per run:" $files
[[ $(find "$T/t1/network" -name 'tick_*.graphml' | wc -l) -eq 4 ]] || die "expected 4 GraphML snapshots"
[[ $(wc -l <"$T/t1/timeseries.csv") -eq 41 ]] || die "timeseries.csv does not have 40 rows"
if diff -r "$T/t1" "$T/t2" >"$T/diff.txt"; then
  echo "  ok: --threads 1 and --threads 2 wrote byte-identical run directories (10,000 firms, 40 months)"
else
  head -20 "$T/diff.txt" >&2
  die "--threads 2 output differs from --threads 1"
fi

#!/usr/bin/env bash
# Determinism across threads at scale: the full model at 28,000 firms (one_plus_n.json: platforms, 1+N
# interconnection from month 36, SimGrid layer) for 40 months with GraphML snapshots every 10 months, run
# with --threads 1 and --threads 2; every output file must be byte-identical (diff -r; the provenance in
# scenario.resolved.json records the same --set overrides for both).
# The size is chosen so every firm type (industry x stage) splits into at least 4 of the per-type chunks of
# 256 firms (orders, realise_production): with only 2 chunks per type (10,000 firms: the smallest type has
# about 500), a combination of partial sums in another order than chunk order (e.g. per worker: even chunks,
# then odd ones) gives the same order and goes unnoticed. The test checks that size at the end of the run.
#
# Usage: bash tests/cli/threads_determinism.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FATAL: $*" >&2; exit 1; }
[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-threads.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

ARGS=("$SRC/scenarios/one_plus_n.json" --ticks 40 --set mechanisms.population.count=28000
  --set output.network_every=10 --quiet)
for k in 1 2; do
  "$VICSIM" run "${ARGS[@]}" --threads "$k" --out "$T/t$k" >"$T/log$k" 2>&1 ||
    { cat "$T/log$k" >&2; die "run with --threads $k failed"; }
done
files=$(cd "$T/t1" && find . -type f | sort)
echo "== $(echo "$files" | wc -l) files per run:" $files
[[ $(find "$T/t1/network" -name 'tick_*.graphml' | wc -l) -eq 4 ]] || die "expected 4 GraphML snapshots"
[[ $(wc -l <"$T/t1/timeseries.csv") -eq 41 ]] || die "timeseries.csv does not have 40 rows"
# Every type still has at least 4 chunks of 256 alive firms at the end (firms.csv: alive, industry, stage).
smallest=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; ++i) col[$i] = i; next }
  $col["alive"] == 1 { n[$col["industry"] "/" $col["stage"]]++ }
  END { m = -1; for (k in n) if (m < 0 || n[k] < m) m = n[k]; print m }' "$T/t1/firms.csv")
echo "== smallest firm type at the end: $smallest alive firms"
[[ $smallest -ge 1024 ]] || die "smallest firm type has $smallest alive firms (< 4 chunks of 256)"
if diff -r "$T/t1" "$T/t2" >"$T/diff.txt"; then
  echo "  ok: --threads 1 and --threads 2 wrote byte-identical run directories (28,000 firms, 40 months)"
else
  head -20 "$T/diff.txt" >&2
  die "--threads 2 output differs from --threads 1"
fi

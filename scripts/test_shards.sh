#!/usr/bin/env bash
# Runs the test cases a Catch2 filter selects in JOBS processes side by side, one per core: CI's sanitizer
# pass (scripts/reliability.sh) ran its 145 cases in one process for 198 s with a core idle. The cases are
# dealt in turn to the processes; each reads its names from a file (Catch2 -f), with the characters Catch2
# reads as test-spec syntax escaped. Before running, the shards must list exactly as many cases as the
# filter; each shard's output is printed, and any shard failing fails the script (exit 1).
# Usage: bash scripts/test_shards.sh CATCH2_BINARY FILTER   (JOBS=N processes, default 2)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bash scripts/test_shards.sh CATCH2_BINARY FILTER" >&2; exit 2; }
bin=$1 filter=$2
n_shards=${JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Catch2 2.x exits with the number of test cases a listing names, so its status is not an error here
# (tests/cli/sanitizer_subset.sh reads listings the same way); a short listing is caught by the count below.
list_names() { { "$bin" "$@" --list-test-names-only || true; } | sed '/^$/d'; }
list_names "$filter" > "$work/selected"
selected=$(wc -l < "$work/selected")
[ "$selected" -gt 0 ] || { echo "test_shards: the filter selects no test case: $filter" >&2; exit 1; }
sed -e 's/[][*,\\]/\\&/g' "$work/selected" |
  awk -v dir="$work" -v n="$n_shards" '{ print > (dir "/names" ((NR - 1) % n)) }'
shards=()
for ((k = 0; k < n_shards; ++k)); do
  if [ -s "$work/names$k" ]; then shards+=("$work/names$k"); fi
done
dealt=0
for names in "${shards[@]}"; do dealt=$((dealt + $(list_names -f "$names" | wc -l))); done
if [ "$dealt" -ne "$selected" ]; then
  echo "test_shards: the shards select $dealt test cases, the filter $selected" >&2
  exit 1
fi
pids=()
for names in "${shards[@]}"; do
  "$bin" -f "$names" > "$names.log" 2>&1 &
  pids+=($!)
done
failed=0
for k in "${!pids[@]}"; do
  wait "${pids[$k]}" || failed=1
  echo "-- shard $((k + 1)) of ${#pids[@]}"
  cat "${shards[$k]}.log"
done
[ "$failed" -eq 0 ] || { echo "test_shards: a shard failed (its output is above)" >&2; exit 1; }

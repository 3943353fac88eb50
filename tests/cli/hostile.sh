#!/usr/bin/env bash
# The hostile-input corpus (tests/hostile/): every file through `vicsim validate` and `vicsim run`, every
# --set line of SETS.tsv likewise, every experiment file through `vicsim sweep`, plus generated cases too
# big or too special to commit (70,000 levels of nesting, a 17 MiB file, /dev/zero, a directory, a FIFO).
# Each must end with the expected exit code (2 for a refusal), never a crash (>= 128) or "internal error",
# with a message naming the file and containing the manifest's fragment, and no output directory, staging
# directory or lock file left behind.
#
# Usage: bash tests/cli/hostile.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
H=$SRC/tests/hostile
failures=0
checked=0
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-hostile.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# check LABEL WANT_RC SHOWN FRAGMENT OUTPARENT -- ARGS...: runs vicsim ARGS and checks the outcome.
check() {
  local label=$1 want=$2 shown=$3 frag=$4 outparent=$5
  shift 6
  checked=$((checked + 1))
  timeout 120 "$VICSIM" "$@" >"$T/stdout" 2>"$T/stderr"
  local rc=$?
  if [[ $rc -ne $want ]]; then
    fail "$label: exit $rc, expected $want: $(head -c 300 "$T/stderr")"
    return
  fi
  if grep -q "internal error" "$T/stderr"; then fail "$label: internal error: $(head -c 300 "$T/stderr")"; fi
  if [[ $want -ne 0 ]]; then
    grep -qF -- "$shown" "$T/stderr" || fail "$label: the message does not name '$shown': $(head -c 300 "$T/stderr")"
    grep -qF -- "$frag" "$T/stderr" || fail "$label: the message lacks '$frag': $(head -c 300 "$T/stderr")"
    [[ $(wc -c <"$T/stderr") -lt 20000 ]] || fail "$label: the message is $(wc -c <"$T/stderr") bytes long"
    if [[ -n $outparent && -d $outparent ]] && [[ -n $(ls -A "$outparent") ]]; then
      fail "$label: left $(ls -A "$outparent" | tr '\n' ' ') in $outparent"
    fi
  fi
}

# scenario FILE VALIDATE_RC RUN_RC FRAGMENT
scenario() {
  local file=$1 vrc=$2 rrc=$3 frag=$4 name
  name=$(basename "$file" .json)
  check "validate $name" "$vrc" "$file" "$frag" "" -- validate "$file"
  mkdir -p "$T/out/$name"
  check "run $name" "$rrc" "$file" "$frag" "$T/out/$name" -- run "$file" --out "$T/out/$name/run" -q
}

echo "== the base files are valid (so every refusal below is the hostile part's doing)"
check "validate base" 0 "" "" "" -- validate "$H/base.json"

echo "== scenario files (MANIFEST.tsv)"
while IFS=$'\t' read -r file vrc rrc frag; do
  [[ $file == \#* || -z $file ]] && continue
  scenario "$H/$file" "$vrc" "$rrc" "$frag"
done <"$H/MANIFEST.tsv"

echo "== generated scenario files"
python3 -c 'import sys; n=70000; sys.stdout.write("{\"description\":" + "["*n + "]"*n + "}")' >"$T/deep.json"
scenario "$T/deep.json" 2 2 "nested deeper than 64 levels"
python3 -c 'import sys; sys.stdout.write("{\"description\": \"" + "x"*(17<<20) + "\"}")' >"$T/huge.json"
scenario "$T/huge.json" 2 2 "bytes; at most 16777216 are accepted"
scenario /dev/zero 2 2 "found a character device"
mkdir -p "$T/a_directory.json"
scenario "$T/a_directory.json" 2 2 "found a directory"
mkfifo "$T/fifo.json"
scenario "$T/fifo.json" 2 2 "found a pipe"

echo "== --set values (SETS.tsv)"
i=0
while IFS=$'\t' read -r set frag; do
  [[ $set == \#* || -z $set ]] && continue
  i=$((i + 1))
  check "validate --set '$set'" 2 "base.json" "$frag" "" -- validate "$H/base.json" --set "$set"
  mkdir -p "$T/set/$i"
  check "run --set '$set'" 2 "base.json" "$frag" "$T/set/$i" -- run "$H/base.json" --set "$set" --out "$T/set/$i/run" -q
done <"$H/SETS.tsv"
check "run --seed -1" 2 "--seed" "expected an integer from 0" "" -- run "$H/base.json" --seed -1 --out "$T/x"

echo "== experiment files (EXPERIMENTS.tsv) through sweep"
mkdir -p "$T/sw"
check "sweep experiment_base" 0 "" "" "" -- sweep "$H/experiment_base.json" --out "$T/ok_sweep" -q --jobs 2
[[ -f $T/ok_sweep/results.csv ]] || fail "the base experiment left no results.csv"
while IFS=$'\t' read -r file rc frag; do
  [[ $file == \#* || -z $file ]] && continue
  name=$(basename "$file" .json)
  mkdir -p "$T/sw/$name"
  check "sweep $name" "$rc" "$H/$file" "$frag" "$T/sw/$name" -- sweep "$H/$file" --out "$T/sw/$name/out" -q
done <"$H/EXPERIMENTS.tsv"
python3 -c 'import sys; n=70000; sys.stdout.write("{\"name\":" + "["*n + "]"*n + "}")' >"$T/deep_experiment.json"
mkdir -p "$T/sw/deep"
check "sweep deep" 2 "$T/deep_experiment.json" "nested deeper than 64 levels" "$T/sw/deep" -- sweep "$T/deep_experiment.json" --out "$T/sw/deep/out" -q
mkdir -p "$T/sw/zero"
check "sweep /dev/zero" 2 "/dev/zero" "found a character device" "$T/sw/zero" -- sweep /dev/zero --out "$T/sw/zero/out" -q

echo "$checked invocations checked, $failures failed"
[[ $failures -eq 0 ]]

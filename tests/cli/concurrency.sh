#!/usr/bin/env bash
# Concurrent and interrupted writers: a second writer of one output directory is refused (exit 2, naming
# the holder's pid), staging left by a killed writer is removed by the next one, SIGTERM stops a run in
# its twin (no-pilot) phase with nothing written, and a sweep run killed by a signal is retried on resume
# so that the resumed sweep equals a clean one, while a run that failed in the model stays failed.
#
# Usage: bash tests/cli/concurrency.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
H=$(cd "$SRC/tests/hostile" && pwd)
failures=0
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "  ok: $*"; }
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-concurrency.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

echo "== a second writer of the same --out is refused and told who holds it"
"$VICSIM" run "$H/base.json" --ticks 100000 --out "$T/run" -q 2>"$T/first.err" &
first=$!
for _ in $(seq 100); do [[ -e $T/.run.lock ]] && break; sleep 0.05; done
"$VICSIM" run "$H/base.json" --out "$T/run" --force -q 2>"$T/second.err"
rc=$?
if [[ $rc -eq 2 ]] && grep -qF "in use by another vicsim (pid $first" "$T/second.err"; then
  pass "second run refused: $(head -1 "$T/second.err" | cut -c1-160)"
else
  fail "second run: exit $rc: $(cat "$T/second.err")"
fi
mkdir -p "$T/exp"
# The corpus's valid experiment, with runs long enough (150 months) to be killed in flight.
python3 - "$H/experiment_base.json" "$T/exp/e.json" "$H/base.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1])); e["scenario"] = sys.argv[3]; e["set"] = ["ticks=150"]
json.dump(e, open(sys.argv[2], "w"))
PY
kill -TERM "$first"
wait "$first"
rc=$?
[[ $rc -eq 130 ]] && pass "SIGTERM: exit 130" || fail "SIGTERM gave exit $rc"
[[ -z $(ls -A "$T" | grep -v '^exp$\|\.err$') ]] && pass "nothing left after SIGTERM" ||
  fail "left after SIGTERM: $(ls -A "$T")"

echo "== staging of a killed writer is removed by the next writer"
"$VICSIM" run "$H/base.json" --ticks 100000 --out "$T/run2" -q 2>/dev/null &
victim=$!
for _ in $(seq 100); do [[ -d $T/.run2.tmp-$victim ]] && break; sleep 0.05; done
kill -KILL "$victim"
wait "$victim" 2>/dev/null
[[ -d $T/.run2.tmp-$victim ]] && pass "SIGKILL left .run2.tmp-$victim" || fail "no staging to clean up"
"$VICSIM" run "$H/base.json" --out "$T/run2" -q
[[ ! -e $T/.run2.tmp-$victim && -f $T/run2/summary.json ]] && pass "the next writer removed it" ||
  fail "stale staging still there: $(ls -A "$T")"

echo "== SIGTERM during the twin (no-pilot) run of a pilot scenario"
"$VICSIM" run "$SRC/scenarios/pilot_program.json" --set mechanisms.population.count=300 --ticks 120 \
  --out "$T/pilot_full" -q 2>/dev/null
for delay in 0.3 0.8 1.5; do
  "$VICSIM" run "$SRC/scenarios/pilot_program.json" --set mechanisms.population.count=300 --ticks 120 \
    --out "$T/pilot" -q 2>/dev/null &
  p=$!
  sleep "$delay"
  kill -TERM "$p" 2>/dev/null
  wait "$p"
  rc=$?
  if [[ $rc -eq 0 ]]; then
    echo "  (run finished before the signal at ${delay}s)"
    rm -rf "$T/pilot"
  elif [[ $rc -eq 130 && ! -e $T/pilot && -z $(ls -A "$T" | grep '^\.pilot') ]]; then
    pass "SIGTERM after ${delay}s: exit 130, nothing written"
  else
    fail "SIGTERM after ${delay}s: exit $rc, left $(ls -A "$T" | grep pilot | tr '\n' ' ')"
  fi
done

echo "== a sweep run killed by a signal is retried on resume; a model failure is kept"
"$VICSIM" sweep "$T/exp/e.json" --out "$T/clean" -q --jobs 1 || fail "clean sweep failed"
rm -rf "$T/killed"
"$VICSIM" sweep "$T/exp/e.json" --out "$T/killed" -q --jobs 1 &
sweep=$!
killed=""
for _ in $(seq 400); do
  child=$(pgrep -P "$sweep" | head -1)
  if [[ -n $child ]]; then
    kill -KILL "$child" && killed=$child
    break
  fi
  sleep 0.01
done
wait "$sweep"
if [[ -z $killed ]]; then
  fail "never saw a sweep child to kill"
else
  grep -l '"transient": true' "$T/killed/runs/"*.json >/dev/null 2>&1 && pass "the killed run is recorded as transient" ||
    fail "no transient record after killing $killed: $(cat "$T/killed/runs/"*.json | head -c 400)"
  "$VICSIM" sweep "$T/exp/e.json" --out "$T/killed" -q --jobs 1 || fail "resume failed"
  cmp -s "$T/clean/results.csv" "$T/killed/results.csv" && pass "resumed results.csv equals the clean one" ||
    fail "resumed results differ: $(diff "$T/clean/results.csv" "$T/killed/results.csv" | head -5)"
fi
# A model failure (non-transient) stays failed on resume: mark one record failed by hand.
rec=$T/killed/runs/run_000000.json
python3 - "$rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["status"] = "failed"; r["error"] = "model failure"; r["kpis"] = ["NA"] * len(r["kpis"])
json.dump(r, open(sys.argv[1], "w"))
PY
"$VICSIM" sweep "$T/exp/e.json" --out "$T/killed" -q --jobs 1
grep -q "model failure" "$T/killed/results.csv" && pass "a model failure is kept on resume" ||
  fail "the model failure was retried"

echo "== two sweeps on one directory: the second is refused"
"$VICSIM" sweep "$T/exp/e.json" --out "$T/race" -q --jobs 1 &
s1=$!
for _ in $(seq 200); do [[ -e $T/.race.lock ]] && break; sleep 0.01; done
"$VICSIM" sweep "$T/exp/e.json" --out "$T/race" -q --jobs 1 2>"$T/race.err"
rc=$?
wait "$s1"
[[ $rc -eq 2 ]] && grep -qF "in use by another vicsim (pid $s1" "$T/race.err" && pass "second sweep refused" ||
  fail "second sweep: exit $rc: $(cat "$T/race.err")"
cmp -s "$T/clean/results.csv" "$T/race/results.csv" && pass "the first sweep's results are intact" ||
  fail "the raced sweep's results differ"

echo "== output errors are exit 2 naming the path (a parent that is a file; read-only when not root)"
touch "$T/afile"
"$VICSIM" run "$H/base.json" --out "$T/okrun" -q
bad=("$T/afile")
mkdir -p "$T/ro" && chmod 555 "$T/ro"
[[ $(id -u) -ne 0 ]] && bad+=("$T/ro")
for parent in "${bad[@]}"; do
  for cmd in "run $H/base.json --out $parent/x -q" "sweep $T/exp/e.json --out $parent/s -q" \
    "compare $H/base.json $H/base.json -n 2 --out $parent/c -q" "report $T/okrun --out $parent/r.html"; do
    $VICSIM $cmd 2>"$T/out.err"
    rc=$?
    [[ $rc -eq 2 ]] && grep -qF "$parent" "$T/out.err" && pass "${cmd%% *} into $parent: exit 2 naming the path" ||
      fail "$cmd: exit $rc: $(cat "$T/out.err")"
  done
done
chmod 755 "$T/ro"

[[ $failures -eq 0 ]]

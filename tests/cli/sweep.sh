#!/usr/bin/env bash
# End-to-end checks of `vicsim sweep` and `vicsim discover`.
#
# Usage: bash tests/cli/sweep.sh <path-to-vicsim> <source-dir>
#
# Checks: bad experiment files exit 2 naming file and JSON path, and create nothing; --jobs 2 gives
# byte-identical results.csv, sensitivity.* and prim.* to --jobs 1; a sweep killed with SIGKILL (several
# times, at different moments) or SIGINT resumes to a results.csv byte-identical to an uninterrupted one,
# with no child left running; a changed experiment is refused (exit 2) and --force starts over; a failing
# run is recorded with its error without stopping the sweep; --keep-runs keeps run directories and gives
# the same results; discover writes PRIM boxes and rejects bad conditions; the bundled examples run.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-sweep.XXXXXX") || die "mktemp -d failed"
BG_PID=
cleanup() {
  if [[ -n $BG_PID ]] && kill -0 "$BG_PID" 2>/dev/null; then kill -KILL "$BG_PID" 2>/dev/null; fi
  rm -rf "$T"
}
trap cleanup EXIT

SCENARIO=$(cd "$SRC" && pwd)/scenarios/traditional.json  # absolute: experiment paths are relative to the file
# A small Morris experiment with discovery: 6 trajectories x 4 points x 2 replications = 48 short runs.
cat >"$T/morris.json" <<JSON
{
  "name": "cli_morris",
  "scenario": "$SCENARIO",
  "set": ["ticks=18", "mechanisms.population.count=250"],
  "factors": [
    {"name": "tc", "path": "mechanisms.trade.transaction_cost_base", "range": [0.02, 0.08]},
    {"name": "remote", "path": "mechanisms.trade.remote_candidates", "range": [0, 12], "integer": true},
    {"name": "trade", "path": "mechanisms.trade.enabled", "levels": [true, false]}
  ],
  "design": {"type": "morris", "trajectories": 6, "levels": 4, "bootstrap": 200},
  "replications": 2,
  "seed": 99,
  "outputs": [
    {"name": "output_final", "column": "output", "aggregate": "final"},
    {"name": "output_first", "column": "output", "aggregate": "first"},
    {"name": "firms_t6", "column": "firms", "tick": 6}
  ],
  "discovery": {"condition": {"kpi": "output_final", "op": ">", "other_kpi": "output_first", "scale": 0.8}}
}
JSON

# sweep NAME ARGS...: runs vicsim sweep, output to $T/NAME.log; returns its exit code.
sweep() {
  local name=$1
  shift
  "$VICSIM" sweep "$@" >"$T/$name.log" 2>&1
}

# ---------------------------------------------------------------------------
section "bad input: exit 2, file and JSON path named, nothing created"
sweep missing "$T/no-such.json" --out "$T/bad1"
rc=$?
[[ $rc -eq 2 ]] && pass "missing file exits 2" || fail "missing file exited $rc"
python3 - "$T/morris.json" "$T/bad.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
e["design"]["type"] = "moris"
e["factors"][0]["range"] = [0.02, 9]
e["outputs"][0]["column"] = "outptu"
e["replicatons"] = 2
json.dump(e, open(sys.argv[2], "w"))
PY
sweep bad "$T/bad.json" --out "$T/bad2"
rc=$?
[[ $rc -eq 2 ]] && pass "invalid experiment exits 2" || fail "invalid experiment exited $rc"
for expect in "bad.json: design.type: unknown value 'moris' (did you mean 'morris'?)" \
  "outputs[0].column: unknown timeseries.csv column 'outptu' (did you mean 'output'?)" \
  "bad.json: replicatons: unknown key (did you mean 'replications'?)"; do
  grep -qF "$expect" "$T/bad.log" && pass "reports: $expect" || { cat "$T/bad.log" >&2; fail "missing message: $expect"; }
done
# The factor range is only checked against the scenario once the file itself is sound.
python3 - "$T/morris.json" "$T/bad3.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
e["factors"][0]["range"] = [0.02, 9]
json.dump(e, open(sys.argv[2], "w"))
PY
sweep bad3 "$T/bad3.json" --out "$T/bad3"
grep -qF "factors[0]: value 9 for 'mechanisms.trade.transaction_cost_base' is not valid in the scenario" "$T/bad3.log" &&
  pass "factor values beyond the scenario schema are reported" || { cat "$T/bad3.log" >&2; fail "factor range not checked"; }
[[ ! -e $T/bad1 && ! -e $T/bad2 && ! -e $T/bad3 ]] && pass "no output directory created" || fail "bad input created a directory"

# ---------------------------------------------------------------------------
section "--jobs 2 gives byte-identical outputs to --jobs 1"
sweep j1 "$T/morris.json" --out "$T/j1" --jobs 1 || { cat "$T/j1.log" >&2; die "sweep --jobs 1 failed"; }
sweep j2 "$T/morris.json" --out "$T/j2" --jobs 2 || { cat "$T/j2.log" >&2; die "sweep --jobs 2 failed"; }
for f in results.csv sensitivity.json sensitivity.csv prim.json prim.csv sweep.json; do
  [[ -s $T/j1/$f ]] || fail "$f missing"
  cmp -s "$T/j1/$f" "$T/j2/$f" && pass "$f identical" || fail "$f differs between --jobs 1 and 2"
done
rows=$(($(wc -l <"$T/j1/results.csv") - 1))
[[ $rows -eq 48 ]] && pass "48 rows" || fail "expected 48 rows, got $rows"
head -1 "$T/j1/results.csv" | grep -qx "run_id,point,replication,seed,tc,remote,trade,output_final,output_first,firms_t6,status,error" &&
  pass "tidy header" || fail "unexpected header: $(head -1 "$T/j1/results.csv")"
[[ ! -e $T/j1/work && -z $(ls "$T/j1/runs" | grep -v '^run_[0-9]*\.json$') ]] && pass "run directories removed, records kept" ||
  fail "leftovers: $(ls "$T/j1" "$T/j1/runs" | head)"
# Seeds differ by replication, factor values repeat within a point.
python3 - "$T/j1/results.csv" <<'PY' && pass "seeds unique, factors constant within a point" || fail "seed/factor layout"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len({r["seed"] for r in rows}) == len(rows)
for a, b in zip(rows[0::2], rows[1::2]):
    assert a["point"] == b["point"] and (a["tc"], a["remote"], a["trade"]) == (b["tc"], b["remote"], b["trade"])
    assert all(r["status"] == "ok" for r in (a, b))
PY

# ---------------------------------------------------------------------------
section "resume after SIGKILL at several moments, and after SIGINT"
records() { ls "$1/runs" 2>/dev/null | grep -c '^run_.*\.json$'; }
for attempt in 1 2 3; do
  "$VICSIM" sweep "$T/morris.json" --out "$T/k" --jobs 2 >"$T/k$attempt.log" 2>&1 &
  BG_PID=$!
  target=$((attempt * 12))
  for _ in $(seq 1 400); do
    [[ $(records "$T/k") -ge $target ]] && break
    kill -0 "$BG_PID" 2>/dev/null || break
    sleep 0.01
  done
  kill -KILL "$BG_PID" 2>/dev/null
  wait "$BG_PID" 2>/dev/null
  BG_PID=
  echo "  killed attempt $attempt with $(records "$T/k") records"
done
sleep 0.3
if pgrep -f -- "--out $T/k/work" >/dev/null; then fail "child runs survived their killed sweep"; else pass "no child run outlived the sweep"; fi
"$VICSIM" sweep "$T/morris.json" --out "$T/k" --jobs 2 >"$T/k_last.log" 2>&1 &
BG_PID=$!
for _ in $(seq 1 400); do
  [[ $(records "$T/k") -ge 44 ]] && break
  kill -0 "$BG_PID" 2>/dev/null || break
  sleep 0.01
done
kill -INT "$BG_PID" 2>/dev/null
wait "$BG_PID"
rc=$?
BG_PID=
[[ $rc -eq 130 || $rc -eq 0 ]] && pass "SIGINT exits 130 (or 0 if it had finished): $rc" || fail "SIGINT exit code $rc"
if [[ $rc -eq 130 ]]; then  # an unfinished sweep: discover refuses it, the report says so
  "$VICSIM" discover "$T/k" --where "output_final > 3" >"$T/disc_unfinished.log" 2>&1
  drc=$?
  [[ $drc -eq 2 ]] && grep -q "the sweep is unfinished" "$T/disc_unfinished.log" &&
    pass "discover refuses an unfinished sweep" || fail "discover on an unfinished sweep: $drc $(cat "$T/disc_unfinished.log")"
  "$VICSIM" report "$T/k" --out "$T/k_report.html" >/dev/null 2>&1 && grep -q "This sweep is unfinished" "$T/k_report.html" &&
    pass "the report of an unfinished sweep says so" || fail "report of an unfinished sweep does not say it is unfinished"
  rm -f "$T/k_report.html"
fi
sweep k_resume "$T/morris.json" --out "$T/k" --jobs 2 || { cat "$T/k_resume.log" >&2; fail "resume failed"; }
for f in results.csv sensitivity.json prim.json; do
  cmp -s "$T/j1/$f" "$T/k/$f" && pass "resumed $f identical to the uninterrupted sweep" ||
    { diff "$T/j1/$f" "$T/k/$f" | head -5 >&2; fail "resumed $f differs"; }
done
sweep k_again "$T/morris.json" --out "$T/k" --jobs 2
grep -q "(0 this time" "$T/k_again.log" && pass "a finished sweep runs nothing again" || fail "re-ran runs: $(cat "$T/k_again.log")"

# ---------------------------------------------------------------------------
section "a changed experiment is refused; --force starts over"
sed 's/"seed": 99/"seed": 100/' "$T/morris.json" >"$T/morris2.json"
sweep changed "$T/morris2.json" --out "$T/k"
rc=$?
[[ $rc -eq 2 ]] && grep -q "different experiment" "$T/changed.log" && pass "refused with exit 2" ||
  fail "changed experiment: exit $rc: $(cat "$T/changed.log")"
cmp -s "$T/j1/results.csv" "$T/k/results.csv" && pass "the refused sweep's results are untouched" || fail "results.csv was touched"
python3 - "$T/k/sweep.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["git_hash"] = "0123abc"; json.dump(m, open(sys.argv[1], "w"))
PY
sweep rebuilt "$T/morris.json" --out "$T/k"
rc=$?
[[ $rc -eq 2 ]] && grep -q "begun by vicsim 0123abc.*mix results of two model versions" "$T/rebuilt.log" &&
  pass "a sweep begun by another vicsim build is refused with exit 2" || fail "other build: exit $rc: $(cat "$T/rebuilt.log")"
cmp -s "$T/j1/results.csv" "$T/k/results.csv" && pass "the refused sweep's results are untouched" || fail "results.csv was touched"
mkdir -p "$T/other" && echo x >"$T/other/file"
sweep force "$T/morris2.json" --out "$T/k" --force
[[ $? -eq 0 ]] && ! cmp -s "$T/j1/results.csv" "$T/k/results.csv" && [[ $(records "$T/k") -eq 48 ]] &&
  pass "--force discards the old sweep and runs the new one" || fail "--force: $(cat "$T/force.log")"
sweep other "$T/morris.json" --out "$T/other" --force
[[ $? -eq 2 && -f $T/other/file ]] && pass "a non-sweep directory is refused and kept, even with --force" ||
  fail "non-sweep directory"

# ---------------------------------------------------------------------------
section "a failing run is recorded and the sweep goes on"
cat >"$T/fail.json" <<JSON
{
  "scenario": "$SCENARIO",
  "set": ["ticks=6", "mechanisms.population.count=100"],
  "factors": [
    {"name": "size_min", "path": "mechanisms.population.size_min", "levels": [5, 40]},
    {"name": "size_max", "path": "mechanisms.population.size_max", "levels": [20, 5000]}
  ],
  "design": {"type": "full_factorial"},
  "outputs": [{"name": "firms", "column": "firms", "aggregate": "final"}]
}
JSON
sweep fail "$T/fail.json" --out "$T/fail" --jobs 2
rc=$?
[[ $rc -eq 0 ]] && pass "sweep with a failing run exits 0" || fail "exit $rc: $(cat "$T/fail.log")"
python3 - "$T/fail/results.csv" <<'PY' && pass "failed run: status failed, KPIs NA, error names the problem" || fail "failure row: $(cat "$T/fail/results.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["status"] for r in rows] == ["ok", "ok", "failed", "ok"], rows
bad = rows[2]
assert bad["firms"] == "NA" and "exit code 2" in bad["error"] and "size_max" in bad["error"], bad
PY

# ---------------------------------------------------------------------------
section "--keep-runs keeps run directories and gives the same results"
sweep keep "$T/morris.json" --out "$T/keep" --jobs 2 --keep-runs || fail "--keep-runs failed"
[[ -f $T/keep/runs/run_000000/timeseries.csv && -f $T/keep/runs/run_000047/summary.json ]] &&
  pass "run directories kept" || fail "run directories missing"
cmp -s "$T/j1/results.csv" "$T/keep/results.csv" && pass "results.csv identical with --keep-runs" || fail "--keep-runs changed results"

# ---------------------------------------------------------------------------
section "discover"
"$VICSIM" discover "$T/j1" --where "output_final > 1.1 * output_first" --threshold 0.7 >"$T/disc.log" 2>&1 &&
  python3 -c "import json,sys; p=json.load(open(sys.argv[1])); assert p['condition']=='output_final > 1.1 * output_first' and p['points']==48" "$T/j1/prim.json" &&
  head -1 "$T/j1/prim.csv" | grep -qx "box,factor,low,high,restricted,coverage,density,mass" &&
  pass "discover writes prim.json and prim.csv" || fail "discover: $(cat "$T/disc.log")"
"$VICSIM" discover "$T/j1" --where "output_finl > 3" >"$T/disc2.log" 2>&1
[[ $? -eq 2 ]] && grep -q "did you mean 'output_final'" "$T/disc2.log" && pass "unknown KPI: exit 2 with a suggestion" ||
  fail "bad --where: $(cat "$T/disc2.log")"
"$VICSIM" discover "$T/j1" --where "output_final >> 3" >"$T/disc3.log" 2>&1
[[ $? -eq 2 ]] && pass "malformed condition: exit 2" || fail "malformed condition accepted"
mkdir -p "$T/badcsv" && cp "$T/j1/sweep.json" "$T/badcsv/" && printf 'run_id,output_final\n0,1,2\n' >"$T/badcsv/results.csv"
"$VICSIM" discover "$T/badcsv" --where "output_final > 3" >"$T/disc4.log" 2>&1
[[ $? -eq 2 ]] && grep -q "badcsv/results.csv: data row 1 has 3 fields" "$T/disc4.log" &&
  pass "malformed results.csv: exit 2 naming the file and row" || fail "malformed results.csv: $(cat "$T/disc4.log")"

# ---------------------------------------------------------------------------
section "bundled example experiments"
for ex in platform_vs_traditional_lhs traditional_morris traditional_sobol; do
  sweep "ex_$ex" "$SRC/experiments/$ex.json" --out "$T/ex_$ex" --jobs 2 || { cat "$T/ex_$ex.log" >&2; fail "$ex failed"; continue; }
  if grep -q ',failed,' "$T/ex_$ex/results.csv"; then fail "$ex has failed runs"; else pass "$ex: $(tail -1 "$T/ex_$ex.log")"; fi
done
[[ -s $T/ex_platform_vs_traditional_lhs/prim.json && -s $T/ex_traditional_morris/sensitivity.csv &&
  -s $T/ex_traditional_sobol/sensitivity.json ]] && pass "analyses written" || fail "example analyses missing"

finish sweep

#!/usr/bin/env bash
# End-to-end checks of the vicsim executable.
#
# Usage: bash tests/cli/end_to_end.sh <path-to-vicsim> <source-dir>
#
# Checks: same seed -> byte-identical run directories; --threads 2 == --threads 1;
# another seed changes the time series; the run directory layout, timeseries.csv
# header and row count, scenario.resolved.json provenance and fully-resolved keys;
# platforms.csv of a platform-led run the same across runs and --threads, one row per tick x platform;
# --set switching spillovers off; GraphML snapshot against networkx
# (tests/cli/check_graphml.py); SIGINT leaves no output and no staging directory;
# a non-empty output directory is refused without --force and replaced with it.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
SCENARIO=$SRC/scenarios/traditional.json
PY=/usr/bin/python3
CHECK_GRAPHML=$SRC/tests/cli/check_graphml.py
SEED=424242
OTHER_SEED=777
SHORT=36  # ticks for runs that do not need the full 120 months

failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }
section() { echo; echo "== $*"; }

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
[[ -f $SCENARIO ]] || die "scenario '$SCENARIO' not found"
[[ -f $CHECK_GRAPHML ]] || die "'$CHECK_GRAPHML' not found"
[[ -x $PY ]] || die "$PY not found; the GraphML check needs Debian's python3 with python3-networkx"
"$PY" -c 'import networkx' 2>/dev/null ||
  die "$PY cannot import networkx; install python3-networkx (apt-get install python3-networkx)"

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-e2e.XXXXXX") || die "mktemp -d failed"
BG_PID=
cleanup() {
  if [[ -n $BG_PID ]] && kill -0 "$BG_PID" 2>/dev/null; then kill -KILL "$BG_PID" 2>/dev/null; fi
  rm -rf "$T"
}
trap cleanup EXIT

# run_ok DIR ARGS...: run the traditional scenario into DIR; abort the test if it fails.
run_ok() {
  local out=$1
  shift
  "$VICSIM" run "$SCENARIO" --out "$out" --quiet "$@" >"$out.log" 2>&1
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    cat "$out.log" >&2
    die "'vicsim run $SCENARIO --out $out --quiet $*' exited $rc (expected 0)"
  fi
}

# ---------------------------------------------------------------------------
section "determinism: two runs with --seed $SEED are byte-identical"
run_ok "$T/a" --seed "$SEED"
run_ok "$T/b" --seed "$SEED"
if diff -r "$T/a" "$T/b" >"$T/diff_ab.txt" 2>&1; then
  pass "diff -r of two same-seed run directories is empty"
else
  head -20 "$T/diff_ab.txt" >&2
  fail "two runs with --seed $SEED differ (diff -r above)"
fi

section "threads: --threads 2 is byte-identical to --threads 1"
run_ok "$T/t1" --seed "$SEED" --threads 1
run_ok "$T/t2" --seed "$SEED" --threads 2
if diff -r "$T/t1" "$T/t2" >"$T/diff_t.txt" 2>&1; then
  pass "diff -r of --threads 1 and --threads 2 run directories is empty"
else
  head -20 "$T/diff_t.txt" >&2
  fail "--threads 2 output differs from --threads 1 (diff -r above)"
fi
if diff -r "$T/a" "$T/t1" >/dev/null 2>&1; then
  pass "--threads 1 equals the default thread count"
else
  fail "--threads 1 output differs from a run without --threads"
fi

section "platforms.csv: one row per tick x platform, byte-identical across runs and --threads"
PLATFORM_ARGS=(run "$SRC/scenarios/platform_led.json" --ticks "$SHORT" --seed "$SEED" --quiet
  --set mechanisms.population.count=400)
for k in 1 2; do
  "$VICSIM" "${PLATFORM_ARGS[@]}" --out "$T/p$k" --threads "$k" >"$T/p$k.log" 2>&1 ||
    { cat "$T/p$k.log" >&2; die "platform_led run (--threads $k) failed"; }
done
"$VICSIM" "${PLATFORM_ARGS[@]}" --out "$T/p3" --threads 1 >"$T/p3.log" 2>&1 || die "platform_led run failed"
cmp -s "$T/p1/platforms.csv" "$T/p3/platforms.csv" && pass "two same-seed runs: identical platforms.csv" ||
  fail "two same-seed runs wrote different platforms.csv"
cmp -s "$T/p1/platforms.csv" "$T/p2/platforms.csv" && pass "--threads 2: identical platforms.csv" ||
  fail "--threads 2 wrote a different platforms.csv"
rows=$(($(wc -l <"$T/p1/platforms.csv") - 1))
[[ $rows -eq $((SHORT * 4)) ]] && pass "platforms.csv: $rows rows ($SHORT months x 4 platforms)" ||
  fail "platforms.csv has $rows rows, expected $((SHORT * 4))"

section "routes.csv: one row per tick x region x route, SimGrid's times, byte-identical across --threads"
cmp -s "$T/p1/routes.csv" "$T/p2/routes.csv" && pass "--threads 2: identical routes.csv" ||
  fail "--threads 2 wrote a different routes.csv"
if "$PY" - "$T/p1/routes.csv" "$SHORT" <<'EOF'; then
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
months, regions, platforms = {r["tick"] for r in rows}, {r["region"] for r in rows}, {r["platform"] for r in rows}
assert len(rows) == len(months) * len(regions) * len(platforms) and len(months) == int(sys.argv[2]), len(rows)
kinds = ("orders", "forecast", "dispatch", "telemetry", "design")
loaded = [r for r in rows if float(r["members"]) > 0]
assert loaded and all(float(r["telemetry_bytes"]) > 0 for r in loaded)
ratios = {max(float(r["compute_s"]), *(float(r[k + "_s"]) for k in kinds)) / float(r["load"])
          for r in loaded if float(r["load"]) > 0}
assert len(ratios) >= 1 and max(ratios) - min(ratios) < 1e-9 * max(ratios), ratios  # one window for all routes
EOF
  pass "routes.csv: a row per month, region and platform; load = slowest flow / window; traffic where members are"
else
  fail "routes.csv rows or values are wrong"
fi
"$VICSIM" "${PLATFORM_ARGS[@]}" --out "$T/p_off" --set mechanisms.infrastructure.enabled=false >/dev/null 2>&1 ||
  die "platform_led run with the layer off failed"
[[ ! -e $T/p_off/routes.csv ]] && pass "no routes.csv with the infrastructure layer off" ||
  fail "routes.csv written with the infrastructure layer off"

section "seed: --seed $OTHER_SEED changes the time series"
run_ok "$T/s1" --seed "$SEED" --ticks "$SHORT"
run_ok "$T/s2" --seed "$OTHER_SEED" --ticks "$SHORT"
# Compare everything except the columns that merely label the run (scenario, seed).
if "$PY" - "$T/s1/timeseries.csv" "$T/s2/timeseries.csv" <<'EOF'; then
import csv, sys
def body(p):
    with open(p, newline="") as f:
        rows = list(csv.DictReader(f))
    return [{k: v for k, v in r.items() if k not in ("scenario", "seed")} for r in rows]
sys.exit(0 if body(sys.argv[1]) != body(sys.argv[2]) else 1)
EOF
  pass "timeseries.csv data columns differ between seeds $SEED and $OTHER_SEED"
else
  fail "timeseries.csv data (ignoring the scenario/seed label columns) is identical for seeds $SEED and $OTHER_SEED"
fi

# ---------------------------------------------------------------------------
section "layout: run directory files"
for f in scenario.resolved.json timeseries.csv summary.json firms.csv; do
  if [[ -s $T/a/$f ]]; then pass "$f exists and is non-empty"; else fail "$T/a/$f missing or empty"; fi
done
if [[ -e $T/a/platforms.csv ]]; then fail "platforms.csv written for a scenario without platforms"; else
  pass "no platforms.csv for a scenario without platforms"; fi
shopt -s nullglob
snaps=("$T"/a/network/tick_*.graphml)
shopt -u nullglob
if [[ ${#snaps[@]} -gt 0 ]]; then
  pass "network/ holds ${#snaps[@]} tick_NNNN.graphml snapshots"
else
  fail "no network/tick_NNNN.graphml in $T/a"
fi
if compgen -G "$T/.a.tmp-*" >/dev/null || compgen -G "$T/.a.old-*" >/dev/null; then
  fail "staging directory .a.tmp-* / .a.old-* left next to the run directory"
else
  pass "no staging directory left after a successful run"
fi

section "timeseries.csv: header columns, one row per tick"
if "$PY" - "$T/a" "$T/s1" "$SHORT" <<'EOF'; then
import csv, json, os, sys
required = ["tick", "firms", "entries", "exits", "output", "productivity_mean", "local_tie_share",
            "cross_region_tie_share", "cross_industry_tie_share", "density", "clustering",
            "giant_component_share", "eg_index", "transaction_cost_per_unit", "lead_time_days",
            "capacity_utilisation", "stage", "stage_name"]
ok = True
def check(run_dir, ticks):
    global ok
    with open(os.path.join(run_dir, "timeseries.csv"), newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    missing = [c for c in required if c not in header]
    if missing:
        print("  FAIL: %s/timeseries.csv header lacks columns: %s" % (run_dir, ", ".join(missing)), file=sys.stderr)
        ok = False
    else:
        print("  ok: %s/timeseries.csv header has all %d required columns" % (os.path.basename(run_dir), len(required)))
    bad = [i + 2 for i, r in enumerate(body) if len(r) != len(header)]
    if bad:
        print("  FAIL: rows with a wrong number of fields at lines %s" % bad[:10], file=sys.stderr)
        ok = False
    if len(body) != ticks:
        print("  FAIL: %s/timeseries.csv has %d rows, expected %d (one per tick)" % (run_dir, len(body), ticks), file=sys.stderr)
        ok = False
    elif "tick" in header:
        t = header.index("tick")
        got = [r[t] for r in body]
        want = [str(i) for i in range(1, ticks + 1)]
        if got != want:
            print("  FAIL: tick column is not 1..%d (starts %s)" % (ticks, got[:5]), file=sys.stderr)
            ok = False
        else:
            print("  ok: %d rows, tick column 1..%d" % (ticks, ticks))
resolved = json.load(open(os.path.join(sys.argv[1], "scenario.resolved.json")))
check(sys.argv[1], int(resolved["ticks"]))
check(sys.argv[2], int(sys.argv[3]))
sys.exit(0 if ok else 1)
EOF
  :
else
  fail "timeseries.csv checks (see above)"
fi

section "scenario.resolved.json: provenance and fully-resolved keys"
"$VICSIM" schema >"$T/schema.md" 2>"$T/schema.err" || fail "'vicsim schema' exited non-zero: $(cat "$T/schema.err")"
if "$PY" - "$T/a/scenario.resolved.json" "$SEED" 120 "$T/schema.md" "$T/s1/scenario.resolved.json" "$SHORT" <<'EOF'; then
import json, re, sys
path, seed, ticks, schema_md, short_path, short_ticks = sys.argv[1:]
ok = True
def bad(msg):
    global ok
    print("  FAIL: " + msg, file=sys.stderr)
    ok = False
def good(msg):
    print("  ok: " + msg)
r = json.load(open(path))
prov = r.get("provenance")
if not isinstance(prov, dict):
    bad("no provenance object")
    prov = {}
if prov.get("seed") != int(seed):
    bad("provenance.seed is %r, expected %s (the --seed used)" % (prov.get("seed"), seed))
else:
    good("provenance.seed == %s" % seed)
if r.get("seed") != int(seed):
    bad("seed is %r, expected %s (the --seed used)" % (r.get("seed"), seed))
else:
    good("seed == %s" % seed)
for k in ("git_hash", "vicsim_version"):
    v = prov.get(k)
    if isinstance(v, str) and v:
        good("provenance.%s = %r" % (k, v))
    else:
        bad("provenance.%s missing or empty (%r)" % (k, v))
if r.get("ticks") != int(ticks):
    bad("ticks is %r, expected %s" % (r.get("ticks"), ticks))
s = json.load(open(short_path))
if s.get("ticks") != int(short_ticks):
    bad("with --ticks %s the resolved ticks is %r" % (short_ticks, s.get("ticks")))
else:
    good("--ticks %s is recorded as ticks in scenario.resolved.json" % short_ticks)
tcb = r.get("mechanisms", {}).get("trade", {}).get("transaction_cost_base")
if isinstance(tcb, (int, float)) and not isinstance(tcb, bool):
    good("mechanisms.trade.transaction_cost_base = %r (default filled in)" % tcb)
else:
    bad("mechanisms.trade.transaction_cost_base missing from scenario.resolved.json")

# Every key of the reference printed by 'vicsim schema' must be present.
keys = re.findall(r"^\| `([^`]+)` \|", open(schema_md).read(), re.M)
if len(keys) < 20:
    bad("'vicsim schema' listed only %d keys" % len(keys))
def lookup(node, parts, where):
    if not parts:
        return []
    head, rest = parts[0], parts[1:]
    arr = head.endswith("[]")
    name = head[:-2] if arr else head
    if not isinstance(node, dict) or name not in node:
        return [where + name]
    val = node[name]
    if not arr:
        return lookup(val, rest, where + name + ".")
    if not isinstance(val, list):
        return [where + name + " (not an array)"]
    out = []
    for i, el in enumerate(val):
        out += lookup(el, rest, "%s%s[%d]." % (where, name, i))
    return out
# The authoring keys are resolved before the scenario is read: the resolved file must not have them.
authoring = {"extends", "overrides", "regions_csv", "firms_csv", "_notes"}
leftover = sorted(authoring & set(r))
if leftover:
    bad("scenario.resolved.json still has authoring keys: %s" % ", ".join(leftover))
missing = []
for k in keys:
    if k in authoring:
        continue
    missing += lookup(r, k.split("."), "")
if missing:
    bad("%d resolved keys missing, e.g. %s" % (len(missing), ", ".join(missing[:8])))
else:
    good("all %d keys of 'vicsim schema' are present (arrays: in every element)" % len(keys))
sys.exit(0 if ok else 1)
EOF
  :
else
  fail "scenario.resolved.json checks (see above)"
fi

# ---------------------------------------------------------------------------
section "--set mechanisms.knowledge.spillover_enabled=false: no imitations"
SET=mechanisms.knowledge.spillover_enabled=false
run_ok "$T/nospill" --seed "$SEED" --ticks "$SHORT" --set "$SET"
if "$PY" - "$T/nospill" "$T/s1" "$SET" <<'EOF'; then
import csv, json, os, sys
off, on, setarg = sys.argv[1:]
ok = True
def col(d):
    with open(os.path.join(d, "timeseries.csv"), newline="") as f:
        return [float(r["imitations"]) for r in csv.DictReader(f)]
try:
    a, b = col(off), col(on)
except KeyError:
    print("  FAIL: timeseries.csv has no imitations column", file=sys.stderr)
    sys.exit(1)
if any(v != 0 for v in a):
    print("  FAIL: imitations not all 0 with spillovers off (max %g)" % max(a), file=sys.stderr)
    ok = False
else:
    print("  ok: imitations column is 0 in all %d rows" % len(a))
if sum(b) <= 0:
    print("  FAIL: baseline run has no imitations at all, so the check above proves nothing", file=sys.stderr)
    ok = False
else:
    print("  ok: the same run with spillovers on has %d imitations" % sum(b))
r = json.load(open(os.path.join(off, "scenario.resolved.json")))
if r["mechanisms"]["knowledge"]["spillover_enabled"] is not False:
    print("  FAIL: scenario.resolved.json has spillover_enabled=%r" % r["mechanisms"]["knowledge"]["spillover_enabled"], file=sys.stderr)
    ok = False
elif setarg not in r.get("provenance", {}).get("overrides", []):
    print("  FAIL: provenance.overrides %r lacks %r" % (r.get("provenance", {}).get("overrides"), setarg), file=sys.stderr)
    ok = False
else:
    print("  ok: resolved spillover_enabled=false and provenance.overrides records the --set")
sys.exit(0 if ok else 1)
EOF
  :
else
  fail "spillover switch checks (see above)"
fi

# ---------------------------------------------------------------------------
section "GraphML: last snapshot against networkx and summary.json final"
for d in a nospill; do
  echo "  run '$d':"
  if "$PY" "$CHECK_GRAPHML" "$T/$d"; then
    pass "networkx agrees with summary.json final for run '$d'"
  else
    fail "GraphML/networkx cross-check failed for run '$d'"
  fi
done
run_ok "$T/odd" --seed "$SEED" --ticks 17
if [[ -f $T/odd/network/tick_0017.graphml ]]; then
  pass "--ticks 17 (not a multiple of network_every) still writes network/tick_0017.graphml"
  "$PY" "$CHECK_GRAPHML" "$T/odd" >/dev/null || fail "GraphML/networkx cross-check failed for the --ticks 17 run"
else
  fail "--ticks 17: last tick snapshot network/tick_0017.graphml missing ($(ls "$T/odd/network" | tr '\n' ' '))"
fi

# ---------------------------------------------------------------------------
section "SIGINT: an interrupted run leaves no output and no staging directory"
mkdir -p "$T/int"
"$VICSIM" run "$SCENARIO" --out "$T/int/run" --ticks 2000 --quiet >"$T/int.log" 2>&1 &
BG_PID=$!
sleep 1
if ! kill -0 "$BG_PID" 2>/dev/null; then
  wait "$BG_PID"
  fail "the --ticks 2000 run ended within 1 s (exit $?), nothing to interrupt"
else
  if compgen -G "$T/int/.run.tmp-*" >/dev/null; then
    pass "staging directory .run.tmp-* exists while the run is in progress"
  else
    fail "no staging directory .run.tmp-* while the run is in progress"
  fi
  kill -INT "$BG_PID"
  # Give it up to 10 s to stop.
  for _ in $(seq 1 100); do kill -0 "$BG_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$BG_PID" 2>/dev/null; then
    kill -KILL "$BG_PID" 2>/dev/null
    wait "$BG_PID" 2>/dev/null
    fail "vicsim did not stop within 10 s of SIGINT"
  else
    wait "$BG_PID"
    rc=$?
    if [[ $rc -ne 0 ]]; then pass "exit code after SIGINT is $rc (non-zero)"; else fail "exit code after SIGINT is 0"; fi
    if [[ -e $T/int/run ]]; then fail "target directory $T/int/run exists after SIGINT"; else pass "target directory was not created"; fi
    if compgen -G "$T/int/.run.tmp-*" >/dev/null; then
      fail "staging directory left after SIGINT: $(ls -a "$T/int" | tr '\n' ' ')"
    else
      pass "no .run.tmp-* staging directory left in the parent"
    fi
  fi
fi
BG_PID=

# ---------------------------------------------------------------------------
section "existing output directory: refused without --force, replaced with it"
mkdir -p "$T/old"
echo "precious" >"$T/old/marker.txt"
"$VICSIM" run "$SCENARIO" --out "$T/old" --ticks 3 --quiet >"$T/old.log" 2>&1
rc=$?
if [[ $rc -eq 2 ]]; then pass "exit code 2 without --force"; else fail "exit code $rc without --force (expected 2)"; fi
if grep -q -- "--force" "$T/old.log"; then pass "message mentions --force"; else fail "message does not mention --force: $(cat "$T/old.log")"; fi
if [[ $(cat "$T/old/marker.txt" 2>/dev/null) == precious && $(ls -A "$T/old") == marker.txt ]]; then
  pass "old contents intact and nothing added"
else
  fail "old contents changed: $(ls -A "$T/old" | tr '\n' ' ')"
fi
if compgen -G "$T/.old.tmp-*" >/dev/null; then fail "staging directory left after the refused run"; else pass "no staging directory left"; fi

run_ok "$T/old" --ticks 3 --force
if [[ ! -e $T/old/marker.txt && -s $T/old/summary.json && -s $T/old/timeseries.csv ]]; then
  pass "--force replaced the directory (old file gone, new run present)"
else
  fail "--force did not replace the directory: $(ls -A "$T/old" | tr '\n' ' ')"
fi
if compgen -G "$T/.old.*" >/dev/null; then fail "leftover $(ls -d "$T"/.old.* | tr '\n' ' ')"; else pass "no .old.tmp-*/.old.old-* left"; fi

mkdir -p "$T/empty"
run_ok "$T/empty" --ticks 3
[[ -s $T/empty/summary.json ]] && pass "an existing empty directory is used without --force" ||
  fail "run into an existing empty directory wrote no summary.json"

# The binary names the commit it was built from (refreshed at every build, cmake/git_hash.cmake), not the
# commit the build directory was configured at. A binary built before commits that touch only Markdown
# (docs) is still current: the source it was built from is HEAD's.
if head=$(git -C "$SRC" rev-parse --short=12 HEAD 2>/dev/null); then
  version=$("$VICSIM" --version)
  built=$(sed -E 's/.*\(([0-9a-f]+)(-dirty)?\)$/\1/' <<<"$version")
  if [[ $version == *"($head)"* || $version == *"($head-dirty)"* ]]; then
    pass "--version names HEAD $head"
  elif git -C "$SRC" diff --quiet "$built" HEAD -- . ':(exclude)*.md' 2>/dev/null; then
    pass "--version names $built; HEAD $head differs from it in Markdown only"
  else
    fail "--version says '$version', HEAD is $head and the source differs (a stale git hash)"
  fi
fi

echo
if [[ $failures -ne 0 ]]; then
  echo "end_to_end: $failures check(s) FAILED" >&2
  exit 1
fi
echo "end_to_end: all checks passed"

#!/usr/bin/env bash
# `vicsim attribute` end to end on a tiny flagship pair: contributions plus the unexplained part add up to the
# total (Shapley efficiency), the platform switch reproduces the traditional arm (unexplained = 0), --jobs does
# not change the output, bad input exits 2 and leaves nothing behind.
#
# Usage: bash tests/cli/attribute.sh <path-to-vicsim> <source-dir>
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FAIL: $*" >&2; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-attribute.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

A=$SRC/scenarios/traditional.json
B=$SRC/scenarios/platform_led.json
TINY=(--ticks 18 --set mechanisms.population.count=200 --set mechanisms.population.warmup_months=4)
GRP=(--groups platforms,platform_ratings,services=matchmaking+dispatch+forecasting+knowledge_sharing+finance+logistics)

echo "== attribute, 3 groups exact, 2 replications, --jobs 1 and --jobs 2"
"$VICSIM" attribute "$A" "$B" -n 2 "${TINY[@]}" "${GRP[@]}" --at 12,18 --out "$T/j1" --jobs 1 --quiet ||
  die "vicsim attribute exited $?"
"$VICSIM" attribute "$A" "$B" -n 2 "${TINY[@]}" "${GRP[@]}" --at 12,18 --out "$T/j2" --jobs 2 --quiet ||
  die "vicsim attribute --jobs 2 exited $?"
cmp -s "$T/j1/attribution.csv" "$T/j2/attribution.csv" || die "attribution.csv differs between --jobs 1 and 2"
[[ -f $T/j1/attribution.html && -f $T/j1/attribution.json && ! -e $T/j1/runs ]] || die "missing outputs or runs/ kept"

python3 - "$T/j1/attribution.csv" <<'PYEOF' || exit 1
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows and list(rows[0].keys()) == ["kpi", "tick", "mechanism", "contribution", "ci_low", "ci_high"], rows[0].keys()
by = collections.defaultdict(dict)
for r in rows:
    by[(r["kpi"], r["tick"])][r["mechanism"]] = float(r["contribution"]) if r["contribution"] != "NA" else float("nan")
assert len({t for _, t in by}) == 2, "expected ticks 12 and 18"
for key, m in by.items():
    parts = sum(v for k, v in m.items() if k not in ("total", "interaction"))
    tol = 1e-9 * max(1.0, abs(m["total"]))
    if abs(parts - m["total"]) > tol:
        sys.exit("FAIL: %s: contributions + unexplained = %r, total = %r" % (key, parts, m["total"]))
    # With every platform unlaunched, B is the traditional arm: nothing is left unexplained.
    if abs(m["unexplained"]) > tol:
        sys.exit("FAIL: %s: unexplained = %r, expected 0 (platforms off must reproduce A)" % (key, m["unexplained"]))
    assert set(m) == {"platforms", "platform_ratings", "services", "unexplained", "interaction", "total"}, m.keys()
print("  ok: %d KPI x tick cells add up; unexplained = 0" % len(by))
PYEOF

echo "== sampled orderings (--permutations) also add up"
"$VICSIM" attribute "$A" "$B" -n 2 "${TINY[@]}" "${GRP[@]}" --permutations 2 --kpis real_output --out "$T/perm" --quiet ||
  die "vicsim attribute --permutations exited $?"
grep -q '"shapley": "sampled"' "$T/perm/attribution.json" || die "attribution.json does not say sampled"
grep -q '"mc_se"' "$T/perm/attribution.json" || die "attribution.json has no Monte-Carlo error"

echo "== bad input exits 2 and leaves no output directory"
expect2() {  # expect2 NAME PATTERN ARGS...
  local name=$1 pattern=$2; shift 2
  "$VICSIM" attribute "$@" --out "$T/bad_$name" --quiet 2>"$T/$name.err"
  local rc=$?
  [[ $rc -eq 2 ]] || die "$name: exit $rc, expected 2 ($(cat "$T/$name.err"))"
  [[ ! -e $T/bad_$name ]] || die "$name: left $T/bad_$name behind"
  grep -q "$pattern" "$T/$name.err" || die "$name: message does not mention '$pattern': $(cat "$T/$name.err")"
  echo "  ok: $name -> 2: $(head -1 "$T/$name.err")"
}
expect2 unknown_group no_such_group "$A" "$B" -n 2 "${TINY[@]}" --groups no_such_group
expect2 same_arms "nothing to attribute" "$A" "$A" -n 2 "${TINY[@]}"
expect2 bad_tick "between 1 and 18" "$A" "$B" -n 2 "${TINY[@]}" --at 99
expect2 bad_kpi not_a_column "$A" "$B" -n 2 "${TINY[@]}" "${GRP[@]}" --kpis not_a_column
expect2 missing_file nope.json "$T/nope.json" "$B" -n 2
expect2 text_kpi "numeric column" "$A" "$B" -n 2 "${TINY[@]}" "${GRP[@]}" --kpis stage_name
expect2 repeated_group "given twice" "$A" "$B" -n 2 "${TINY[@]}" --groups platforms --groups platforms
expect2 repeated_at "given twice" "$A" "$B" -n 2 "${TINY[@]}" --at 6 --at 6
echo "PASS"

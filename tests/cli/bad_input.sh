#!/usr/bin/env bash
# Bad-input checks of the vicsim executable.
#
# Usage: bash tests/cli/bad_input.sh <path-to-vicsim> <source-dir>
#
# Writes a small valid scenario (2 regions, 2 industries, 100 firms), derives
# malformed variants from it and checks, for each, that 'vicsim run' exits with
# exactly 2 (no crash, no internal error), that stderr names the file, the JSON
# path of the problem and what was expected, and that no output directory (nor
# its parent, nor a staging directory) is created. Also checks that
# 'vicsim validate' reports every problem of a file with three of them.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }
section() { echo; echo "== $*"; }

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
[[ -f $SRC/scenarios/traditional.json ]] || die "'$SRC/scenarios/traditional.json' not found"
command -v "$PY" >/dev/null || die "no python3 found (needed to derive the malformed scenarios)"

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-badinput.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

BASE=$T/small.json
cat >"$BASE" <<'EOF'
{
  "name": "small",
  "seed": 7,
  "ticks": 12,
  "regions": [
    { "name": "north", "x_km": 0,   "y_km": 0,    "endowment": { "alpha": 0.8, "beta": 0.3 } },
    { "name": "south", "x_km": 300, "y_km": -200, "endowment": { "alpha": 0.4, "beta": 0.7 } }
  ],
  "industries": [
    { "name": "alpha", "stages": ["components", "assembly"] },
    { "name": "beta",  "stages": ["components", "assembly"],
      "cross_inputs": [ { "from_industry": "alpha", "from_stage": "components", "to_stage": "assembly", "share": 0.2 } ] }
  ],
  "mechanisms": {
    "population": { "count": 100, "size_min": 5, "size_max": 500 },
    "trade": { "switch_margin": 0.5, "choice_sensitivity": 8 }
  },
  "output": { "network_every": 6 }
}
EOF

# mutate NAME PYTHON: write $T/NAME.json = the small scenario after running PYTHON on dict d.
mutate() {
  "$PY" - "$BASE" "$T/$1.json" "$2" <<'EOF' || die "could not write $T/$1.json"
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
with open(sys.argv[2], "w") as f:
    json.dump(d, f, indent=2)
EOF
}

# expect_bad NAME FILE_SHOWN JSON_PATH KEYWORD_ERE -- VICSIM_ARGS...
# Runs vicsim with VICSIM_ARGS; "@OUT@" in them is replaced by a fresh output path.
# Expects exit 2, stderr containing FILE_SHOWN (if non-empty) and JSON_PATH as fixed
# strings and matching KEYWORD_ERE (case-insensitive), and no output directory.
expect_bad() {
  local name=$1 file=$2 jpath=$3 keyword=$4
  shift 5
  local outparent=$T/out/$name out=$T/out/$name/run args=() a
  for a in "$@"; do args+=("${a//@OUT@/$out}"); done
  "$VICSIM" "${args[@]}" >"$T/$name.stdout" 2>"$T/$name.stderr"
  local rc=$? ok=1 err
  err=$(cat "$T/$name.stderr")
  echo "  [$name] vicsim ${args[*]#"$T/"}"
  echo "      exit $rc"
  head -3 "$T/$name.stderr" | cut -c1-200 | sed 's/^/      | /'
  if [[ $rc -ge 128 ]]; then
    fail "[$name] vicsim crashed (exit $rc, signal $((rc - 128)))"
    return
  fi
  if [[ $rc -ne 2 ]]; then fail "[$name] exit code $rc, expected exactly 2"; ok=0; fi
  if [[ -n $file ]] && ! grep -qF -- "$file" <<<"$err"; then fail "[$name] stderr does not name the file '$file'"; ok=0; fi
  if ! grep -qF -- "$jpath" <<<"$err"; then fail "[$name] stderr does not name the path '$jpath'"; ok=0; fi
  if ! grep -qiE -- "$keyword" <<<"$err"; then fail "[$name] stderr does not state the expectation (/$keyword/)"; ok=0; fi
  if [[ -e $outparent ]]; then fail "[$name] output was created: $(find "$outparent" | head -5 | tr '\n' ' ')"; ok=0; fi
  [[ $ok -eq 1 ]] && pass "[$name] exit 2, names ${file:+the file, }'$jpath' and the expectation; no output created"
}

# ---------------------------------------------------------------------------
section "sanity: the small base scenario and scenarios/traditional.json are valid"
if "$VICSIM" validate "$BASE" >"$T/base.out" 2>&1; then pass "vicsim validate small.json exits 0"; else
  cat "$T/base.out" >&2; die "the base scenario is not valid, so the checks below would prove nothing"; fi
if "$VICSIM" run "$BASE" --out "$T/base_run" --ticks 2 --quiet >"$T/base_run.log" 2>&1 && [[ -s $T/base_run/summary.json ]]; then
  pass "vicsim run small.json --ticks 2 succeeds"
else
  cat "$T/base_run.log" >&2; die "the base scenario does not run"
fi
"$VICSIM" validate "$SRC/scenarios/traditional.json" >"$T/trad.out" 2>&1
rc=$?
if [[ $rc -eq 0 ]] && grep -q "ok" "$T/trad.out"; then pass "vicsim validate scenarios/traditional.json exits 0 and says ok"; else
  fail "vicsim validate scenarios/traditional.json exit $rc: $(cat "$T/trad.out")"; fi

# ---------------------------------------------------------------------------
section "malformed scenarios: vicsim run must exit 2 with a precise message"

# 1. invalid JSON syntax (a stray comma)
printf '{\n  "name": "broken",\n  "ticks": 12,\n  "regions": [ { "name": "north" } ,, ]\n}\n' >"$T/syntax.json"
expect_bad syntax "$T/syntax.json" "line 4" "invalid JSON|syntax" -- run "$T/syntax.json" --out @OUT@ --quiet
# 2. empty file
: >"$T/empty.json"
expect_bad empty_file "$T/empty.json" "line 1" "invalid JSON|unexpected end" -- run "$T/empty.json" --out @OUT@ --quiet
# 3. top level is not an object
echo '[1, 2, 3]' >"$T/toplevel.json"
expect_bad toplevel "$T/toplevel.json" "(document)" "expected an object" -- run "$T/toplevel.json" --out @OUT@ --quiet
# 4. wrong type
mutate type 'd["ticks"] = "ten"'
expect_bad wrong_type "$T/type.json" "ticks" "integer" -- run "$T/type.json" --out @OUT@ --quiet
# 5. wrong type nested: a float where an integer is required
mutate count_float 'd["mechanisms"]["population"]["count"] = 100.5'
expect_bad count_float "$T/count_float.json" "mechanisms.population.count" "integer" -- run "$T/count_float.json" --out @OUT@ --quiet
# 6. out of range
mutate range 'd["mechanisms"]["trade"]["switch_margin"] = 3'
expect_bad out_of_range "$T/range.json" "mechanisms.trade.switch_margin" "\[0(\.0)?, ?1(\.0)?\]|range" -- run "$T/range.json" --out @OUT@ --quiet
# 7. negative seed
mutate seed 'd["seed"] = -1'
expect_bad negative_seed "$T/seed.json" "seed" "integer|range|\[0" -- run "$T/seed.json" --out @OUT@ --quiet
# 8. unknown top-level key (typo)
mutate typo 'd["tiks"] = d.pop("ticks")'
expect_bad typo_top "$T/typo.json" "tiks" "did you mean 'ticks'" -- run "$T/typo.json" --out @OUT@ --quiet
# 9. unknown nested key (typo)
mutate typo_nested 'd["mechanisms"]["trade"]["choice_sensitivty"] = d["mechanisms"]["trade"].pop("choice_sensitivity")'
expect_bad typo_nested "$T/typo_nested.json" "mechanisms.trade.choice_sensitivty" "did you mean 'choice_sensitivity'" -- run "$T/typo_nested.json" --out @OUT@ --quiet
# 10. missing required region name
mutate no_name 'del d["regions"][1]["name"]'
expect_bad missing_region_name "$T/no_name.json" "regions[1].name" "required" -- run "$T/no_name.json" --out @OUT@ --quiet
# 11. duplicate region names
mutate dup_region 'd["regions"][1]["name"] = "north"'
expect_bad duplicate_region "$T/dup_region.json" "regions[1].name" "duplicate|unique" -- run "$T/dup_region.json" --out @OUT@ --quiet
# 12. empty regions array
mutate no_regions 'd["regions"] = []'
expect_bad empty_regions "$T/no_regions.json" "regions" "at least 1|>= ?1|empty" -- run "$T/no_regions.json" --out @OUT@ --quiet
# 13. endowment naming an unknown industry
mutate endowment 'd["regions"][0]["endowment"]["gamma"] = 0.5'
expect_bad unknown_endowment_industry "$T/endowment.json" "regions[0].endowment.gamma" "unknown industry" -- run "$T/endowment.json" --out @OUT@ --quiet
# 14. cross_inputs naming an unknown stage
mutate cross_stage 'd["industries"][1]["cross_inputs"][0]["from_stage"] = "painting"'
expect_bad cross_input_unknown_stage "$T/cross_stage.json" "industries[1].cross_inputs[0].from_stage" "not a stage|unknown stage" -- run "$T/cross_stage.json" --out @OUT@ --quiet
# 15. cross_inputs naming an unknown industry
mutate cross_industry 'd["industries"][1]["cross_inputs"][0]["from_industry"] = "gamma"'
expect_bad cross_input_unknown_industry "$T/cross_industry.json" "industries[1].cross_inputs[0].from_industry" "unknown industry|not an industry" -- run "$T/cross_industry.json" --out @OUT@ --quiet
# 16. cyclic cross_inputs: alpha.assembly needs alpha.components, which buys from
#     beta.assembly, which needs beta.components, which buys from alpha.assembly.
mutate cycle '
d["industries"][0]["cross_inputs"] = [{"from_industry": "beta", "from_stage": "assembly", "to_stage": "components", "share": 0.2}]
d["industries"][1]["cross_inputs"] = [{"from_industry": "alpha", "from_stage": "assembly", "to_stage": "components", "share": 0.2}]'
expect_bad cross_input_cycle "$T/cycle.json" "industries" "cycle|acyclic" -- run "$T/cycle.json" --out @OUT@ --quiet
grep -qF "cross_inputs" "$T/cross_input_cycle.stderr" || fail "[cross_input_cycle] message does not mention cross_inputs"
# 17. size_max < size_min
mutate sizes 'd["mechanisms"]["population"]["size_min"] = 600'
expect_bad size_max_below_min "$T/sizes.json" "mechanisms.population.size_max" "exceed|greater|larger|>" -- run "$T/sizes.json" --out @OUT@ --quiet
# 18. nonexistent file
expect_bad missing_file "$T/does_not_exist.json" "$T/does_not_exist.json" "cannot open|no such file|not found|does not exist" -- run "$T/does_not_exist.json" --out @OUT@ --quiet

section "bad command-line overrides"
# 19. --set without '='
expect_bad set_no_equals "$BASE" "mechanisms.trade.enabled" "path=value" -- run "$BASE" --set mechanisms.trade.enabled --out @OUT@ --quiet
# 20. --set with an unknown path
expect_bad set_unknown_key "$BASE" "mechanisms.trade.switch_margni" "did you mean 'switch_margin'" -- run "$BASE" --set mechanisms.trade.switch_margni=0.3 --out @OUT@ --quiet
# 20b. a removed key: exit 2 naming the key and its replacement (docs/ODD.md 7.84)
expect_bad set_removed_key "$BASE" "mechanisms.trade.order_processing_days" "was removed.*approval_hours" -- run "$BASE" --set mechanisms.trade.order_processing_days=2 --out @OUT@ --quiet
expect_bad set_removed_founding_key "$BASE" "mechanisms.founding.risk_premium" "was removed.*discount_per_year" -- run "$BASE" --set mechanisms.founding.risk_premium=2e7 --out @OUT@ --quiet
# 21. --set with a value of the wrong type
expect_bad set_wrong_type "$BASE" "mechanisms.trade.switch_margin" "number" -- run "$BASE" --set mechanisms.trade.switch_margin=abc --out @OUT@ --quiet
# 22. --set with an out-of-range value
expect_bad set_out_of_range "$BASE" "mechanisms.trade.switch_margin" "\[0(\.0)?, ?1(\.0)?\]|range" -- run "$BASE" --set mechanisms.trade.switch_margin=3 --out @OUT@ --quiet
# 23. --ticks 0: the message must state the lower bound (ticks are >= 1)
expect_bad ticks_zero "" "ticks" "positive|at least 1|>= ?1([^0-9.]|$)|\[1(\.0+)?,|range 1(\.0+)? to" -- run "$BASE" --ticks 0 --out @OUT@ --quiet
# 24. --threads 0
expect_bad threads_zero "" "--threads" "range 1 to|at least 1|>= ?1" -- run "$BASE" --threads 0 --out @OUT@ --quiet

# 25. --ticks above the schema's maximum (ticks in [1, 100000]) must be refused like
#     "ticks": 100001 in the file. Guarded by a timeout in case it is accepted and runs.
mutate ticks_big 'd["ticks"] = 100001'
expect_bad ticks_above_max_in_file "$T/ticks_big.json" "ticks" "100000|1(\.0+)?e\+0?5|\[1(\.0+)?, " -- run "$T/ticks_big.json" --out @OUT@ --quiet
echo "  [ticks_above_max_cli] vicsim run small.json --ticks 100001 (5 s timeout)"
timeout -s TERM 5 "$VICSIM" run "$BASE" --ticks 100001 --out "$T/out/ticks_big_cli/run" --quiet >"$T/tbc.out" 2>"$T/tbc.err"
rc=$?
echo "      exit $rc; stderr: $(head -2 "$T/tbc.err" | cut -c1-200 | tr '\n' ' ')"
if [[ $rc -eq 124 ]]; then
  fail "[ticks_above_max_cli] --ticks 100001 was accepted (still running after 5 s); the schema limits ticks to [1, 100000]"
elif [[ $rc -ne 2 ]]; then
  fail "[ticks_above_max_cli] --ticks 100001 exit $rc, expected 2"
else
  pass "[ticks_above_max_cli] --ticks 100001 refused with exit 2"
fi
rm -rf "$T/out/ticks_big_cli"

# ---------------------------------------------------------------------------
section "designs that cannot mean what they say (docs/scenario-format.md, Design rules)"
regions_of() { "$PY" -c 'import json,sys; print(json.dumps([r["name"] for r in json.load(open(sys.argv[1]))["regions"]]))' "$BASE"; }
ALL=$(regions_of)
FIRST=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["regions"][0]["name"])' "$BASE")
mutate pilot_all "d['policies'] = [{'name': 'p', 'instrument': 'pilot', 'start': 6, 'regions': $ALL}]"
expect_bad pilot_all "$T/pilot_all.json" "policies[0].regions" "control region" -- validate "$T/pilot_all.json"
mutate pilot_late "d['ticks'] = 24; d['policies'] = [{'name': 'p', 'instrument': 'pilot', 'start': 30, 'end': 40, 'regions': ['$FIRST']}]"
expect_bad pilot_late "$T/pilot_late.json" "policies[0].start" "after the horizon.*start <= 24" -- run "$T/pilot_late.json" --out @OUT@ --quiet
mutate pilot_first "d['policies'] = [{'name': 'p', 'instrument': 'pilot', 'start': 1, 'regions': ['$FIRST']}]"
expect_bad pilot_first "$T/pilot_first.json" "policies[0].start" "start >= 2" -- validate "$T/pilot_first.json"
mutate pilot_ok "d['policies'] = [{'name': 'p', 'instrument': 'pilot', 'start': 6, 'end': 12, 'regions': ['$FIRST']}]"
"$VICSIM" validate "$T/pilot_ok.json" >/dev/null 2>&1 && pass "a pilot on one region with a control and a pre-period is valid" ||
  fail "a sensible pilot design was rejected: $("$VICSIM" validate "$T/pilot_ok.json" 2>&1)"
mutate regional_nowhere "d['platforms'] = [{'name': 'R', 'level': 'regional'}]"
expect_bad regional_nowhere "$T/regional_nowhere.json" "platforms[0].region" "regional.*serves one region" -- validate "$T/regional_nowhere.json"
mutate closed_no_industry "d['platforms'] = [{'name': 'E', 'level': 'enterprise', 'open_industries': False}]"
expect_bad closed_no_industry "$T/closed_no_industry.json" "platforms[0].industry" "open_industries is false" -- validate "$T/closed_no_industry.json"
mutate ownerless_point "d['platforms'] = [{'name': 'E', 'level': 'enterprise', 'partners_only': True}]"
expect_bad ownerless_point "$T/ownerless_point.json" "platforms[0].partners_only" "set owner to 'chain_master'" -- validate "$T/ownerless_point.json"

# ---------------------------------------------------------------------------
section "vicsim validate reports every problem, not just the first"
mutate three '
d["tiks"] = d.pop("ticks")
d["mechanisms"]["trade"]["switch_margin"] = 3
d["regions"][0]["infrastructure"] = "high"'
"$VICSIM" validate "$T/three.json" >"$T/three.out" 2>"$T/three.err"
rc=$?
sed 's/^/      | /' "$T/three.err"
nerr=$(grep -c '^error:' "$T/three.err")
[[ $rc -eq 2 ]] && pass "validate exits 2" || fail "validate on a file with 3 problems exited $rc (expected 2)"
[[ $nerr -eq 3 ]] && pass "3 lines start with 'error:'" || fail "validate reported $nerr 'error:' lines, expected 3"
for p in "tiks" "mechanisms.trade.switch_margin" "regions[0].infrastructure"; do
  grep '^error:' "$T/three.err" | grep -qF -- "$p" && pass "reports $p" || fail "validate did not report the problem at $p"
done
grep '^error:' "$T/three.err" | grep -qvF -- "$T/three.json" && fail "an error line does not name the file"

"$VICSIM" validate "$T/three.json" "$BASE" "$SRC/scenarios/traditional.json" >"$T/multi.out" 2>"$T/multi.err"
rc=$?
[[ $rc -eq 2 ]] && pass "validate of a bad and two good files exits 2" || fail "validate of a bad and two good files exited $rc (expected 2)"
[[ $(grep -c ': ok$' "$T/multi.out") -eq 2 ]] && pass "both good files reported ok" ||
  fail "expected 2 'ok' lines for the good files, got: $(cat "$T/multi.out")"

# ---------------------------------------------------------------------------
if compgen -G "$T/out/*" >/dev/null || compgen -G "$T/out/.*.tmp-*" >/dev/null; then
  fail "something was written under $T/out: $(ls -A "$T/out")"
fi

echo
if [[ $failures -ne 0 ]]; then
  echo "bad_input: $failures check(s) FAILED" >&2
  exit 1
fi
echo "bad_input: all checks passed"

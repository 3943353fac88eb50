#!/usr/bin/env bash
# Scenario authoring from the command line: `vicsim new`, extends chains and cycles, regions_csv, and the
# resolved scenario of a run being fully expanded.
#
# Usage: bash tests/cli/authoring.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FAIL: $*" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-authoring.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT
cd "$T" || die "cd $T"

echo "== vicsim new writes a short starter that validates"
"$VICSIM" new --from platform_led --out my.json 2>err.txt || die "vicsim new failed: $(cat err.txt)"
[[ $(wc -l <my.json) -lt 30 ]] || die "the starter is not short: $(wc -l <my.json) lines"
grep -q '"extends"' my.json || die "the starter does not extend a base"
grep -q '"_notes"' my.json || die "the starter has no _notes"
"$VICSIM" validate my.json >/dev/null || die "the starter does not validate"

echo "== vicsim new refuses to overwrite without --force, and keeps the file"
echo '{"keep": true}' >mine.json
"$VICSIM" new --from platform_led --out mine.json 2>err.txt
[[ $? -eq 2 ]] || die "overwrite without --force should exit 2"
grep -q "already exists" err.txt || die "no 'already exists' message: $(cat err.txt)"
grep -q '"keep"' mine.json || die "the existing file was changed"
"$VICSIM" new --from platform_led --out mine.json --force 2>/dev/null || die "--force failed"
grep -q '"extends"' mine.json || die "--force did not replace the file"
"$VICSIM" new --from platfrom_led --out other.json 2>err.txt
[[ $? -eq 2 ]] || die "an unknown base should exit 2"
grep -q "did you mean 'platform_led'" err.txt || die "no did-you-mean: $(cat err.txt)"
[[ ! -e other.json ]] || die "a file was written for an unknown base"

echo "== an extends cycle exits 2 naming the files"
echo '{"extends": "b.json"}' >a.json
echo '{"extends": "a.json"}' >b.json
"$VICSIM" validate a.json 2>err.txt
[[ $? -eq 2 ]] || die "a cycle should exit 2"
grep -q "b.json: extends: extends cycle: a.json -> b.json -> a.json" err.txt || die "cycle message: $(cat err.txt)"

echo "== a run of a short variant writes the fully expanded scenario"
"$VICSIM" new --from my.json --out child.json 2>/dev/null || die "vicsim new from a file failed"
"$VICSIM" run child.json --ticks 2 --set mechanisms.population.count=100 --out run -q || die "run of child.json failed"
"${PYTHON:-python3}" - run/scenario.resolved.json <<'PYEOF' || die "scenario.resolved.json is not fully expanded"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("extends", "overrides", "_notes", "regions_csv", "firms_csv"):
    assert k not in r, k
assert len(r["regions"]) == 6 and len(r["platforms"]) == 4, (len(r["regions"]), len(r["platforms"]))
assert "trade" in r["mechanisms"] and r["name"] == "child"
PYEOF

echo "== regions_csv: a bad cell is reported with its row and column"
printf 'name,x_km,infrastructure\nA,0,0.5\nB,10,2\n' >r.csv
echo "{\"extends\": \"$SRC/scenarios/traditional.json\", \"regions_csv\": \"r.csv\"}" >csv.json
"$VICSIM" validate csv.json 2>err.txt
[[ $? -eq 2 ]] || die "a bad CSV cell should exit 2"
grep -q "r.csv: row 3, column 3 (infrastructure): expected a number in \[0, 1\], got 2" err.txt ||
  die "CSV message: $(cat err.txt)"
"$VICSIM" validate "$SRC/scenarios/examples/regions_from_csv.json" >/dev/null || die "the shipped CSV example fails"
echo "  ok"

echo "== firms_csv: a bad cell is reported with its row and column; the example starts from its register"
printf 'region,industry,stage,employees\nShenzhen,electronics,assembly,40\nShenzhen,electronics,9,5\n' >f.csv
echo "{\"extends\": \"$SRC/scenarios/examples/regions_from_csv.json\", \"firms_csv\": \"f.csv\",
  \"mechanisms\": {\"population\": {\"count\": null}}}" >firms.json
"$VICSIM" validate firms.json 2>err.txt
[[ $? -eq 2 ]] || die "a bad firm register cell should exit 2"
grep -q "f.csv: row 3, column 3 (stage): expected a stage of 'electronics' (a name or an index 0-3), got '9'" err.txt ||
  die "firm register message: $(cat err.txt)"
"$VICSIM" run "$SRC/scenarios/examples/firms_from_csv.json" --ticks 1 --out firms_run -q \
  --set mechanisms.population.warmup_months=0 || die "the shipped firm register example fails"
"${PYTHON:-python3}" - "$SRC/scenarios/examples/firm_register.csv" firms_run/firms.csv <<'PYEOF' ||
import csv, sys
register = list(csv.DictReader(open(sys.argv[1])))
firms = {int(r["firm_id"]): r for r in csv.DictReader(open(sys.argv[2]))}
for k, row in enumerate(register):
    f = firms[k]
    assert f["entry_tick"] == "0", (k, f["entry_tick"])
    assert (f["region"], f["industry"]) == (row["region"], row["industry"]), (k, f["region"], row["region"])
    assert abs(float(f["employees"]) / float(row["employees"]) - 1) < 0.5, (k, f["employees"], row["employees"])
assert "firms_csv" not in __import__("json").load(open("firms_run/scenario.resolved.json"))
PYEOF
  die "firms.csv of the example does not start from its register"
echo "  ok"

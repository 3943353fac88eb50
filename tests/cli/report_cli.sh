#!/usr/bin/env bash
# End-to-end checks of `vicsim report` and `vicsim export` (no browser: see report_browser.sh).
#
# Usage: bash tests/cli/report_cli.sh <path-to-vicsim> <source-dir>
#
# Checks: bad input exits 2 with a message and writes nothing; an existing report is kept without
# --force; missing chart libraries exit 1 naming scripts/setup.sh; no temporary file is left; the
# same directory and SOURCE_DATE_EPOCH give byte-identical reports; the report is self-contained
# (no http(s) resources); its numbers agree with the CSVs (run cards, comparison table, pilot DiD);
# the exported GEXF/GraphML/tidy CSV agree with the run (tests/cli/check_exports.py, networkx).
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
PY=/usr/bin/python3
FIXTURES=$SRC/tests/cli/report_fixtures.py

failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }
section() { echo; echo "== $*"; }

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-report.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

# expect_rc RC PATTERN ARGS...: vicsim ARGS exits RC and its stderr matches PATTERN.
expect_rc() {
  local want=$1 pattern=$2
  shift 2
  "$VICSIM" "$@" >"$T/out.txt" 2>"$T/err.txt"
  local rc=$?
  if [[ $rc -ne $want ]]; then
    fail "'vicsim $*' exited $rc, expected $want: $(cat "$T/err.txt")"
  elif ! grep -qE -- "$pattern" "$T/err.txt"; then
    fail "'vicsim $*' message does not match /$pattern/: $(cat "$T/err.txt")"
  else
    pass "'vicsim $*' -> $rc: $(head -c 160 "$T/err.txt" | head -1)"
  fi
}

"$VICSIM" run "$SRC/scenarios/traditional.json" --out "$T/run" --ticks 36 --quiet \
  --set mechanisms.population.count=400 >"$T/run.log" 2>&1 || { cat "$T/run.log" >&2; die "vicsim run failed"; }

section "bad input: exit 2, a message, nothing written"
mkdir -p "$T/empty"
expect_rc 2 "not a run, comparison, sweep, calibration or attribution directory" report "$T/empty" --out "$T/x.html"
expect_rc 2 "no such directory" report "$T/nope" --out "$T/x.html"
expect_rc 2 "unknown command 'reprot' \(did you mean 'report'\?\)" reprot "$T/run" --out "$T/x.html"
mkdir -p "$T/headeronly" && head -1 "$T/run/timeseries.csv" >"$T/headeronly/timeseries.csv"
expect_rc 2 "no rows \(expected at least one month\)" report "$T/headeronly" --out "$T/x.html"
expect_rc 2 "no rows to export" export "$T/headeronly" --tidy-csv "$T/headeronly_long.csv"
expect_rc 2 "designs of vicsim sweep" sensitivity --help
expect_rc 2 "does not exist" report "$T/run" --out "$T/no/such/dir/x.html"
expect_rc 2 "is a directory" report "$T/run" --out "$T/empty"
printf 'tick,firms\n1,2,3\n' >"$T/empty/timeseries.csv"
expect_rc 2 "timeseries.csv: data row 1 has 3 fields" report "$T/empty" --out "$T/x.html"
expect_rc 2 "required|Required" report "$T/run"
[[ ! -e $T/x.html ]] && pass "no report written for bad input" || fail "$T/x.html written for bad input"

section "existing report: kept without --force, replaced with it"
echo precious >"$T/old.html"
expect_rc 2 "use --force" report "$T/run" --out "$T/old.html"
[[ $(cat "$T/old.html") == precious ]] && pass "old file intact" || fail "old file changed"
"$VICSIM" report "$T/run" --out "$T/old.html" --force -q && grep -q "report-status" "$T/old.html" &&
  pass "--force replaced it" || fail "--force did not replace the report"

section "missing chart libraries: exit 1, says how to install them"
VICSIM_VEGA_DIR=$T/nowhere expect_rc 1 "scripts/setup.sh" report "$T/run" --out "$T/novega.html"
[[ ! -e $T/novega.html ]] && pass "no report written" || fail "report written without the libraries"

section "determinism and self-containment"
# (The same --out too: the reproducing command in the report names it.)
SOURCE_DATE_EPOCH=1700000000 "$VICSIM" report "$T/run" --out "$T/r1.html" -q || fail "report r1 failed"
mv "$T/r1.html" "$T/r2.html"
SOURCE_DATE_EPOCH=1700000000 "$VICSIM" report "$T/run" --out "$T/r1.html" -q || fail "report r1 (again) failed"
cmp -s "$T/r1.html" "$T/r2.html" && pass "same directory + SOURCE_DATE_EPOCH: byte-identical reports" ||
  fail "two reports of the same run differ"
grep -q "2023-11-14 22:13 UTC" "$T/r1.html" && pass "SOURCE_DATE_EPOCH sets the report date" ||
  fail "report date does not follow SOURCE_DATE_EPOCH"
if grep -Eo '<(script|link|img)[^>]+(src|href)="https?:' "$T/r1.html" | head -3 | grep -q .; then
  fail "report loads resources from the network"
else
  pass "no <script src>, <link href> or <img src> pointing at http(s)"
fi
if ls -a "$T" | grep -q '\.tmp-'; then fail "temporary file left: $(ls -a "$T" | grep tmp)"; else pass "no temporary file left"; fi

section "numbers in the reports agree with the CSVs"
"$PY" "$FIXTURES" comparison "$T/cmp" || die "comparison fixture failed"
"$PY" "$FIXTURES" pilot "$T/run" "$T/pilot" >"$T/pilot_truth.json" || die "pilot fixture failed"
"$PY" "$FIXTURES" sweep "$T/sweep" || die "sweep fixture failed"
"$VICSIM" compare "$SRC/scenarios/traditional.json" "$SRC/scenarios/platform_led.json" --replications 3 \
  --ticks 36 --set mechanisms.population.count=400 --out "$T/realcmp" --quiet >"$T/compare.log" 2>&1 ||
  { cat "$T/compare.log" >&2; die "vicsim compare failed"; }
for k in cmp realcmp pilot sweep; do
  "$VICSIM" report "$T/$k" --out "$T/$k.html" -q || fail "vicsim report $T/$k failed"
done
if "$PY" - "$T" <<'PYEOF'; then
import csv, html, json, re, sys
T = sys.argv[1]
ok = True
def check(cond, msg):
    global ok
    print(("  ok: " if cond else "  FAIL: ") + msg, file=sys.stdout if cond else sys.stderr)
    ok = ok and cond
def text(path):
    return html.unescape(re.sub(r"<[^>]+>", " ", open(path, encoding="utf-8").read()))
# Run: the 'firms at the end' card is the last row of timeseries.csv.
rows = list(csv.DictReader(open(T + "/run/timeseries.csv")))
firms = int(float(rows[-1]["firms"]))
t = text(T + "/r1.html")
check(re.search(r"firms at the end\s+%s\b" % format(firms, ","), t) is not None,
      "run card 'firms at the end' shows %s (timeseries.csv last row)" % format(firms, ","))
check("Provenance" in t and "--seed" in t and "vicsim report" in t, "run report has provenance with both commands")
# Comparison (fixture and real): share KPIs' rows at the last tick, in points.
for d, kpis in (("cmp", ["cross_region_tie_share"]), ("realcmp", ["cloud_adoption_share", "cross_region_tie_share"])):
    rows_c = list(csv.DictReader(open(T + "/" + d + "/comparison.csv")))
    t = text(T + "/" + d + ".html")
    for k in kpis:
        c = [r for r in rows_c if r["kpi"] == k]
        last = max(c, key=lambda r: int(r["tick"]))
        diff = ("+" if float(last["diff"]) > 0 else "") + "%.2f" % (100 * float(last["diff"]))
        ci = "[%.2f, %.2f]" % (100 * float(last["ci_low"]), 100 * float(last["ci_high"]))
        check(diff in t and ci in t, "%s: table shows %s B - A = %s points with CI %s" % (d, k, diff, ci))
c = [r for r in csv.DictReader(open(T + "/cmp/comparison.csv")) if r["kpi"] == "cross_region_tie_share"]
last = max(c, key=lambda r: int(r["tick"]))
t = text(T + "/cmp.html")
half = (float(last["ci_high"]) - float(last["ci_low"])) / 2 * 100
sentence = re.search(r"raised the cross-regional tie share by (\d+) ± (\d+) points by year 4", t)
check(sentence is not None and int(sentence.group(1)) == round(100 * float(last["diff"])) and
      int(sentence.group(2)) == round(half),
      "summary sentence: '%s'" % (sentence.group(0) if sentence else "missing"))
# Pilot: the DiD of adoption share equals the fixture's exact value.
truth = json.load(open(T + "/pilot_truth.json"))
t = text(T + "/pilot.html")
want = "+%.2f pts" % (100 * truth["did_adoption_share"])
check(re.search(r"platform adoption share\s+[^\n]*?%s" % re.escape(want), t) is not None,
      "pilot DiD of adoption share shows %s (fixture: %.6f)" % (want, truth["did_adoption_share"]))
check("starts in month %d" % truth["start"] in t, "pilot start month %d read from scenario.resolved.json" % truth["start"])
# Sweep: the most influential factor sentence follows sensitivity.csv.
t = text(T + "/sweep.html")
check("platform adoption share depends most on platform_fee (total Sobol index 0.85)" in t,
      "sweep summary names the factor with the largest ST")
check("1 failed (left out of the plots)" in t, "sweep report counts the failed run")
check("vicsim sweep experiments/fixture_morris.json --out" in t, "sweep provenance has the sweep command")
sys.exit(0 if ok else 1)
PYEOF
  :
else
  fail "report numbers (see above)"
fi

section "exports: GEXF (dynamic), GraphML and tidy CSV against networkx and the run"
if "$VICSIM" export "$T/run" --gexf "$T/run.gexf" --graphml "$T/last.graphml" --tidy-csv "$T/long.csv" 2>"$T/export.err"; then
  pass "vicsim export wrote $(ls "$T/run.gexf" "$T/last.graphml" "$T/long.csv" | wc -l) files"
  "$PY" "$SRC/tests/cli/check_exports.py" "$T/run" "$T/run.gexf" "$T/last.graphml" "$T/long.csv" &&
    pass "networkx reads the GEXF and GraphML; every snapshot and the tidy CSV agree" || fail "export cross-check"
else
  fail "vicsim export failed: $(cat "$T/export.err")"
fi
"$VICSIM" export "$T/run" --gexf "$T/run2.gexf" 2>/dev/null && cmp -s "$T/run.gexf" "$T/run2.gexf" &&
  pass "GEXF export is deterministic" || fail "two GEXF exports differ"
expect_rc 2 "use --force" export "$T/run" --gexf "$T/run.gexf"
expect_rc 2 "no network/tick_NNNN.graphml" export "$T/cmp" --gexf "$T/cmp.gexf"
expect_rc 2 "nothing to export" export "$T/run"
expect_rc 2 "the same file as --gexf" export "$T/run" --gexf "$T/same.out" --tidy-csv "$T/same.out"
expect_rc 2 "inside the directory" export "$T/run" --tidy-csv "$T/run/timeseries.csv" --force
[[ -s $T/run/timeseries.csv ]] && head -1 "$T/run/timeseries.csv" | grep -q '^scenario,seed,tick,' &&
  pass "export never replaces the run's own timeseries.csv" || fail "the run's timeseries.csv was replaced"
"$VICSIM" export "$T/cmp" --tidy-csv "$T/cmp_long.csv" 2>/dev/null && head -1 "$T/cmp_long.csv" | grep -q '^arm,replication,scenario,seed,tick,stage_name,metric,value$' &&
  pass "comparison tidy CSV keeps arm and replication as id columns" || fail "comparison tidy CSV header: $(head -1 "$T/cmp_long.csv")"

section "a real pilot-program run is reported as a pilot program"
"$VICSIM" run "$SRC/scenarios/pilot_program.json" --out "$T/realpilot" --ticks 36 --quiet --pilot-replications 3 \
  --set mechanisms.population.count=400 >"$T/realpilot.log" 2>&1 || { cat "$T/realpilot.log" >&2; die "pilot run failed"; }
"$VICSIM" report "$T/realpilot" --out "$T/realpilot.html" >"$T/realpilot_report.log" 2>&1 &&
  grep -q "pilot program report" "$T/realpilot_report.log" && grep -q "<h3>Verdict</h3>" "$T/realpilot.html" &&
  grep -q "over 3 paired replications" "$T/realpilot.html" &&
  grep -q "What a field evaluation would have found" "$T/realpilot.html" &&
  pass "pilot_program.json run -> pilot report with a verdict over 3 replications and the field estimators" ||
  fail "pilot run not reported as a pilot program: $(cat "$T/realpilot_report.log")"
"$PY" - "$T/realpilot" "$T/realpilot.html" <<'PYEOF' && pass "pilot_effect.csv has 3 replications; the report's headline and cost per unit follow it; infrastructure is no outcome" || fail "pilot headline (see above)"
import csv, re, statistics, sys
T975_DF2 = 4.302652729911275  # Student's t, 97.5% quantile, 2 degrees of freedom (3 replications)
rows = list(csv.DictReader(open(sys.argv[1] + "/pilot_effect.csv")))
html = open(sys.argv[2]).read()
bad = []
if sorted({r["replication"] for r in rows}) != ["0", "1", "2"]: bad.append("replications %s" % {r["replication"] for r in rows})
if any(r["outcome"] == "infrastructure" for r in rows): bad.append("infrastructure listed as an outcome in pilot_effect.csv")
if re.search(r"<td>digital infrastructure level", html): bad.append("infrastructure listed as an outcome in the report")
# The headline mean and paired t interval of the adoption share, recomputed here.
x = [float(r["treated_effect"]) * 100 for r in rows if r["outcome"] == "adoption_share"]
m, h = statistics.mean(x), T975_DF2 * statistics.stdev(x) / len(x) ** 0.5
cell = re.search(r"<td>platform adoption share</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>", html)
want = ("%+.2f pts" % m, "[%+.2f pts, %+.2f pts]" % (m - h, m + h))
if not cell or (cell.group(1), cell.group(2)) != want: bad.append("adoption headline %s, want %s" % (cell and cell.groups(), want))
# A cost per unit appears only next to an effect whose CI excludes zero.
for row in re.findall(r"<tr>(<td>[^\n]*?)</tr>", html):
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", row)
    if len(cells) == 6 and "yuan per" in cells[5]:
        # Cells carry units and magnitude suffixes ("+1.49 M", "−0.3 pts"); only the sign matters here.
        def value(v):
            v = v.replace(" pts", "").replace(",", "").replace("\u2212", "-").strip()
            scale = {"k": 1e3, "M": 1e6, "bn": 1e9}
            for suffix, factor in scale.items():
                if v.endswith(" " + suffix): return float(v[: -len(suffix) - 1]) * factor
            return float(v)
        lo, hi = [value(v) for v in cells[2].strip("[]").split(", ")]
        if lo <= 0 <= hi: bad.append("cost shown for %s whose CI %s includes zero" % (cells[0], cells[2]))
if bad: sys.exit("  FAIL: " + "; ".join(bad))
PYEOF

section "a planner's own 3-region design with one pilot region gets estimates, not n/a"
# From the pilot run's resolved scenario: the bundled pilot_program.json only extends platform_led.json.
"$PY" - "$T/realpilot/scenario.resolved.json" "$T/three.json" <<'PYEOF' || die "could not write the 3-region scenario"
import json, sys
d = json.load(open(sys.argv[1]))
d.pop("provenance", None)
keep = ["Dongguan", "Foshan", "Wuhan"]
d["regions"] = [r for r in d["regions"] if r["name"] in keep]
for p in d["platforms"]:
    if p.get("host_region") not in keep: p["host_region"] = "Dongguan"
    if "region" in p and p["region"] not in keep: p["region"] = "Foshan"
d["policies"][0]["regions"] = ["Wuhan"]
json.dump(d, open(sys.argv[2], "w"))
PYEOF
"$VICSIM" run "$T/three.json" --out "$T/three" --ticks 36 --quiet --pilot-replications 2 \
  --set mechanisms.population.count=300 >"$T/three.log" 2>&1 || { cat "$T/three.log" >&2; die "3-region pilot run failed"; }
"$VICSIM" report "$T/three" --out "$T/three.html" >/dev/null 2>&1 &&
  ! grep -q "n/a (needs a treated and a control region)" "$T/three.html" && grep -q "pooled-variance t-interval" "$T/three.html" &&
  grep -q "2 placebos" "$T/three.html" &&
  pass "one pilot region and two controls: TWFE DiD with the pooled interval and a synthetic control" ||
  fail "3-region pilot design not estimated"
"$VICSIM" report "$T/run" --out "$T/notpilot.html" 2>&1 | grep -q "wrote .*: run report" &&
  pass "a run without a pilot (regions.csv, no treated region) stays a run report" ||
  fail "a run without a pilot was not reported as a run"

# A run with shocks, so the resilience keys are checked too (shock_resilience.json: ticks 60 and 84).
"$VICSIM" run "$SRC/scenarios/shock_resilience.json" --out "$T/shock" --ticks 96 --quiet \
  --set mechanisms.population.count=300 >"$T/shock.log" 2>&1 || { cat "$T/shock.log" >&2; die "shock run failed"; }

section "attribution: vicsim report of an attribution directory, and the section in a comparison report"
"$PY" "$FIXTURES" attribution "$T/attr" || die "attribution fixture failed"
expect_rc 0 "attribution report, 2 charts" report "$T/attr" --out "$T/attr.html"
# A comparison directory with `vicsim attribute --out DIR/attribution` inside gets the waterfalls too.
"$PY" "$FIXTURES" comparison "$T/cmpattr" || die "comparison fixture failed"
"$VICSIM" report "$T/cmpattr" --out "$T/cmp_plain.html" -q 2>"$T/err.txt" || fail "report of the comparison fixture failed"
plain=$("$VICSIM" report "$T/cmpattr" --out "$T/cmp_plain2.html" 2>&1 | grep -Eo '[0-9]+ charts' | grep -Eo '[0-9]+')
cp -r "$T/attr" "$T/cmpattr/attribution"
expect_rc 0 "comparison report, $((plain + 2)) charts" report "$T/cmpattr" --out "$T/cmpattr.html"
grep -q '<section id="attribution"' "$T/cmpattr.html" && pass "comparison report has an attribution section" ||
  fail "no attribution section in the comparison report with attribution results"
grep -q '<section id="attribution"' "$T/cmp_plain.html" && fail "attribution section without attribution results" ||
  pass "no attribution section without attribution results"
if "$PY" - "$T/attr.html" "$T/attr/attribution.csv" <<'PYEOF'; then
import csv, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
rows = list(csv.DictReader(open(sys.argv[2])))
# Every chart spec's data, in order: one waterfall per KPI at its last month.
charts = json.loads(re.search(r'<script type="application/json" id="vicsim-charts">(.*?)</script>', page, re.S).group(1))
specs = [c["spec"] for c in charts]
bad = []
if len(specs) != 2: bad.append("%d chart specs, expected 2" % len(specs))
for spec, kpi in zip(specs, ["transaction_cost_per_unit", "cross_region_tie_share"]):
    values = spec["data"]["values"]
    last = {r["mechanism"]: float(r["contribution"]) for r in rows if r["kpi"] == kpi and r["tick"] == "48"}
    steps = [v for v in values if v["kind"] != "total"]
    total = [v for v in values if v["kind"] == "total"]
    if [v["label"] for v in steps] != ["platforms", "platform_ratings", "dispatch", "unexplained"]: bad.append("%s steps %s" % (kpi, [v["label"] for v in steps]))
    if abs(steps[-1]["end"] - last["total"]) > 1e-9: bad.append("%s: the steps end at %g, total %g" % (kpi, steps[-1]["end"], last["total"]))
    if len(total) != 1 or abs(total[0]["end"] - last["total"]) > 1e-9: bad.append("%s: total bar" % kpi)
    if abs(values[1]["contribution"] - last["platform_ratings"]) > 1e-9: bad.append("%s: platform_ratings bar" % kpi)
if bad: sys.exit("  FAIL: " + "; ".join(bad))
PYEOF
  pass "attribution waterfalls: one per KPI at its last month, steps from 0 to the total of attribution.csv"
else
  fail "attribution waterfalls (see above)"
fi
sed 's/^kpi,tick,mechanism,contribution,ci_low,ci_high$/kpi,tick,mechanism,contribution,ci_lo,ci_high/' "$T/attr/attribution.csv" >"$T/attr.csv"
mv "$T/attr.csv" "$T/attr/attribution.csv"
expect_rc 2 "attribution.csv: missing column 'ci_low'" report "$T/attr" --out "$T/attr_bad.html"
[[ ! -e $T/attr_bad.html ]] && pass "no report written for a bad attribution.csv" || fail "report written for a bad attribution.csv"
rm "$T/attr/attribution.json"
expect_rc 2 "not a run, comparison, sweep, calibration or attribution directory" report "$T/attr" --out "$T/attr_bad.html"

section "exports of a run with platforms: adoption, memberships and tie channel on Gephi's timeline"
if "$VICSIM" export "$T/realpilot" --gexf "$T/pilot.gexf" --graphml "$T/pilot_last.graphml" --tidy-csv "$T/pilot_long.csv" 2>"$T/pexport.err"; then
  "$PY" "$SRC/tests/cli/check_exports.py" "$T/realpilot" "$T/pilot.gexf" "$T/pilot_last.graphml" "$T/pilot_long.csv" &&
    grep -q 'value="platform"' "$T/pilot.gexf" && grep -q '<attvalue for="adopted" value="1"' "$T/pilot.gexf" &&
    pass "GEXF adopted, platforms and channel agree with every GraphML snapshot (some firms adopt, some ties are on a platform)" ||
    fail "GEXF dynamic adoption/membership/channel cross-check"
else
  fail "vicsim export of the pilot run failed: $(cat "$T/pexport.err")"
fi
"$VICSIM" export "$T/sweep" --tidy-csv "$T/sweep_long.csv" 2>/dev/null &&
  "$PY" - "$T/sweep" "$T/sweep_long.csv" <<'PYEOF' && pass "sweep tidy CSV: factors are columns, metric holds only KPIs" || fail "sweep tidy CSV mixes factors and KPIs"
import csv, json, sys
man = json.load(open(sys.argv[1] + "/sweep.json"))
factors = [f["name"] for f in man["factors"]]
rows = list(csv.DictReader(open(sys.argv[2])))
metrics = {r["metric"] for r in rows}
bad = [f for f in factors if f in metrics or f not in rows[0]]
bad += [m for m in metrics if m not in man["kpis"]]
print("  factors %s; metrics %s" % (factors, sorted(metrics)))
sys.exit(1 if bad or not rows else 0)
PYEOF

section "docs/outputs.md documents every GraphML attribute"
"$PY" - "$SRC/docs/outputs.md" "$T/realpilot" <<'PYEOF' && pass "every GraphML <key> of a snapshot is in docs/outputs.md's GraphML table" || fail "GraphML attributes undocumented (see above)"
import glob, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
section = re.search(r"^### network/tick_NNNN\.graphml\n(.*?)^#", doc, re.M | re.S).group(1)
documented = set(re.findall(r"`([^`]+)`", section))
snap = sorted(glob.glob(sys.argv[2] + "/network/tick_*.graphml"))[-1]
keys = set(re.findall(r'attr\.name="([^"]+)"', open(snap).read()))
missing = sorted(keys - documented)
print("  %d GraphML attributes; undocumented: %s" % (len(keys), missing or "none"))
sys.exit(1 if missing or not keys else 0)
PYEOF

section "docs/outputs.md documents every column the run writes"
if "$PY" - "$SRC/docs/outputs.md" "$T/run" "$T/realpilot" "$T/shock" <<'PYEOF'; then
import csv, json, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
documented = set(re.findall(r"^\| `([^`]+)` \|", doc, re.M))
missing = []
for d, f in ((sys.argv[2], "timeseries.csv"), (sys.argv[2], "firms.csv"), (sys.argv[3], "regions.csv"),
             (sys.argv[3], "policies.csv"), (sys.argv[3], "pilot_effect.csv")):
    header = next(csv.reader(open(d + "/" + f)))
    missing += ["%s: %s" % (f, c) for c in header if c not in documented]
shocks = 0
for d in sys.argv[2:5]:
    summary = json.load(open(d + "/summary.json"))
    missing += ["summary.json: %s" % k for k in summary if k not in doc]
    for s in summary["shocks"]:
        shocks += 1
        missing += ["summary.json shocks[]: %s" % k for k in s if "`%s`" % k not in doc]
        for part in ("output", "firms", "output_vs_no_shock", "firms_vs_no_shock"):
            missing += ["summary.json shocks[].%s: %s" % (part, k) for k in s[part] if "`%s`" % k not in doc]
# platforms.csv is checked against its own table, both ways: every written column documented there, and
# every column documented there written (the pilot_program run has platforms).
section = re.search(r"^### platforms\.csv\n(.*?)^#", doc, re.M | re.S)
platform_doc = re.findall(r"^\| `([^`]+)` \|", section.group(1), re.M) if section else []
platform_header = next(csv.reader(open(sys.argv[3] + "/platforms.csv")))
missing += ["platforms.csv: %s" % c for c in platform_header if c not in platform_doc]
missing += ["platforms.csv (documented, not written): %s" % c for c in platform_doc if c not in platform_header]
if shocks != 2:
    missing.append("expected 2 shocks in the shock_resilience run's summary.json, found %d" % shocks)
if missing:
    sys.exit("  FAIL: not in docs/outputs.md: " + ", ".join(missing))
print("  ok: every timeseries.csv, firms.csv, regions.csv, policies.csv, pilot_effect.csv and platforms.csv column and summary.json key is documented")
PYEOF
  :
else
  fail "docs/outputs.md is out of date (see above)"
fi

echo
if [[ $failures -ne 0 ]]; then
  echo "report_cli: $failures check(s) FAILED" >&2
  exit 1
fi
echo "report_cli: all checks passed"

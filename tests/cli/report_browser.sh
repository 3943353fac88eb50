#!/usr/bin/env bash
# Browser test of `vicsim report`: headless Chromium loads a report of each kind (traditional and
# platform-led runs, a real `vicsim compare` and a fabricated comparison, pilot program, sweep, calibration,
# attribution, and a comparison with attribution results); every chart must render (the page's #report-status marker says how many
# charts drew marks) with no JavaScript error and no Vega warning; a screenshot must not be blank.
#
# Usage: bash tests/cli/report_browser.sh <path-to-vicsim> <source-dir>
# Needs: chromium (Debian package), /usr/bin/python3 with PIL (python3-pil), and the chart libraries
# installed by scripts/setup.sh (third_party/vega/node_modules).
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
PY=/usr/bin/python3
FIXTURES=$SRC/tests/cli/report_fixtures.py
CHECK_PNG=$SRC/tests/cli/check_screenshot.py

failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }

CHROMIUM=$(command -v chromium || command -v chromium-browser) ||
  die "chromium not found; install the Debian package (bash scripts/setup.sh)"
"$PY" -c 'import PIL' 2>/dev/null || die "$PY cannot import PIL; install python3-pil (bash scripts/setup.sh)"

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-browser.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

chrome() {  # chrome PROFILE ARGS...: headless Chromium as the machine allows it (root, no GPU, no network)
  local profile=$1
  shift
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$T/profile-$profile" --virtual-time-budget=30000 "$@" 2>>"$T/chromium.log"
}

# check_report NAME HTML MIN_CHARTS
check_report() {
  local name=$1 html=$2 min=$3
  echo "== $name report: $(du -k "$html" | cut -f1) KiB"
  # One browser launch for both: the DOM after the charts drew, and the screenshot of the same page.
  chrome "$name" --dump-dom --screenshot="$T/$name.png" --window-size=1280,2000 "file://$html" >"$T/$name.dom"
  if "$PY" - "$T/$name.dom" "$min" <<'PYEOF'; then
import re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
m = re.search(r'<div id="report-status"([^>]*)>', dom)
if not m:
    sys.exit("  FAIL: no #report-status element in the rendered DOM (%d bytes)" % len(dom))
attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))
charts, rendered = int(attrs.get("data-charts", "-1")), int(attrs.get("data-rendered", "-1"))
print("  status=%s charts=%s rendered=%s errors=%s warnings=%s" % (attrs.get("data-status"), charts, rendered,
      attrs.get("data-errors"), attrs.get("data-warnings")))
bad = []
if attrs.get("data-status") != "ok": bad.append("status is %r, not 'ok'" % attrs.get("data-status"))
if attrs.get("data-errors") != "0": bad.append("JavaScript/Vega errors: %s" % attrs.get("data-messages"))
if attrs.get("data-warnings") != "0": bad.append("Vega warnings: %s" % attrs.get("data-messages"))
if charts < int(sys.argv[2]): bad.append("only %d charts, expected at least %s" % (charts, sys.argv[2]))
if rendered != charts: bad.append("%d of %d charts rendered" % (rendered, charts))
marks = [int(x) for x in re.findall(r'data-marks="(\d+)"', dom)]
if len(marks) != charts or min(marks or [0]) == 0: bad.append("marks per chart: %s" % marks)
else: print("  marks per chart: %s" % marks)
if bad: sys.exit("  FAIL: " + "; ".join(bad))
PYEOF
    pass "$name: every chart rendered, no JavaScript error or Vega warning"
  else
    fail "$name: rendering check (see above)"
  fi
  if [[ -s $T/$name.png ]] && "$PY" "$CHECK_PNG" "$T/$name.png"; then
    pass "$name: screenshot is not blank"
  else
    fail "$name: screenshot missing or blank"
  fi
}

report() {  # report NAME DIR: vicsim report DIR into $T/NAME.html
  local name=$1 dir=$2
  if "$VICSIM" report "$dir" --out "$T/$name.html" >"$T/$name.log" 2>&1; then
    return 0
  fi
  cat "$T/$name.log" >&2
  fail "vicsim report $dir exited non-zero"
  return 1
}

"$VICSIM" run "$SRC/scenarios/traditional.json" --out "$T/run" --ticks 36 --quiet \
  --set mechanisms.population.count=400 >"$T/run.log" 2>&1 || { cat "$T/run.log" >&2; die "vicsim run failed"; }
report run "$T/run" && check_report run "$T/run.html" 6

"$PY" "$FIXTURES" comparison "$T/cmp" || die "comparison fixture failed"
report comparison "$T/cmp" && check_report comparison "$T/comparison.html" 3

# The real thing: vicsim compare of the two bundled paths, and a platform-led run (three stage tracks).
"$VICSIM" compare "$SRC/scenarios/traditional.json" "$SRC/scenarios/platform_led.json" --replications 3 \
  --ticks 36 --set mechanisms.population.count=400 --out "$T/compare" --quiet >"$T/compare.log" 2>&1 ||
  { cat "$T/compare.log" >&2; die "vicsim compare failed"; }
report compare "$T/compare" && check_report compare "$T/compare.html" 3
# The attribution page of `vicsim attribute` (a waterfall chart per KPI).
"$VICSIM" attribute "$SRC/scenarios/traditional.json" "$SRC/scenarios/platform_led.json" --replications 2 \
  --ticks 24 --set mechanisms.population.count=300 --groups platforms,platform_ratings --kpis real_output,firms,lead_time_days \
  --out "$T/attribute" --quiet >"$T/attribute.log" 2>&1 || { cat "$T/attribute.log" >&2; die "vicsim attribute failed"; }
check_report attribution "$T/attribute/attribution.html" 3
# `vicsim report` of that directory, and a comparison directory holding it (an attribution section).
report attributedir "$T/attribute" && check_report attributedir "$T/attributedir.html" 3
cp -r "$T/attribute" "$T/compare/attribution"
report compareattr "$T/compare" && check_report compareattr "$T/compareattr.html" 6
if grep -q '<section id="attribution"' "$T/compareattr.dom"; then
  pass "compareattr: the comparison report has the attribution section"
else
  fail "compareattr: no attribution section in the rendered comparison report"
fi
"$VICSIM" run "$SRC/scenarios/platform_led.json" --out "$T/platform" --ticks 36 --quiet \
  --set mechanisms.population.count=400 >"$T/platform.log" 2>&1 || { cat "$T/platform.log" >&2; die "vicsim run platform_led failed"; }
report platform "$T/platform" && check_report platform "$T/platform.html" 7
# The platform chart (platforms.csv): in each of its two panels (members, fee) a line per platform that was
# ever alive, named in the legend.
if "$PY" - "$T/platform.dom" "$T/platform/platforms.csv" <<'PYEOF'; then
import csv, re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
alive = sorted({r["platform"] for r in csv.DictReader(open(sys.argv[2])) if r["alive"] == "1"})
m = re.search(r'<section id="platforms">(.*?)</section>', dom, re.S)
if not m:
    sys.exit("  FAIL: no platforms section in the platform-led run report")
groups = re.findall(r'<g class="mark-line role-mark[^"]*"[^>]*>(.*?)</g>', m.group(1), re.S)
lines = sum(len(re.findall("<path", g)) for g in groups)
texts = set(re.findall(r"<text[^>]*>([^<]*)</text>", m.group(1)))
print("  platforms section: %d lines for %d platforms ever alive" % (lines, len(alive)))
bad = [] if lines == 2 * len(alive) else ["%d lines drawn, expected %d" % (lines, 2 * len(alive))]
bad += ["not in the chart: %s" % t for t in alive + ["members (firms)", "transaction fee (%)"] if t not in texts]
if len(alive) < 2 or bad:
    sys.exit("  FAIL: " + ("; ".join(bad) or "fewer than 2 platforms alive"))
PYEOF
  pass "platform: the platforms.csv chart draws members and fee of every platform, named in the legend"
else
  fail "platform: the platforms.csv chart (see above)"
fi

"$PY" "$FIXTURES" pilot "$T/run" "$T/pilot" >/dev/null || die "pilot fixture failed"
report pilot "$T/pilot" && check_report pilot "$T/pilot.html" 9

# A real pilot-program run (regions.csv and policies.csv written by vicsim run).
"$VICSIM" run "$SRC/scenarios/pilot_program.json" --out "$T/realpilot" --ticks 36 --quiet --pilot-replications 2 \
  --set mechanisms.population.count=400 >"$T/realpilot.log" 2>&1 || { cat "$T/realpilot.log" >&2; die "vicsim run pilot_program failed"; }
report realpilot "$T/realpilot" && check_report realpilot "$T/realpilot.html" 11

# The pilot section draws the event study (leads and lags around the start), the treated/control paths
# and the synthetic control, each with marks and named axes/legends; leads (negative months) are on the axis.
if "$PY" - "$T/realpilot.dom" <<'PYEOF'; then
import re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
m = re.search(r'<section id="pilot">(.*?)</section>', dom, re.S)
if not m:
    sys.exit("  FAIL: no pilot section in the rendered pilot report")
sec = m.group(1)
marks = [int(x) for x in re.findall(r'data-marks="(\d+)"', sec)]
texts = set(t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", sec))
bad = [] if len(marks) == 3 and min(marks) > 0 else ["pilot charts with marks: %s (expected 3)" % marks]
bad += ["not drawn: %r" % t for t in ("months from the pilot start", "synthetic control", "treated regions (mean)",
                                       "control regions") if t not in texts]
if not any(re.fullmatch(r"[−-]\d+", t) for t in texts): bad.append("no lead (negative month) on the event-study axis")
print("  pilot section: %d charts, marks %s" % (len(marks), marks))
if bad: sys.exit("  FAIL: " + "; ".join(bad))
PYEOF
  pass "realpilot: event study with leads, treated/control paths and synthetic control render in the pilot section"
else
  fail "realpilot: pilot charts (see above)"
fi

"$PY" "$FIXTURES" sweep "$T/sweep" || die "sweep fixture failed"
report sweep "$T/sweep" && check_report sweep "$T/sweep.html" 5

# A real small calibration (vicsim calibrate): the trace and the profiles charts render.
cat >"$T/calibration.json" <<JSON
{"scenario": "$(cd "$SRC" && pwd)/scenarios/traditional.json", "set": ["ticks=12", "mechanisms.population.count=100"],
 "parameters": [{"path": "mechanisms.trade.transaction_cost_base", "bounds": [0.01, 0.2]},
                {"path": "mechanisms.platform_economy.fee_step", "bounds": [0.05, 0.5]}],
 "targets": [{"column": "transaction_cost_share", "aggregate": "mean", "value": 0.1}],
 "replications": 2, "optimiser": {"max_evaluations": 6}, "identifiability": {"points": 1}}
JSON
"$VICSIM" calibrate "$T/calibration.json" --out "$T/calibration" --jobs 2 --quiet || die "vicsim calibrate failed"
report calibration "$T/calibration" && check_report calibration "$T/calibration.html" 2

# Negative control: the same check must notice a chart that fails to render.
echo "== control: a report with one broken chart must fail the check"
sed 's/"mark":{"color":"#1f77b4","strokeWidth":2,"type":"line"}/"mark":{"type":"no-such-mark"}/' "$T/run.html" >"$T/broken.html"
if cmp -s "$T/run.html" "$T/broken.html"; then
  fail "control: could not break a chart spec in the run report (the spec format changed?)"
else
  chrome broken --dump-dom "file://$T/broken.html" >"$T/broken.dom"
  if grep -q 'data-status="error"' "$T/broken.dom" && grep -q 'data-rendered="5"' "$T/broken.dom"; then
    pass "control: the broken chart is reported (status error, 5 of 6 rendered)"
  else
    fail "control: the broken chart went unnoticed: $(grep -o '<div id="report-status"[^>]*>' "$T/broken.dom" | head -c 400)"
  fi
fi

echo
if [[ $failures -ne 0 ]]; then
  echo "report_browser: $failures check(s) FAILED" >&2
  exit 1
fi
echo "report_browser: all checks passed"

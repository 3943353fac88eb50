#!/usr/bin/env bash
# Headless checks of `vicsim view`, run under xvfb-run by CTest.
#
# Usage: xvfb-run -a bash tests/cli/view_headless.sh <path-to-vicsim> <source-dir>
#
# Checks: a replay and a live split screen write PNG frames; frames are the requested size, not blank,
# and show the side panel with the legend's swatches (tests/cli/check_frame.py); the same seed gives
# byte-identical frames; --every picks the months; --video (when ffmpeg is installed); bad input exits 2 with a message (missing path, not a
# run directory, no display without --headless, bad --size, a non-empty frames directory).
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
SCENARIO=$SRC/scenarios/traditional.json
CHECK=$SRC/tests/cli/check_frame.py
failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found"
[[ -n ${DISPLAY:-} ]] || die "no DISPLAY: run this script under xvfb-run -a"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-view.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$T"' EXIT

# The panel is 300 px wide at 1280x720 (450 px with --large-font).
# Legend swatches of the region colouring (Tableau 10: the first six regions).
REGION_SWATCHES="78,121,167 242,142,43 225,87,89 118,183,178 89,161,79 237,201,72"

echo "== replay of a run directory"
"$VICSIM" run "$SCENARIO" --out "$T/run" --ticks 24 --quiet --set mechanisms.population.count=600 ||
  die "vicsim run failed"
if "$VICSIM" view "$T/run" --headless --frames "$T/replay" --every 12 --size 1280x720 2>"$T/replay.log"; then
  n=$(ls "$T/replay" | grep -c '^frame_.*\.png$')
  [[ $n -eq 3 ]] && pass "replay of 24 months every 12: 3 frames (months 1, 13, 24)" || fail "replay wrote $n frames, expected 3"
  python3 "$CHECK" "$T/replay/frame_00002.png" 1280 720 300 $REGION_SWATCHES &&
    pass "replay frame: size, graph not blank, panel and legend present" || fail "replay frame check"
else
  cat "$T/replay.log" >&2
  fail "view of a run directory failed"
fi

echo "== live split screen, twice with the same seed"
for k in 1 2; do
  "$VICSIM" view "$SCENARIO" "$SCENARIO" --headless --frames "$T/live$k" --ticks 8 --every 4 --size 1280x720 \
    --set mechanisms.population.count=500 --layout force 2>"$T/live$k.log" || { cat "$T/live$k.log" >&2; fail "live split run $k"; }
done
n=$(ls "$T/live1" 2>/dev/null | grep -c '^frame_.*\.png$')
[[ $n -eq 3 ]] && pass "live 8 months every 4: 3 frames (months 0, 4, 8)" || fail "live wrote $n frames, expected 3"
if diff -r "$T/live1" "$T/live2" >/dev/null; then pass "same seed: byte-identical frames"; else fail "same seed gave different frames"; fi
python3 "$CHECK" "$T/live1/frame_00002.png" 1280 720 300 $REGION_SWATCHES &&
  pass "live split frame: size, graph not blank, panel and legend present" || fail "live split frame check"
"$VICSIM" view "$SCENARIO" --headless --frames "$T/seed" --ticks 4 --every 4 --size 1280x720 --seed 99 \
  --set mechanisms.population.count=500 --layout force 2>/dev/null
cmp -s "$T/seed/frame_00001.png" "$T/live1/frame_00001.png" && fail "another seed gave the same frame" ||
  pass "another seed changes the frame"

echo "== other layouts and colourings render"
"$VICSIM" view "$T/run" --headless --frames "$T/plat" --every 100 --layout platform --colour adoption --large-font \
  2>/dev/null && python3 "$CHECK" "$T/plat/frame_00001.png" 1280 720 450 90,220,120 &&
  pass "platform layout, adoption colours, large font" || fail "platform layout frame"

echo "== a platform-led replay shows its platforms"
"$VICSIM" run "$SRC/scenarios/platform_led.json" --out "$T/prun" --ticks 24 --quiet \
  --set mechanisms.population.count=600 || die "vicsim run platform_led failed"
grep -q 'attr.name="platforms"' "$T/prun/network/tick_0024.graphml" && pass "GraphML has platform memberships" ||
  fail "GraphML lacks the platforms attribute"
# Legend swatches of the first two platforms' colours, in the platform colouring.
"$VICSIM" view "$T/prun" --headless --frames "$T/pframes" --every 100 --colour platform --layout platform 2>/dev/null &&
  python3 "$CHECK" "$T/pframes/frame_00001.png" 1280 720 300 0,200,255 255,90,200 &&
  pass "platform replay: platform legend and hubs" || fail "platform replay frame"

echo "== video"
if command -v ffmpeg >/dev/null; then
  "$VICSIM" view "$T/run" --headless --frames "$T/vidframes" --every 6 --video "$T/run.mp4" 2>/dev/null &&
    [[ -s $T/run.mp4 && ! -e $T/run.mp4.partial ]] && pass "--video writes an mp4" || fail "--video"
else
  echo "  skip: ffmpeg not installed"
fi

echo "== bad input"
expect2() {
  local what=$1 pattern=$2
  shift 2
  "$@" >"$T/out.log" 2>&1
  local rc=$?
  if [[ $rc -eq 2 ]] && grep -qi -- "$pattern" "$T/out.log"; then pass "$what: exit 2"; else
    cat "$T/out.log" >&2
    fail "$what: exit $rc, expected 2 with '$pattern'"
  fi
}
expect2 "missing input" "no such file" "$VICSIM" view "$T/nope.json" --headless --frames "$T/x1"
mkdir -p "$T/empty"
expect2 "not a run directory" "not a run directory" "$VICSIM" view "$T/empty" --headless --frames "$T/x2"
mkdir -p "$T/badts" && cp "$T/run/scenario.resolved.json" "$T/badts/" && printf 'tick,firms\n1,2,3\n' >"$T/badts/timeseries.csv"
expect2 "malformed timeseries.csv" "badts/timeseries.csv: data row 1" \
  "$VICSIM" view "$T/badts" --headless --frames "$T/x5"
expect2 "no display without --headless" "xvfb-run" env -u DISPLAY "$VICSIM" view "$SCENARIO"
expect2 "bad --size" "size" "$VICSIM" view "$SCENARIO" --headless --frames "$T/x3" --size 12by4
expect2 "non-empty frames directory" "force" "$VICSIM" view "$T/run" --headless --frames "$T/replay"
expect2 "--frames without --headless" "headless" "$VICSIM" view "$SCENARIO" --frames "$T/x4"
[[ ! -e $T/x1 && ! -e $T/x2 && ! -e $T/x3 && ! -e $T/x5 ]] && pass "failed views leave no frames directory" || fail "a frames directory was left behind"

echo
[[ $failures -eq 0 ]] && echo "view_headless: all checks passed" || echo "view_headless: $failures check(s) failed" >&2
exit $((failures > 0))

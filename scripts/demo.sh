#!/usr/bin/env bash
# README command 1: set up, build, and run the flagship comparison (traditional vs platform-led,
# paired replications with common random numbers) plus one platform-led run with network snapshots.
# Usage: bash scripts/demo.sh [OUT_DIR]   (default runs/flagship; REPLICATIONS=N, default 10)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
out=${1:-runs/flagship}
reps=${REPLICATIONS:-10}
build/vicsim compare scenarios/traditional.json scenarios/platform_led.json \
  --replications "$reps" --jobs "$(nproc)" --out "$out/compare" --force
build/vicsim run scenarios/platform_led.json --out "$out/platform_led" --force
build/vicsim report "$out/compare" --out "$out/compare.html" --force
build/vicsim report "$out/platform_led" --out "$out/platform_led.html" --force
echo "demo: comparison in $out/compare (comparison.csv, comparison.json, timeseries.csv);"
echo "      one platform-led run in $out/platform_led (timeseries.csv, summary.json, firms.csv, network/)"
echo "      HTML reports (open in any browser, offline): $out/compare.html, $out/platform_led.html"

#!/usr/bin/env bash
# README command 1: set up, build, and run the flagship scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
out=${1:-runs/flagship}
build/vicsim run scenarios/traditional.json --out "$out" --force
echo "demo: outputs in $out (timeseries.csv, summary.json, firms.csv, network/)"

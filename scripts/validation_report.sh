#!/usr/bin/env bash
# Regenerates docs/VALIDATION.md from actual test runs: runs every pattern and validation test (ctest labels
# "pattern" and "validation") with VICSIM_VALIDATION_OUT set, so each test appends what it measured, then
# renders the table (scripts/validation_report.py).
# Usage: scripts/validation_report.sh [OUT.md]   (default docs/VALIDATION.md; needs a build in build/)
source "$(dirname "$0")/usage.sh"
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/VALIDATION.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export VICSIM_VALIDATION_OUT=$tmp/results.jsonl
: >"$VICSIM_VALIDATION_OUT"
ctest --test-dir build -L 'pattern|validation' -j "${JOBS:-2}" --output-on-failure | tee "$tmp/ctest.log"
python3 scripts/validation_report.py "$VICSIM_VALIDATION_OUT" "$tmp/ctest.log" >"$tmp/VALIDATION.md" &&
  mv "$tmp/VALIDATION.md" "$out" && echo "wrote $out"

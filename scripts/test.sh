#!/usr/bin/env bash
# README command 2: set up if needed, build, and run the whole test suite.
# Usage: bash scripts/test.sh   (JOBS=N parallel tests, default 2; CI=true adds the sanitizer and fuzzing pass of
#   scripts/reliability.sh, VICSIM_RELIABILITY=skip skips it)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "${JOBS:-2}"
# CI also builds a sanitizer subset and runs a short fuzzing pass (docs/RELIABILITY.md).
[ "${CI:-}" = "true" ] && bash scripts/reliability.sh
exit 0

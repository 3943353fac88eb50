#!/usr/bin/env bash
# README command 2: set up if needed, build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "${JOBS:-2}"
# CI also builds a sanitizer subset and runs a short fuzzing pass (docs/RELIABILITY.md).
[ "${CI:-}" = "true" ] && bash scripts/reliability.sh
exit 0

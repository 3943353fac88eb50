#!/usr/bin/env bash
# Configures and builds vicsim into build/ (preset "release"; CI adds -Werror).
# Usage: bash scripts/build.sh   (VICSIM_PRESET=debug|asan|... another CMake preset; JOBS=N parallel jobs, default 2;
#   CI=true the "ci" preset)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${VICSIM_PRESET:-release}
[ "${CI:-}" = "true" ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "${JOBS:-2}"

#!/usr/bin/env bash
# Configures and builds vicsim into build/ (preset "release"; CI adds -Werror).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${VICSIM_PRESET:-release}
[ "${CI:-}" = "true" ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "${JOBS:-2}"

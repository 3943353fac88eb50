#!/usr/bin/env bash
# Rewrites the approved outputs in tests/golden/ from the current build (the approval test is
# tests/cli/golden.sh, `ctest -R validation.golden`). Use it in the same commit as a deliberate model change
# and say in the commit message why the outputs changed.
# Usage: scripts/update_golden.sh [VICSIM]   (default build/vicsim)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/cli/golden.sh "${1:-build/vicsim}" . --update
git status --short tests/golden

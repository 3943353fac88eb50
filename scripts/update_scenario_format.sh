#!/usr/bin/env bash
# Regenerates the two generated tables of docs/scenario-format.md in place: the key reference
# (`vicsim schema`) and the mechanism registry (`vicsim schema --format mechanisms`). Each table is found by
# its header line and replaced up to the first line that is not a table row; tests/cli/docs_current.sh
# checks the result.
# Usage: bash scripts/update_scenario_format.sh [path-to-vicsim]
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
VICSIM=${1:-build/vicsim}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$VICSIM" schema >"$T/keys.md"
"$VICSIM" schema --format mechanisms >"$T/mechanisms.md"
python3 - docs/scenario-format.md "$T/keys.md" "$T/mechanisms.md" <<'PY'
import sys
doc_path = sys.argv[1]
lines = open(doc_path, encoding="utf-8").read().split("\n")
for table_path in sys.argv[2:]:
    table = open(table_path, encoding="utf-8").read().rstrip("\n").split("\n")
    start = lines.index(table[0])
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    lines[start:end] = table
open(doc_path, "w", encoding="utf-8").write("\n".join(lines))
PY
echo "updated docs/scenario-format.md"

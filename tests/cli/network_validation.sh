#!/usr/bin/env bash
# Validation case "network metrics" (docs/VALIDATION.md): vicsim's network columns in timeseries.csv equal
# networkx's on every exported GraphML snapshot, for a traditional and a platform-led run.
# Usage: network_validation.sh VICSIM SOURCE_DIR
set -euo pipefail
VICSIM=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
status=0
for s in traditional platform_led; do
  "$VICSIM" run "$SRC/scenarios/$s.json" --out "$T/$s" --ticks 36 --set output.network_every=12 >/dev/null
  echo "$s:"
  python3 "$SRC/tests/cli/check_graphml.py" "$T/$s" --every || status=1
done
exit $status

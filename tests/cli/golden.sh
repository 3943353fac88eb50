#!/usr/bin/env bash
# Approval tests (docs/VALIDATION.md, "golden outputs"): two small runs (200 firms, 24 months, traditional and
# platform-led) compared byte for byte with tests/golden/, after blanking the two provenance values that
# change with every commit (git_hash, vicsim_version).
# Usage: golden.sh VICSIM SOURCE_DIR [--update]
#   --update rewrites tests/golden/ from this build (scripts/update_golden.sh): do it in the same commit as a
#   deliberate model change, and say in the commit message why the outputs changed.
set -euo pipefail
VICSIM=$(realpath "$1")
SRC=$(realpath "$2")
UPDATE=${3:-}
GOLDEN=$SRC/tests/golden
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The files compared: every file a run writes at its top level, and every file in tests/golden/, so a new
# output file or a vanished one fails too; not network/ (its columns are in timeseries.csv and checked
# against networkx by network_validation.sh).
files_of() {  # the top-level files of the run's and the golden directory, sorted, once each
  { find "$1" -maxdepth 1 -type f -printf '%f\n'; [[ -d $2 ]] && find "$2" -maxdepth 1 -type f -printf '%f\n'; } |
    LC_ALL=C sort -u
}
status=0
report=""
for s in traditional platform_led; do
  # Relative scenario path: it is recorded in scenario.resolved.json.
  (cd "$SRC" && "$VICSIM" run "scenarios/$s.json" --out "$T/$s" --ticks 24 --threads 1 \
    --set mechanisms.population.count=200 >/dev/null 2>&1)
  sed -i -E 's/"(git_hash|vicsim_version)": "[^"]*"/"\1": "-"/' "$T/$s/summary.json" "$T/$s/scenario.resolved.json"
  mapfile -t FILES < <(files_of "$T/$s" "$GOLDEN/$s")
  if [[ $UPDATE == --update ]]; then
    rm -rf "${GOLDEN:?}/$s"
    mkdir -p "$GOLDEN/$s"
    for f in "${FILES[@]}"; do [[ -e $T/$s/$f ]] && cp "$T/$s/$f" "$GOLDEN/$s/$f"; done
    echo "updated $GOLDEN/$s"
    continue
  fi
  for f in "${FILES[@]}"; do
    if [[ ! -e $T/$s/$f && ! -e $GOLDEN/$s/$f ]]; then continue; fi
    if [[ ! -e $GOLDEN/$s/$f ]]; then
      echo "FAIL $s/$f: written by the run but not in tests/golden ($GOLDEN/$s)"; status=1; report+="$s/$f new; "
    elif [[ ! -e $T/$s/$f ]]; then
      echo "FAIL $s/$f: in tests/golden but no longer written"; status=1; report+="$s/$f missing; "
    elif cmp -s "$T/$s/$f" "$GOLDEN/$s/$f"; then
      echo "ok   $s/$f identical"
    else
      echo "FAIL $s/$f differs from tests/golden/$s/$f:"
      diff "$GOLDEN/$s/$f" "$T/$s/$f" | head -8 | cut -c1-200
      status=1
      report+="$s/$f differs; "
    fi
  done
done
[[ $UPDATE == --update ]] && exit 0
if [[ $status -ne 0 ]]; then
  echo "The outputs changed. If the change is deliberate, run scripts/update_golden.sh and commit tests/golden/"
  echo "with the model change, saying why the outputs changed."
fi
if [[ -n ${VICSIM_VALIDATION_OUT:-} ]]; then
  python3 - "$VICSIM_VALIDATION_OUT" "$status" "$report" <<'PY'
import json, sys
path, status, report = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "a") as f:
    f.write(json.dumps({
        "id": "golden outputs", "source": "tests/golden/ (approved outputs, scripts/update_golden.sh)",
        "target": "traditional and platform-led, 200 firms, 24 months: every output file but network/ "
                  "identical to the approved one",
        "tolerance": "byte for byte (git_hash and vicsim_version blanked)",
        "measured": "identical" if status == 0 else report.strip("; "),
        "pass": status == 0, "command": "bash tests/cli/golden.sh build/vicsim .",
    }) + "\n")
PY
fi
exit $status

#!/usr/bin/env bash
# Checks the JSON Schema of `vicsim schema --format json-schema` with python3-jsonschema (draft 2020-12):
# every bundled scenario is valid against it, and files the loader rejects are rejected by the schema too.
#
# Usage: bash tests/cli/json_schema.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FAIL: $*" >&2; exit 1; }

PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
"$PY" -c "import jsonschema" 2>/dev/null || die "python3-jsonschema is missing (scripts/setup.sh installs it)"

T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-schema.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

"$VICSIM" schema --format json-schema >"$T/schema.json" || die "'vicsim schema --format json-schema' failed"
"$VICSIM" schema --format markdown >"$T/schema.md" || die "'vicsim schema --format markdown' failed"
"$VICSIM" schema >"$T/default.md" || die "'vicsim schema' failed"
cmp -s "$T/schema.md" "$T/default.md" || die "'vicsim schema' is not the markdown reference"

# Files the loader rejects (each with a different reason); the schema must reject them as well.
mkdir "$T/bad"
echo '{"regions":[{"name":"r"}],"industries":[{"name":"a"}],"tiks":10}' >"$T/bad/unknown_key.json"
echo '{"regions":[{"name":"r","infrastructure":1.5}],"industries":[{"name":"a"}]}' >"$T/bad/out_of_range.json"
echo '{"regions":[{"name":"r"}],"industries":[{"name":"a"}],"ticks":"ten"}' >"$T/bad/wrong_type.json"
echo '{"industries":[{"name":"a"}]}' >"$T/bad/no_regions.json"
echo '{"regions":[{"x_km":1}],"industries":[{"name":"a"}]}' >"$T/bad/region_without_name.json"
echo "{\"extends\":\"$SRC/scenarios/platform_led.json\",\"mechanisms\":{\"trade\":{\"enabeld\":true}}}" \
  >"$T/bad/extends_unknown_key.json"
echo '{"regions":[{"name":"r"}],"industries":[{"name":"a"}],"platforms":null}' >"$T/bad/null_without_base.json"
echo "{\"extends\":\"$SRC/scenarios/platform_led.json\",\"regions\":[{\"x_km\":1}]}" >"$T/bad/extends_region_without_name.json"
# And ones the loader accepts: an extending file needs no other key, and null deletes a base's key.
echo "{\"extends\":\"$SRC/scenarios/platform_led.json\",\"_notes\":\"ok\",\"ticks\":12}" >"$T/extends_ok.json"
echo "{\"extends\":\"$SRC/scenarios/platform_led.json\",\"platforms\":null,\"mechanisms\":{\"trade\":{\"enabled\":null}}}" \
  >"$T/extends_null_ok.json"

for f in "$T"/bad/*.json; do
  "$VICSIM" validate "$f" >/dev/null 2>&1
  rc=$?
  [[ $rc -eq 2 ]] || die "the loader should reject $(basename "$f") with exit 2, got $rc"
done
"$VICSIM" new --from platform_led --out "$T/starter.json" 2>/dev/null || die "vicsim new failed"
"$VICSIM" validate "$T/extends_ok.json" >/dev/null || die "the loader rejects extends_ok.json"
"$VICSIM" validate "$T/extends_null_ok.json" >/dev/null || die "the loader rejects extends_null_ok.json"

"$PY" - "$T/schema.json" "$SRC" "$T" <<'PYEOF'
import glob, json, os, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
src, tmp = sys.argv[2], sys.argv[3]
good = sorted(glob.glob(os.path.join(src, "scenarios", "*.json")) + glob.glob(os.path.join(src, "scenarios", "examples", "*.json")))
good += [os.path.join(tmp, f) for f in ("extends_ok.json", "extends_null_ok.json", "starter.json")]
failed = 0
for f in good:
    errors = list(v.iter_errors(json.load(open(f, encoding="utf-8"))))
    for e in errors[:3]:
        print("FAIL: %s is a valid scenario but the schema rejects it at %s: %s" % (f, e.json_path, e.message), file=sys.stderr)
    failed += bool(errors)
print("  %d valid scenarios accepted by the schema" % (len(good) - failed))
bad = sorted(glob.glob(os.path.join(tmp, "bad", "*.json")))
for f in bad:
    if v.is_valid(json.load(open(f, encoding="utf-8"))):
        print("FAIL: the schema accepts %s, which the loader rejects" % os.path.basename(f), file=sys.stderr)
        failed += 1
print("  %d invalid files checked against the schema" % len(bad))
sys.exit(1 if failed else 0)
PYEOF
[[ $? -eq 0 ]] || die "the JSON Schema and the loader disagree"
echo "  ok"

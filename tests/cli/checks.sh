# Sourced by CLI test scripts: counts failures and prints ok/FAIL lines.
failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }
section() { echo; echo "== $*"; }
# finish NAME: the closing line, and exit 1 if any check failed.
finish() {
  echo
  if [[ $failures -eq 0 ]]; then echo "$1: all checks passed"; else echo "$1: $failures check(s) FAILED"; exit 1; fi
}

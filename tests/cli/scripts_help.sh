#!/usr/bin/env bash
# Every script in scripts/ (shell and Python) answers -h and --help with its usage and exit 0, and does
# nothing else (no build, no run: a user reading the help must not start a 10-minute job).
# Usage: bash tests/cli/scripts_help.sh SOURCE_DIR
set -uo pipefail
SRC=$(realpath "$1")
failures=0
for f in "$SRC"/scripts/*.sh "$SRC"/scripts/*.py; do
  case $(basename "$f") in usage.sh | script_help.py) continue ;; esac
  run=(bash)
  [[ $f == *.py ]] && run=(/usr/bin/python3)
  for flag in -h --help; do
    out=$(cd /tmp && timeout 20 "${run[@]}" "$f" "$flag" 2>&1)
    rc=$?
    if [[ $rc -ne 0 || $out != *Usage:* ]]; then
      echo "FAIL $(basename "$f") $flag: exit $rc, output: ${out:0:200}"
      failures=$((failures + 1))
    fi
  done
done
[[ $failures -eq 0 ]] && echo "scripts_help: every script answers --help" || exit 1

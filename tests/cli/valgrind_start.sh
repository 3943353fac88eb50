#!/usr/bin/env bash
# vicsim runs under valgrind's callgrind, the profiler docs/PERFORMANCE.md uses: Boost.Math's long-double
# static initializers used to overflow under valgrind's 64-bit long double and abort before main()
# (reports/double_precision_policy.hpp). A tiny run, checked for exit status and a non-empty profile.
#
# Usage: bash tests/cli/valgrind_start.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
die() { echo "FATAL: $*" >&2; exit 1; }

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
command -v valgrind >/dev/null || die "valgrind is not installed (scripts/setup.sh installs it)"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-valgrind-test.XXXXXX") || die "mktemp -d failed"
trap 'rm -rf "$T"' EXIT

valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$VICSIM" run "$SRC/scenarios/traditional.json" \
  --set mechanisms.population.count=60 --set ticks=2 --set mechanisms.population.warmup_months=1 --out "$T/run" -q >"$T/log" 2>&1
rc=$?
[[ $rc -eq 0 ]] || { cat "$T/log" >&2; die "vicsim under callgrind exited $rc"; }
[[ -s $T/cg.out ]] || die "callgrind wrote no profile"
# The model ran inside the tool, not in a copy of the program that valgrind let run natively (vicsim re-executes
# itself for huge pages, app/allocator_policy.hpp, except under valgrind).
grep -q "settle_accounts" "$T/cg.out" && echo "  ok: the profile covers the model (settle_accounts)" ||
  die "the callgrind profile does not contain the model's settle_accounts: the run left the tool"
[[ -s $T/run/timeseries.csv ]] || die "the run under callgrind wrote no timeseries.csv"
echo "  ok: vicsim runs under callgrind (exit 0, profile and timeseries.csv written)"

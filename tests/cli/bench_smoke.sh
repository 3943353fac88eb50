#!/usr/bin/env bash
# `vicsim bench --smoke`: the output format and the summary line (no timing asserts: the machine is shared).
#
# Usage: bash tests/cli/bench_smoke.sh <path-to-vicsim> <source-dir>
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/cli_args.sh"
failures=0
pass() { echo "  ok: $*"; }
fail() { echo "  FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FATAL: $*" >&2; exit 1; }

[[ -x $VICSIM ]] || die "vicsim executable '$VICSIM' not found or not executable"
T=$(mktemp -d "${TMPDIR:-/tmp}/vicsim-bench-test.XXXXXX") || die "mktemp -d failed"
mkdir -p "$T/tmp"
trap 'rm -rf "$T"' EXIT

echo "== vicsim bench --help"
"$VICSIM" bench --help >"$T/help.txt" 2>&1 || fail "--help exited non-zero"
for opt in --sizes --ticks --threads --smoke --set --scenario; do
  grep -q -- "$opt" "$T/help.txt" && pass "--help lists $opt" || fail "--help does not list $opt"
done
grep -q -- "--child-size" "$T/help.txt" && fail "--help shows the internal --child-size option" ||
  pass "--help hides the internal options"

echo "== vicsim bench --smoke"
TMPDIR=$T/tmp "$VICSIM" bench --smoke >"$T/out.txt" 2>"$T/err.txt"
rc=$?
cat "$T/out.txt"
[[ $rc -eq 0 ]] || { cat "$T/err.txt" >&2; die "bench --smoke exited $rc"; }
for n in 500 2000; do
  grep -qx "== $n firms x 12 ticks, 1 thread(s)" "$T/out.txt" && pass "a section for $n firms" ||
    fail "no section header for $n firms"
done
for label in "wall time" "firm-ticks/s" "peak RSS" "reference loop"; do
  [[ $(grep -c "^$label " "$T/out.txt") -eq 2 ]] && pass "'$label' line for both sizes" ||
    fail "'$label' is not printed once per size"
done
grep -Eq "^firm-ticks/s +[0-9.e+]+ \(whole run\), [0-9.e+]+ \(tick loop\), [0-9.e+]+ per CPU-second$" "$T/out.txt" && pass "firm-ticks/s is a number" ||
  fail "firm-ticks/s line malformed"
grep -Eq "^peak RSS +[0-9.]+ MiB .* [0-9]+ bytes/firm" "$T/out.txt" && pass "peak RSS in MiB and bytes/firm" ||
  fail "peak RSS line malformed"
# Where the memory is at the end (firm slots, firm arrays, tie storage) and which phase set the peak.
[ "$(grep -Ec '^memory at the end +firm arrays [0-9.]+ MiB \([0-9]+ slots, [0-9]+ B each' "$T/out.txt")" = 2 ] &&
  pass "firm slots and the two stores' memory for both sizes" || fail "'memory at the end' line missing or malformed"
[ "$(grep -Ec '^RSS rises in .*[0-9.]+ MiB.*the peak was reached in ".+" of month [0-9]+$' "$T/out.txt")" = 2 ] &&
  pass "the phase that set the peak RSS, for both sizes" || fail "'RSS rises in' line missing or malformed"
grep -Eq "model / reference = [0-9.]+$" "$T/out.txt" && pass "model / reference ratio printed" ||
  fail "no model / reference ratio"
grep -q "CPU time" "$T/help.txt" && pass "--help describes the CPU-time phase columns" ||
  fail "--help does not mention the CPU-time phase columns"
grep -Eq "^phase +wall s +share +CPU s +share +main CPU s$" "$T/out.txt" && pass "phase table header with CPU columns" ||
  fail "phase table header malformed"
# Every model phase of ClusterModel::step, the SimGrid layer, metrics and output have a row: wall s, share,
# CPU s (all threads), share of CPU, main-thread CPU s.
for phase in "setup: world, initial network and warm-up" "prices" "orders" "settlement" "learning" "supplier search" \
  "entry" "SimGrid infrastructure layer" "metrics: network statistics" "metrics: other columns" \
  "output: observers (panels, GraphML)" "output: files"; do
  [[ $(grep -Ec "^  $(printf '%s' "$phase" | sed 's/[()]/\\&/g') +[0-9.]+ +[0-9.]+% +[0-9.]+ +[0-9.]+% +[0-9.]+$" "$T/out.txt") -eq 2 ]] &&
    pass "phase row '$phase' for both sizes" || fail "phase row '$phase' missing or malformed"
done
# The warm-up months inside setup get a table of their own: the months, their seconds within setup's and the
# rest; a row per warm-up phase with two numbers (not the phase table's five, which phase_ratios.py reads).
[ "$(grep -Ec '^warm-up +36 months before month 1, inside setup: [0-9.]+ s of [0-9.]+ s \([0-9.]+%\); world, initial network and the rest of setup -?[0-9.]+ s$' "$T/out.txt")" = 2 ] &&
  pass "the warm-up's share of setup, for both sizes" || fail "'warm-up' line missing or malformed"
awk '/^warm-up +[0-9]+ months/ { if ($9 + 0 > $12 + 0.005) bad = 1; n++ } END { exit (n == 2 && !bad) ? 0 : 1 }' "$T/out.txt" &&
  pass "the warm-up's seconds are within setup's" || fail "the warm-up took longer than setup: $(grep '^warm-up ' "$T/out.txt")"
for phase in "orders" "settlement" "supplier search" "compaction"; do
  [[ $(sed -n '/^  warm-up phase /,/^\(==\|warm-up\|firms,\)/p' "$T/out.txt" | grep -Ec "^  $phase +[0-9.]+ +[0-9.]+%$") -eq 2 ]] &&
    pass "warm-up row '$phase' for both sizes" || fail "warm-up row '$phase' missing or malformed"
done
# What each run wrote; 12 months with snapshots every 12 write one GraphML file.
[ "$(grep -Ec '^outputs written +[0-9.]+ MB, of which GraphML snapshots [0-9.]+ MB in 1 file\(s\)$' "$T/out.txt")" = 2 ] &&
  pass "the bytes each run wrote, GraphML counted" || fail "'outputs written' line missing or malformed"
header="firms,ticks,threads,wall_s,tick_loop_s,cpu_s,firm_ticks_per_s,firm_ticks_per_cpu_s,peak_rss_mib,bytes_per_firm,model_bytes_per_firm,model_over_reference,simgrid_share,metrics_share,output_share,model_over_reference_cpu,output_mb"
grep -qx "$header" "$T/out.txt" && pass "the all-sizes CSV header" || fail "no all-sizes CSV header"
[[ $(grep -Ec '^(500|2000),12,1,([0-9.e+-]+,){13}[0-9.e+-]+$' "$T/out.txt") -eq 2 ]] &&
  pass "one CSV row per size with 17 fields" || fail "CSV rows malformed"
last=$(tail -n 1 "$T/out.txt")
[[ $last == "summary: 500 firms "*" per CPU-s"*"; 2000 firms "*"time(2000)/time(500) = "*" (CPU "*") (12 ticks, 1 thread(s))" ]] &&
  pass "the last line is the one-line summary" || fail "last line is not the summary: $last"
# scripts/phase_ratios.py reads the two sizes' phase tables: one row per phase and the sum, with the ratio.
/usr/bin/python3 "$SRC/scripts/phase_ratios.py" "$T/out.txt" >"$T/ratios.txt" 2>&1 || fail "phase_ratios.py exited non-zero"
grep -qx "2000 against 500 firms, 12 ticks, 1 thread(s): firm ratio 4" "$T/ratios.txt" &&
  pass "phase_ratios.py pairs the two sizes" || fail "phase_ratios.py header: $(head -n 1 "$T/ratios.txt")"
[[ $(grep -Ec '^(orders|settlement|supplier search|all phases) +[0-9.]+ +[0-9.]+ +([0-9.]+|-) +-?[0-9.]+$' "$T/ratios.txt") -eq 4 ]] &&
  pass "phase_ratios.py: a row per phase and the sum" || fail "phase_ratios.py rows malformed: $(cat "$T/ratios.txt")"
[[ -z $(ls -A "$T/tmp") ]] && pass "no temporary files left behind (TMPDIR empty)" ||
  fail "bench left temporary files behind: $(ls -A "$T/tmp")"

# The heap's pages (app/allocator_policy.hpp): where the kernel's THP mode is madvise, vicsim re-executes itself
# with glibc.malloc.hugetlb=1 (so the line names the tunable); GLIBC_TUNABLES naming the tunable opts out.
thp=$(grep -o '\[[a-z]*\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)
if [[ $thp == "[madvise]" ]]; then
  grep -qx "memory: heap on transparent huge pages (GLIBC_TUNABLES glibc.malloc.hugetlb=1, THP mode madvise)" "$T/out.txt" &&
    pass "THP mode madvise: the run re-executed itself with glibc.malloc.hugetlb=1" ||
    fail "THP mode madvise, but the bench does not report a huge-page heap: $(grep '^memory:' "$T/out.txt")"
  GLIBC_TUNABLES=glibc.malloc.hugetlb=0 TMPDIR=$T/tmp "$VICSIM" bench --sizes 300 --ticks 1 >"$T/opt_out.txt" 2>&1
  grep -qx "memory: heap on 4 KiB pages (GLIBC_TUNABLES sets glibc.malloc.hugetlb otherwise)" "$T/opt_out.txt" &&
    pass "GLIBC_TUNABLES=glibc.malloc.hugetlb=0 opts out" || fail "the opt-out is not honoured: $(grep '^memory:' "$T/opt_out.txt")"
else
  [[ $(grep -c "^memory: heap on " "$T/out.txt") -eq 1 ]] && pass "the heap's pages reported (THP mode ${thp:-absent})" ||
    fail "no 'memory: heap on' line"
fi

echo "== bad input"
"$VICSIM" bench --sizes 0 >/dev/null 2>"$T/bad.txt"
rc=$?
[[ $rc -eq 2 ]] && grep -q "sizes" "$T/bad.txt" && pass "--sizes 0: exit 2 naming --sizes" || fail "--sizes 0: exit $rc"
"$VICSIM" bench --sizes 100 --ticks 2 --set no.such=1 >/dev/null 2>"$T/bad.txt"
rc=$?
[[ $rc -eq 2 ]] && grep -q "unknown key" "$T/bad.txt" && pass "a bad --set: exit 2 naming the key" ||
  fail "bad --set: exit $rc"

[[ $failures -eq 0 ]] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "all bench smoke checks passed"

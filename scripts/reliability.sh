#!/usr/bin/env bash
# CI's reliability pass (docs/RELIABILITY.md), run by scripts/test.sh when CI=true:
#   1. a documented subset of the unit tests (input handling, outputs, experiments) built with ASan+UBSan
#      (preset asan, build-asan/: clang, no debug info, a shorter build; preset debug for line numbers in a report);
#   2. a bounded libFuzzer pass on the JSON reader and --set parser (preset fuzz, build-fuzz/).
# VICSIM_RELIABILITY=skip skips it; FUZZ_SECONDS (default 60) bounds the fuzzing.
# Usage: bash scripts/reliability.sh   (after scripts/build.sh; JOBS=N parallel build and test jobs)
source "$(dirname "$0")/usage.sh"
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${VICSIM_RELIABILITY:-}" = "skip" ] && { echo "reliability: skipped"; exit 0; }
t0=$(date +%s)

# SimGrid switches actor contexts with its own stacks; ASan warns once about __asan_handle_no_return
# ("ASan is ignoring requested __asan_handle_no_return: stack type: default ..."). The warning is about
# stack bookkeeping on a context switch, not a memory error; detect_stack_use_after_return stays off because
# it does not work across those switches. See docs/RELIABILITY.md.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=1:halt_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "== sanitizers: unit tests under ASan+UBSan"
cmake --preset asan >/dev/null
# Only the subset's sources are compiled (tests/CMakeLists.txt, vicsim_sanitizer_test_objects), and run with
# the filter written beside them; ctest's tests.sanitizer_subset checks both select the same test cases.
cmake --build build-asan --target vicsim_sanitizer_tests -j "${JOBS:-2}"
# The property test (numerical_health) runs 100 of its 300 random parameter sets here: under ASan each
# costs about 0.7 s, and the release suite runs all 300.
export VICSIM_PROPERTY_SETS=${VICSIM_PROPERTY_SETS:-100}
# The selected test cases run in JOBS processes side by side (scripts/test_shards.sh).
JOBS=${JOBS:-2} bash scripts/test_shards.sh build-asan/tests/vicsim_sanitizer_tests \
  "$(head -n 1 build-asan/tests/sanitizer_test_filter.txt)"
t1=$(date +%s)

echo "== fuzzing: JSON reader and --set parser for ${FUZZ_SECONDS:-60} s"
cmake --preset fuzz >/dev/null
cmake --build build-fuzz --target fuzz_json_input -j "${JOBS:-2}"
work=$(mktemp -d)
cp fuzz/corpus/json/* fuzz/corpus/set/* "$work/"
build-fuzz/fuzz/fuzz_json_input "$work" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -rss_limit_mb=2048 \
  -print_final_stats=1 2>&1 | tail -15
rm -rf "$work"
t2=$(date +%s)
echo "reliability: sanitizers $((t1 - t0)) s, fuzzing $((t2 - t1)) s"

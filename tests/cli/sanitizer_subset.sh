#!/usr/bin/env bash
# The sanitizer build (scripts/reliability.sh) compiles only the test sources in tests/CMakeLists.txt's
# vicsim_sanitizer_test_objects. This checks that its filter selects the same test cases there as in the
# full suite, so a test moved out of that list (or a filter naming a test that is not in it) fails here
# rather than silently shrinking what runs under ASan+UBSan.
# Usage: sanitizer_subset.sh FULL_TESTS SANITIZER_TESTS FILTER_FILE
set -euo pipefail
full=$1 subset=$2 filter_file=$3
filter=$(head -n 1 "$filter_file")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Catch2 v2 exits with the number of test cases listed, so the exit status is not an error here.
{ "$full" --list-test-names-only "$filter" || true; } | sed '/^$/d' | sort > "$work/full.txt"
{ "$subset" --list-test-names-only "$filter" || true; } | sed '/^$/d' | sort > "$work/subset.txt"
n=$(wc -l < "$work/full.txt")
if [ "$n" -lt 50 ]; then
  echo "FAIL: the filter selects only $n test cases in the full suite: $filter" >&2
  exit 1
fi
if ! diff -u "$work/full.txt" "$work/subset.txt"; then
  echo "FAIL: the sanitizer binary and the full suite select different test cases (diff above: - full, + sanitizer)" >&2
  exit 1
fi
echo "sanitizer subset: $n test cases, the same in both binaries"

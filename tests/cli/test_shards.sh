#!/usr/bin/env bash
# scripts/test_shards.sh, which runs CI's sanitizer subset in processes side by side: every selected test
# case runs exactly once (names with Catch2 test-spec characters included), a failing shard fails the script,
# and shards that would not cover the filter are refused before anything runs.
# Usage: test_shards.sh VICSIM_TESTS SOURCE_DIR
set -euo pipefail
tests=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The real Catch2 binary, a filter whose names hold '[', ']', '*' and ',' (scenario_loader's --set
#    selector test), on 2 and 3 processes: each case once, in all.
filter="scenario_loader*"
listed=$({ "$tests" "$filter" --list-test-names-only || true; } | sed '/^$/d' | wc -l)
{ "$tests" "$filter" --list-test-names-only || true; } | grep -q '\[\*\]' ||
  fail "the filter no longer selects a name with '[*]'; pick another that does"
for jobs in 2 3; do
  JOBS=$jobs bash "$src/scripts/test_shards.sh" "$tests" "$filter" > "$work/out$jobs" 2>&1 ||
    fail "JOBS=$jobs: test_shards failed: $(tail -5 "$work/out$jobs")"
  ran=$(sed -nE 's/^All tests passed \(.* in ([0-9]+) test cases?\)$/\1/p' "$work/out$jobs" | awk '{ s += $1 } END { print s + 0 }')
  [ "$ran" = "$listed" ] || fail "JOBS=$jobs: the shards ran $ran test cases, the filter selects $listed"
  [ "$(grep -c '^-- shard ' "$work/out$jobs")" -eq "$jobs" ] || fail "JOBS=$jobs: not $jobs shards"
done

# 2. A stand-in for Catch2 (the same listing, -f and exit-status behaviour) whose case "b, c" fails.
cat > "$work/standin" <<'STANDIN'
#!/usr/bin/env bash
names=$'a\nb, c\nd [x]\ne'
if [[ $1 == -f ]]; then
  chosen=$(sed -E 's/\\(.)/\1/g' "$2")
  [[ ${DROP:-} == 1 ]] && chosen=$(grep -v '^a$' <<< "$chosen")  # an escaping that loses a name
else chosen=$names; fi
if [[ " $* " == *" --list-test-names-only "* ]]; then
  echo "$chosen"; exit "$(wc -l <<< "$chosen")"
fi
if grep -qx 'b, c' <<< "$chosen"; then echo "b, c FAILED"; exit 1; fi
echo "passed"
STANDIN
chmod +x "$work/standin"
if JOBS=2 bash "$src/scripts/test_shards.sh" "$work/standin" x > "$work/fail" 2>&1; then
  fail "a failing shard did not fail the script"
fi
grep -q "a shard failed" "$work/fail" || fail "no message for the failing shard"
grep -q "b, c FAILED" "$work/fail" || fail "the failing shard's output was not printed"
[ "$(grep -c '^-- shard ' "$work/fail")" -eq 2 ] || fail "not every shard's output was printed"

# 3. Shards that list fewer cases than the filter: refused before any shard runs.
if DROP=1 JOBS=2 bash "$src/scripts/test_shards.sh" "$work/standin" x > "$work/drop" 2>&1; then
  fail "shards missing a test case were not refused"
fi
grep -q "the shards select 3 test cases, the filter 4" "$work/drop" || fail "wrong refusal: $(cat "$work/drop")"
grep -q '^-- shard ' "$work/drop" && fail "shards ran although they did not cover the filter"
echo "test_shards: $listed cases on 2 and 3 processes, a failing shard and a short shard list refused"

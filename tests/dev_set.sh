#!/usr/bin/env bash
# Summarises every article of the shared dev set and checks that each gives
# a non-empty summary without a crash. Skipped (exit 77) when ../shared is
# not beside the checkout. Usage: dev_set.sh SUMMARIZE SHARED_DIR
set -u
bin=$1
dir=$2/data/dev/articles
if [ ! -d "$dir" ]; then
  echo "skipped: $dir not found"
  exit 77
fi
passed=0 failed=0
for f in "$dir"/*.txt; do
  out=$("$bin" "$f" 2>&1)
  rc=$?
  lines=$(printf '%s' "$out" | grep -c .)
  if [ "$rc" -eq 0 ] && [ "$lines" -ge 1 ] && [ "$lines" -le 3 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $f (exit $rc, $lines lines)" >&2
  fi
done
echo "$passed passed, $failed failed"
test "$failed" -eq 0 && test "$passed" -ge 1

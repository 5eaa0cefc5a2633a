#!/usr/bin/env bash
# libprecis exports only its API: the shared library's dynamic symbols are
# exactly the functions precis.h marks PRECIS_API, and every global symbol
# the static archive defines starts with precis_ (internals: precis__).
# Usage: symbols_test.sh PRECIS_H LIBPRECIS_SO LIBPRECIS_A
set -u
header=$1 so=$2 ar=$3
passed=0 failed=0
check() { # check NAME STATUS MESSAGE
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: $3"; fi
}

declared=$(grep -o 'PRECIS_API [^(]*\bprecis_[a-z0-9_]*(' "$header" |
  grep -o 'precis_[a-z0-9_]*($' | tr -d '(' | sort -u)
exported=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDRBVW]$/ { print $3 }' | sort -u)
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
check "shared library exports only the API" "$([ -z "$extra" ]; echo $?)" \
  "exported but not in precis.h: $(echo $extra)"
check "shared library exports the whole API" "$([ -z "$missing" ]; echo $?)" \
  "in precis.h but not exported: $(echo $missing)"
check "the API is not empty" "$([ "$(echo "$declared" | wc -l)" -gt 40 ]; echo $?)" \
  "found only $(echo "$declared" | wc -l) PRECIS_API functions"

# (Sanitizer builds add their own instrumentation symbols: not ours.)
unprefixed=$(nm -g --defined-only "$ar" | awk 'NF == 3 && $3 !~ /^precis_/ &&
  $3 !~ /^__(odr_asan|asan|ubsan|sanitizer|sancov)/ { print $3 }' | sort -u)
check "static archive defines only precis_ names" "$([ -z "$unprefixed" ]; echo $?)" \
  "add to src/util/symbols.h: $(echo $unprefixed)"

echo "symbols: $passed passed, $failed failed"
[ "$failed" = 0 ]

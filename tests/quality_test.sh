#!/usr/bin/env bash
# Summary quality as a test: precis-eval (ROUGE-1.5.5's rules) over the
# shared dev set. Fails when the default algorithm scores below LEAD-3 on
# the CNN/Daily Mail articles (any of R1, R2, RL), or more than 0.3 below
# the figures recorded here on any of R1, R2, RL overall. Skipped (77)
# without ../shared. Record new figures here when a change earns them.
# Usage: quality_test.sh PRECIS_EVAL SUMMARIZE SHARED_DIR
set -u
eval_bin=$1 summarize=$2 shared=$3
recorded_r1=37.37 recorded_r2=23.49 recorded_rl=34.76
slack=0.3

data=$shared/data/dev
if [ ! -d "$data/articles" ] || [ ! -d "$data/refs" ]; then
  echo "skipped: no dev set at $data"
  exit 77
fi
out=$("$eval_bin" --summarize="$summarize" "$data") || {
  echo "$out"; echo "precis-eval failed"; exit 1; }
echo "$out"

# row SECTION SYSTEM: "R1 R2 RL" of SYSTEM in the table after SECTION
row() {
  awk -v sec="$1" -v sys="$2" '
    $1 == sec && $2 ~ /^\(/ { on = 1; next }
    on && $1 == sys { print $2, $3, $4; exit }
    on && NF == 0 { on = 0 }' <<<"$out"
}
passed=0 failed=0
check() { # check WHAT GOT OP WANT
  if awk -v g="$2" -v w="$4" -v op="$3" 'BEGIN { exit !(op == ">=" ? g + 0 >= w + 0 : 0) }'; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL $1: $2, want $3 $4"
  fi
}
read -r c1 c2 cl <<<"$(row cnndm precis)"
read -r l1 l2 ll <<<"$(row cnndm lead-3)"
read -r o1 o2 ol <<<"$(row overall precis)"
if [ -z "$c1" ] || [ -z "$l1" ] || [ -z "$o1" ]; then
  echo "FAIL: could not read the cnndm and overall rows"; exit 1
fi
check "cnndm R1 against LEAD-3" "$c1" ">=" "$l1"
check "cnndm R2 against LEAD-3" "$c2" ">=" "$l2"
check "cnndm RL against LEAD-3" "$cl" ">=" "$ll"
check "overall R1" "$o1" ">=" "$(awk -v r=$recorded_r1 -v s=$slack 'BEGIN { print r - s }')"
check "overall R2" "$o2" ">=" "$(awk -v r=$recorded_r2 -v s=$slack 'BEGIN { print r - s }')"
check "overall RL" "$ol" ">=" "$(awk -v r=$recorded_rl -v s=$slack 'BEGIN { print r - s }')"
echo "quality: $passed passed, $failed failed"
[ "$failed" = 0 ]

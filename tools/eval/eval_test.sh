#!/usr/bin/env bash
# precis-eval as a user runs it, on the small data set in testdata/ (text
# written for this test): tables, per-document TSV, failures and exit
# codes. Usage: eval_test.sh PRECIS_EVAL DATA_DIR
set -u
bin=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() { # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name" >&2
  fi
}

run() { # run ARGS...: sets rc; output in $tmp/out and $tmp/err
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

run --help
check "help exits 0" test "$rc" -eq 0
check "help is on stdout" grep -q '^Usage: precis-eval' "$tmp/out"
check "help documents exit codes" grep -q 'Exit status' "$tmp/out"

for args in "--jobs 0" "-n x" "--system noequals" "--system =cmd" "--bogus"; do
  run $args "$data"
  check "usage error '$args' exits 2" test "$rc" -eq 2
  check "usage error '$args' hints at --help" grep -q "Try 'precis-eval --help'" "$tmp/err"
done

run
check "no DATA_DIR exits 2" test "$rc" -eq 2
run "$data" "$data"
check "two DATA_DIRs exit 2" test "$rc" -eq 2

run "$data/no-such-dir"
check "missing data set exits 1" test "$rc" -eq 1
check "missing data set is named" grep -q "^precis-eval: $data/no-such-dir/articles: " "$tmp/err"

# Three documents with references (sources alpha and beta), one without.
run --system "head=head -n 2" --per-doc "$tmp/per-doc.tsv" "$data"
check "run exits 0" test "$rc" -eq 0
check "article without reference is skipped" grep -q '1 article has no reference' "$tmp/err"
for table in "alpha (2 documents)" "beta (1 documents)" "overall (3 documents)"; do
  check "table $table" grep -qF "$table" "$tmp/out"
done
check "one row per system and table" test "$(grep -c '^lead-3 ' "$tmp/out")" -eq 3
check "precis rows" test "$(grep -c '^precis ' "$tmp/out")" -eq 3
check "head rows" test "$(grep -c '^head ' "$tmp/out")" -eq 3
check "time is printed" grep -q '^time: ' "$tmp/out"
check "per-doc has a header and 9 rows" test "$(wc -l <"$tmp/per-doc.tsv")" -eq 10
check "per-doc header" grep -q $'^id\tsystem\trouge1_p\trouge1_r\trouge1_f\trouge2_p' "$tmp/per-doc.tsv"
check "per-doc has 11 fields" test "$(awk -F'\t' 'NF != 11' "$tmp/per-doc.tsv" | wc -l)" -eq 0
# "head -n 2" gives the title and a blank line for alpha-1; the title has
# "new ferry terminal" in common with the reference.
check "head is scored" grep -q $'^alpha-1\thead\t0\\.[0-9]*[1-9]' "$tmp/per-doc.tsv"

# The same run in one job gives the same report, bar the time.
run --jobs 1 --system "head=head -n 2" "$data"
grep -v '^time: ' "$tmp/out" >"$tmp/one-job"
run --jobs 4 --system "head=head -n 2" "$data"
grep -v '^time: ' "$tmp/out" >"$tmp/four-jobs"
check "output does not depend on --jobs" cmp -s "$tmp/one-job" "$tmp/four-jobs"

# -v adds precision and recall columns.
run -v "$data"
check "verbose exits 0" test "$rc" -eq 0
check "verbose columns" grep -q 'R1-P   R1-R   R1-F' "$tmp/out"

# A failing command: reported per article, scored as empty, exit 1.
run --system "bad=false" "$data"
check "failing system exits 1" test "$rc" -eq 1
check "failure names the article" grep -q "^precis-eval: $data/articles/alpha-1.txt: bad exited with status 1" "$tmp/err"
check "failures are counted" grep -q '^bad .* 3$' "$tmp/out"

# A command that cannot be started is reported once.
run --system "gone=/nonexistent/summariser" "$data"
check "missing command exits 1" test "$rc" -eq 1
check "missing command reported once" test "$(grep -c 'nonexistent' "$tmp/err")" -eq 1

# A word {} is where the article goes: "head -n 1 ARTICLE" twice over.
run --system "title=head -n 1 {}" --system "end=head {} -n 1" --per-doc - "$data"
check "placeholder exits 0" test "$rc" -eq 0
check "placeholder and appended give the same scores" \
  test "$(grep $'^alpha-1\ttitle\t' "$tmp/out" | cut -f3-)" = \
       "$(grep $'^alpha-1\tend\t' "$tmp/out" | cut -f3-)"

# A --system with a name in use replaces that system.
run --system "precis=head -n 1" "$data"
check "replacing precis exits 0" test "$rc" -eq 0
check "precis still appears once per table" test "$(grep -c '^precis ' "$tmp/out")" -eq 3

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

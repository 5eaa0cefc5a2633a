#!/usr/bin/env bash
# Batch tests: summarize brief and summarize --jsonl, end to end.
# Usage: cli_batch_test.sh SUMMARIZE TOJSONL DATA_DIR SHARED_DIR
set -u
bin=$1
tojsonl=$2
data=$3
shared=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/check.sh"

# ---- brief on articles written for the tests ----
mkdir -p "$tmp/in/sub"
cp "$data/river.txt" "$tmp/in/"
cp "$data/market.txt" "$tmp/in/sub/"
cp "$data/lang/en.txt" "$tmp/in/sub/"
printf 'not an article' >"$tmp/in/notes.md"   # not *.txt: ignored
"$bin" brief "$tmp/in" -o "$tmp/b.md" 2>"$tmp/err"
check "brief exits 0" test $? -eq 0
check "brief writes markdown by extension" grep -q '^# Briefing' "$tmp/b.md"
check "brief has three stories" test "$(grep -c '^## ' "$tmp/b.md")" -eq 3
check "brief names its sources" grep -q 'Source: river\*$' "$tmp/b.md"
"$bin" brief -f json "$tmp/in" >"$tmp/b.json" 2>/dev/null
check "brief reads folders recursively" grep -q '"file":"[^"]*sub/market.txt"' "$tmp/b.json"
check "brief ignores other files" bash -c "! grep -q notes.md '$tmp/b.md'"
"$bin" brief -f json "$tmp/in" >"$tmp/b.json"
check "brief json" grep -q '^{"version":1,"date":' "$tmp/b.json"
check "brief json stories" grep -q '"stories":\[{"headline":' "$tmp/b.json"
"$bin" brief --top 1 "$tmp/in" -o "$tmp/top.txt"
check "brief --top 1" test "$(grep -c '^Source' "$tmp/top.txt")" -eq 1

# One broken article is reported by name; the rest still come out.
printf '\0\0\0\0\0\0\0\0' >"$tmp/in/broken.txt"
"$bin" brief "$tmp/in" -o "$tmp/b2.md" 2>"$tmp/err"
check "brief with a broken article exits 1" test $? -eq 1
check "broken article named" grep -q "broken.txt: binary data" "$tmp/err"
check "the others still come out" test "$(grep -c '^## ' "$tmp/b2.md")" -eq 3
rm "$tmp/in/broken.txt"

# A file name that is not UTF-8 is repaired in the JSON, not fatal.
mkdir -p "$tmp/odd"
cp "$data/river.txt" "$tmp/odd/$(printf 'bad\377').txt"
"$bin" brief -f json "$tmp/odd" >"$tmp/odd.json"
check "brief with a non-UTF-8 file name exits 0" test $? -eq 0
check "the name is repaired to U+FFFD" grep -q $'bad\xef\xbf\xbd.txt' "$tmp/odd.json"

# A failed run leaves the old briefing in place.
echo "old briefing" >"$tmp/keep.md"
"$bin" brief "$tmp/nowhere" -o "$tmp/keep.md" 2>/dev/null
"$bin" brief "$tmp/in" --png "$tmp/no/such/dir/t.png" -o "$tmp/keep2.md" 2>/dev/null
check "unwritable --png fails" test $? -eq 1
check "no temporary files left" test -z "$(find "$tmp" -name '.*.precis-*.tmp' -print -quit)"

# ---- the seeds: two reports of one story ----
if [ -d "$shared/seeds" ]; then
  "$bin" brief "$shared/seeds" -f json -o "$tmp/seeds.json" --png "$tmp/seeds.png" --profile led-64x32
  check "seeds brief exits 0" test $? -eq 0
  check "seeds: one story" test "$(grep -o '"headline"' "$tmp/seeds.json" | wc -l)" -eq 1
  check "seeds: both sources" grep -q '000_3a55905023e01d13.txt.*002_6ce9df678f9c707c.txt' "$tmp/seeds.json"
  check "seeds: ticker written" test -s "$tmp/seeds.png"
  check "seeds: ticker is a PNG" test "$(head -c 8 "$tmp/seeds.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a
fi

# ---- --jsonl ----
"$tojsonl" "$data/river.txt" "$data/market.txt" >"$tmp/in.jsonl"
printf '{"id": 7, "text": "Short text. With two sentences here.", "title": "A set title", "date": "2025-11-04T12:20:00", "lang": "en"}\n' >>"$tmp/in.jsonl"
printf 'not json\n\n{"id": "x"}\n' >>"$tmp/in.jsonl"
"$bin" --jsonl <"$tmp/in.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err"
check "jsonl with bad lines exits 1" test $? -eq 1
check "one output line per record" test "$(wc -l <"$tmp/out.jsonl")" -eq 5
check "ids kept in order" test "$(grep -o '"id":[^,]*' "$tmp/out.jsonl" | tr '\n' ' ')" = '"id":"river" "id":"market" "id":"7" "id":null "id":"x" '
check "title and date from the record" grep -q '"title":"A set title","date":"2025-11-04"' "$tmp/out.jsonl"
check "bad JSON reported" grep -q 'line 4: invalid JSON' "$tmp/err"
check "missing text reported" grep -q 'no \\"text\\"\|no "text"' "$tmp/out.jsonl"
for j in 1 2 4; do
  "$bin" --jsonl -j "$j" <"$tmp/in.jsonl" >"$tmp/out$j.jsonl" 2>/dev/null
done
check "jsonl same for -j 1, 2, 4" bash -c "cmp -s '$tmp/out1.jsonl' '$tmp/out2.jsonl' && cmp -s '$tmp/out1.jsonl' '$tmp/out4.jsonl'"

# ---- the dev set: --jobs 1 and 2 agree; GNU parallel gives the same ----
if [ -d "$shared/data/dev/articles" ]; then
  dev=$shared/data/dev/articles
  "$bin" brief -j 1 "$dev" -o "$tmp/d1.md"
  "$bin" brief -j 2 "$dev" -o "$tmp/d2.md"
  check "dev brief identical for --jobs 1 and 2" cmp -s "$tmp/d1.md" "$tmp/d2.md"
  check "dev brief shows the default 20 stories" test "$(grep -c '^## ' "$tmp/d1.md")" -eq 20
  check "dev brief counts the others" grep -Eq '^\*[0-9]+ more stories\*$' "$tmp/d1.md"
  "$bin" brief -j 1 --top 1000 "$dev" -o "$tmp/dall.md"
  check "dev brief --top 1000 has them all" test "$(grep -c '^## ' "$tmp/dall.md")" -gt 400
  check "dev brief: no headline over 120 bytes" bash -c "grep '^## ' '$tmp/dall.md' | LC_ALL=C awk 'length(\$0) > 123 { bad = 1 } END { exit bad }'"
  "$tojsonl" "$dev"/*.txt >"$tmp/dev.jsonl"
  "$bin" --jsonl <"$tmp/dev.jsonl" >"$tmp/direct.jsonl"
  check "dev jsonl: 450 results" test "$(wc -l <"$tmp/direct.jsonl")" -eq "$(wc -l <"$tmp/dev.jsonl")"
  if command -v parallel >/dev/null; then
    parallel --will-cite --pipe -k -N 40 "$bin" --jsonl -j 1 <"$tmp/dev.jsonl" >"$tmp/par.jsonl"
    check "GNU parallel gives the direct results" cmp -s "$tmp/direct.jsonl" "$tmp/par.jsonl"
  else
    echo "GNU parallel not installed: that check skipped"
  fi
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0

#!/usr/bin/env bash
# summarize --jsonl: records as they come (line ends, blank lines, a
# byte-order mark, "\u0000", messages, ids on the terminal) and a stream
# in bounded memory, in input order, results as soon as they are known.
# Usage: cli_jsonl_test.sh SUMMARIZE
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/check.sh"
rec() { # rec ID TEXT: one record, text written here
  printf '{"id":"%s","text":"%s"}' "$1" "$2"
}
t1="The ferry timetable changes on Sunday. Four crossings a day run instead of seven."
t2="The library stays open until 5pm on Saturdays. The town asked readers first."

# ---- CRLF line ends, blank and white-space lines, a byte-order mark ----
{
  printf '\357\273\277'
  rec a "$t1"; printf '\r\n\r\n'
  printf ' \t \r\n'
  rec b "$t2"; printf '\r\n\r\n'
} >"$tmp/crlf.jsonl"
"$bin" --jsonl -n 1 <"$tmp/crlf.jsonl" >"$tmp/out" 2>"$tmp/err"
check "CRLF, blank lines and a BOM: exit 0" test $? -eq 0
check "two records, two results" test "$(wc -l <"$tmp/out")" -eq 2
check "no error record" bash -c "! grep -q '\"error\"' '$tmp/out'"
check "the BOM's record is read" grep -q '^{"version":1,"id":"a","source":"a"' "$tmp/out"
check "nothing on stderr" test ! -s "$tmp/err"
check "no carriage return in the output" bash -c "! grep -q $'\r' '$tmp/out'"

# The same file read by brief: the same reader, so no error either.
"$bin" brief -f json -n 1 "$tmp/crlf.jsonl" >"$tmp/out" 2>"$tmp/err"
check "brief over CRLF, blank lines and a BOM: exit 0" test $? -eq 0
check "brief: nothing on stderr" test ! -s "$tmp/err"
check "brief: both records are stories" test "$(grep -o '"sources"' "$tmp/out" | wc -l)" -eq 2

# ---- "\u0000" in any string: refused, never truncated ----
{
  printf '{"id":"a\\u0000b","text":"%s"}\n' "$t1"
  printf '{"id":"t","text":"%s\\u0000 more"}\n' "$t1"
  printf '{"id":"ti","title":"x\\u0000","text":"%s"}\n' "$t1"
  printf '{"id":"o","text":"%s","extra":["\\u0000"]}\n' "$t1"
  rec ok "$t2"; printf '\n'
} >"$tmp/nul.jsonl"
"$bin" --jsonl <"$tmp/nul.jsonl" >"$tmp/out" 2>"$tmp/err"
check "NUL records: exit 1" test $? -eq 1
check "NUL records: one result each" test "$(wc -l <"$tmp/out")" -eq 5
check "an id with NUL is not cut to its first part" bash -c "! grep -q '\"id\":\"a\"' '$tmp/out'"
check "an id with NUL: error, id null" grep -q '^{"version":1,"id":null,"error":"line 1: \\"id\\" holds a NUL character (U+0000): refused"}$' "$tmp/out"
check "text with NUL refused" grep -q '"id":"t","error":"line 2: \\"text\\" holds a NUL' "$tmp/out"
check "title with NUL refused" grep -q '"id":"ti","error":"line 3: \\"title\\" holds a NUL' "$tmp/out"
check "any other string with NUL refused" grep -q '"id":"o","error":"line 4: a string holds a NUL' "$tmp/out"
check "the next record still summarised" grep -q '"id":"ok","source":"ok"' "$tmp/out"

# ---- each message says where once ----
{
  rec a "$t1"; printf '\n'
  printf 'not json\n'
  printf '{"id":"x"}\n'
} >"$tmp/bad.jsonl"
"$bin" --jsonl <"$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"
check "bad lines: exit 1" test $? -eq 1
check "stderr: line 2 once" grep -q '^summarize: line 2: invalid JSON at column' "$tmp/err"
check "stderr: no doubled prefix" bash -c "! grep -q 'line 2: line 2' '$tmp/err'"
check "stderr: a record with an id names both" grep -q '^summarize: line 3 (x): no "text" or "html" in the record$' "$tmp/err"
check "error record: line once" grep -q '"id":null,"error":"line 2: invalid JSON' "$tmp/out"
check "error record: no doubled prefix" bash -c "! grep -q 'line 2: line 2' '$tmp/out'"

# ---- ids on the terminal: control characters escaped ----
{
  printf '{"id":"red\\u001b[31mX\\u0007","title":"t"}\n'
  printf '{"id":"c1\\u009b2J\\\\x"}\n'
  printf '{"id":"caf\\u00e9"}\n'
} >"$tmp/esc.jsonl"
"$bin" --jsonl <"$tmp/esc.jsonl" >"$tmp/out" 2>"$tmp/err"
check "ESC escaped as octal, BEL as \\a" grep -qF 'line 1 (red\033[31mX\a): ' "$tmp/err"
check "C1 control and backslash escaped" grep -qF 'line 2 (c1\302\2332J\\x): ' "$tmp/err"
check "printable UTF-8 kept" grep -qF "line 3 (café): " "$tmp/err"
check "no raw control character on stderr" bash -c "! LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\n' <'$tmp/err')"
check "the JSON keeps the id exactly" grep -q '"id":"red\\u001B\[31mX\\u0007"' "$tmp/out"

# ---- a too-long line: named once, the rest read ----
{
  rec long "$t1 $t1 $t1"; printf '\n'
  rec short "$t2"; printf '\n'
} >"$tmp/long.jsonl"
"$bin" --jsonl --max-input 100 <"$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err"
check "too long: its error" grep -q '^{"version":1,"id":null,"error":"line 1: longer than --max-input (100 bytes)"}$' "$tmp/out"
check "too long: the next one read" grep -q '"id":"short"' "$tmp/out"

# ---- order, whatever the threads ----
python3 - "$tmp/many.jsonl" <<'EOF'
import json, sys
words = ("council ferry budget school harbour library market river road "
         "bridge hospital station museum park theatre").split()
with open(sys.argv[1], "w") as f:
    for i in range(120):
        w = [words[(i * 7 + k) % len(words)] for k in range(6)]
        text = " ".join("The %s and the %s met on day %d about the %s." %
                        (w[k % 6], w[(k + 1) % 6], i + k, w[(k + 2) % 6])
                        for k in range(3 + i % 5))
        if i % 17 == 5:
            f.write("{broken %d\n" % i)
        elif i % 13 == 0:
            f.write("\r\n")
        f.write(json.dumps({"id": "r%03d" % i, "text": text},
                           separators=(",", ":")) + "\n")
EOF
for j in 1 2 7; do
  "$bin" --jsonl -j "$j" <"$tmp/many.jsonl" >"$tmp/many$j.out" 2>/dev/null
done
check "same output for -j 1, 2 and 7" bash -c "cmp -s '$tmp/many1.out' '$tmp/many2.out' && cmp -s '$tmp/many1.out' '$tmp/many7.out'"
check "ids in input order" bash -c "diff <(grep -o '\"id\":\"r[0-9]*\"' '$tmp/many.jsonl') <(grep -o '\"id\":\"r[0-9]*\"' '$tmp/many1.out')"
check "one result per record" test "$(wc -l <"$tmp/many1.out")" -eq "$(grep -c '[^[:space:]]' "$tmp/many.jsonl")"

# ---- results as they come: the first before the input ends ----
mkfifo "$tmp/fifo"
"$bin" --jsonl -j 2 <"$tmp/fifo" >"$tmp/live.out" 2>/dev/null &
pid=$!
exec 3>"$tmp/fifo"
rec first "$t1" >&3
printf '\n' >&3
for _ in $(seq 300); do
  [ -s "$tmp/live.out" ] && break
  sleep 0.1
done
check "a result before the input ends" grep -q '"id":"first"' "$tmp/live.out"
rec second "$t2" >&3
printf '\n' >&3
exec 3>&-
wait "$pid"
check "the stream then ends cleanly" test "$(wc -l <"$tmp/live.out")" -eq 2

# ---- bounded memory: -j 16 over 1,500 records of 64 KB ----
# Each record is refused at once (a NUL at its end), so the run is quick
# and memory is what the reader holds in flight: a few records a worker,
# not hundreds (96 MB of input; before, 16 x 256 records of it at once).
if [ -n "${PRECIS_SANITIZED:-}" ]; then
  echo "a sanitizer build (freed memory held in quarantine): the memory check skipped"
elif [ -x /usr/bin/time ]; then
  python3 -c '
import sys
body = "word " * 13000
for i in range(1500):
    sys.stdout.write("{\"id\":\"n%d\",\"text\":\"%s\\u0000\"}\n" % (i, body))
' | /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" --jsonl -j 16 >"$tmp/big.out" 2>/dev/null
  check "1,500 results" test "$(wc -l <"$tmp/big.out")" -eq 1500
  rss=$(tail -1 "$tmp/rss")
  echo "peak memory, -j 16 over 96 MB of records: $rss KB"
  check "peak memory under 48 MB" test "$rss" -lt 49152
else
  echo "no /usr/bin/time: the memory check skipped"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0

#!/usr/bin/env bash
# CLI tests: run the summarize binary as a user would and check its output,
# messages and exit codes. Usage: cli_test.sh SUMMARIZE DATA_DIR
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

run() { # run ARGS...: sets out, err, rc
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

# --help goes to stdout with exit 0 and documents the exit codes.
run --help
check "help exits 0" test "$rc" -eq 0
check "help is on stdout" grep -q '^Usage: summarize' "$tmp/out"
check "help documents exit codes" grep -q 'Exit status' "$tmp/out"
check "help leaves stderr empty" test -z "$err"

run --version
check "version exits 0" test "$rc" -eq 0
check "version names the program" grep -q '^summarize (precis) [0-9]' "$tmp/out"

run --list-languages
check "languages include german" grep -q '^german	de$' "$tmp/out"
check "languages include porter" grep -q '^porter$' "$tmp/out"

# Usage errors: exit 2, one line and a hint on stderr, nothing on stdout.
for args in "-n 0" "--ratio=2" "--bogus" "-l elvish" "-n"; do
  run $args "$data/river.txt"
  check "usage error '$args' exits 2" test "$rc" -eq 2
  check "usage error '$args' hints at --help" grep -q "Try 'summarize --help'" "$tmp/err"
  check "usage error '$args' prints no summary" test -z "$out"
done

# One file: three lines, each a sentence of the body, in document order.
run "$data/river.txt"
check "one file exits 0" test "$rc" -eq 0
check "one file gives 3 lines" test "$(wc -l <"$tmp/out")" -eq 3
check "title is not in the summary" bash -c "! grep -q 'flood warnings are lifted$' '$tmp/out'"
while IFS= read -r line; do
  check "summary line is a body sentence: $line" grep -qF -- "$line" "$data/river.txt"
done <"$tmp/out"
prev=0
while IFS= read -r line; do
  pos=$(grep -bo -F -- "$line" "$data/river.txt" | head -n1 | cut -d: -f1)
  check "document order" test "$pos" -gt "$prev"
  prev=$pos
done <"$tmp/out"

# Budgets.
run -n 1 "$data/river.txt"
check "-n 1 gives one line" test "$(wc -l <"$tmp/out")" -eq 1
run -w 20 "$data/river.txt"
check "-w 20 stays within 20 words" test "$(wc -w <"$tmp/out")" -le 20
run -r 1 "$data/market.txt"
check "-r 1 gives every sentence" test "$(wc -l <"$tmp/out")" -eq 6

# stdin, as no file and as '-', gives the same as the file.
run "$data/river.txt"
want=$out
out=$("$bin" <"$data/river.txt"); rc=$?
check "stdin without FILE" test "$out" = "$want"
out=$("$bin" - <"$data/river.txt"); rc=$?
check "stdin as -" test "$out" = "$want"

# Several files: head(1)-style headers.
run "$data/river.txt" "$data/market.txt"
check "two files exit 0" test "$rc" -eq 0
check "first header" test "$(sed -n 1p "$tmp/out")" = "==> $data/river.txt <=="
check "second header after a blank line" grep -q -x "==> $data/market.txt <==" "$tmp/out"
check "blank line between summaries" test "$(grep -c '^$' "$tmp/out")" -eq 1

# Bad inputs: a message naming the file, exit 1, the other files still done.
: >"$tmp/empty.txt"
mkdir "$tmp/dir"
head -c 3000 /dev/urandom >"$tmp/binary.bin"
printf 'x\0y\0z\0\0\0\0\0\0' >"$tmp/nul.txt"
printf '\n\n   \n' >"$tmp/blank.txt"
printf 'Bad \xff\xfe bytes are here. They are repaired. Nothing crashes.\n' >"$tmp/bad-utf8.txt"
run "$tmp/missing.txt" "$tmp/empty.txt" "$tmp/dir" "$tmp/binary.bin" \
  "$tmp/nul.txt" "$tmp/blank.txt" "$data/river.txt"
check "bad files exit 1" test "$rc" -eq 1
check "missing file reported" grep -q "^summarize: $tmp/missing.txt: No such file or directory$" "$tmp/err"
check "empty file reported" grep -q "^summarize: $tmp/empty.txt: input is empty$" "$tmp/err"
check "directory reported" grep -q "^summarize: $tmp/dir: Is a directory$" "$tmp/err"
check "binary file reported" grep -q "^summarize: $tmp/binary.bin: binary data" "$tmp/err"
check "NUL file reported" grep -q "^summarize: $tmp/nul.txt: binary data" "$tmp/err"
check "blank file reported" grep -q "^summarize: $tmp/blank.txt: " "$tmp/err"
check "good file still summarised" grep -q "==> $data/river.txt <==" "$tmp/out"
check "only the good file has a header" test "$(grep -c '^==>' "$tmp/out")" -eq 1
run "$tmp/bad-utf8.txt"
check "invalid UTF-8 is repaired" test "$rc" -eq 0
check "replacement character shown" grep -q $'\xef\xbf\xbd' "$tmp/out"
if [ "$(id -u)" -ne 0 ]; then
  cp "$data/river.txt" "$tmp/locked.txt"
  chmod 000 "$tmp/locked.txt"
  run "$tmp/locked.txt"
  check "unreadable file reported" grep -q "Permission denied" "$tmp/err"
fi

# Language and models options.
run -l de "$data/river.txt"
check "-l de works" test "$rc" -eq 0
run --models "$tmp/nowhere" "$data/river.txt"
check "missing models folder exits 1" test "$rc" -eq 1
check "missing models folder reported" grep -q "nowhere" "$tmp/err"
mkdir -p "$tmp/models/english"
printf 'the\n' >"$tmp/models/english/stopwords.txt"
run --models "$tmp/models" "$data/river.txt"
check "--models DIR works" test "$rc" -eq 0
# The models compiled in (frozen into C data by tools/modelgen) must be the
# models/ folder itself: the same summaries, key phrases (idf.txt), dates
# and languages with either, for articles in several languages.
models_src=$(cd "$data/../../models" && pwd)
same=0 total=0
for f in "$data"/*.txt "$data"/lang/*.txt; do
  total=$((total + 1))
  a=$("$bin" -f json "$f" 2>&1)
  b=$("$bin" -f json --models "$models_src" "$f" 2>&1)
  if [ -n "$a" ] && [ "$a" = "$b" ]; then
    same=$((same + 1))
  else
    echo "differs with --models: $f" >&2
  fi
done
check "compiled-in models equal models/ ($same of $total)" test "$same" -eq "$total" -a "$total" -ge 5

# Formats and output files.
run -f json "$data/river.txt"
check "json is one object" test "$(head -c 12 "$tmp/out")" = '{"version":1'
run -f md "$data/river.txt"
check "markdown starts with the title" grep -q '^# River levels fall' "$tmp/out"
run -a textrank "$data/river.txt"
check "-a textrank works" test "$(wc -l <"$tmp/out")" -eq 3
run -a nonsense "$data/river.txt"
check "-a nonsense is a usage error" test "$rc" -eq 2
echo old >"$tmp/keep.txt"
run -o "$tmp/keep.txt" "$tmp/missing.txt"
check "a failed run keeps the old output" test "$(cat "$tmp/keep.txt")" = old
run -o "$tmp/keep.txt" "$data/river.txt"
check "-o writes the file" test "$(wc -l <"$tmp/keep.txt")" -eq 3
check "-o leaves stdout empty" test -z "$out"
check "-o leaves no temporary file" test -z "$(find "$tmp" -name '.keep.txt.*' -print -quit)"
# A FIFO (or a device such as /dev/null) is written in place, never
# replaced by a renamed file.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
run -o "$tmp/fifo" "$data/river.txt"
wait
check "-o FIFO stays a FIFO" test -p "$tmp/fifo"
check "-o FIFO gets the summary" test "$(wc -l <"$tmp/fifo.out")" -eq 3
run -o "$tmp" "$data/river.txt"
check "-o a folder is refused" grep -q "Is a directory" "$tmp/err"
head -c 5000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
run --max-input 1K "$tmp/big.txt"
check "--max-input refuses" grep -q 'larger than --max-input (1024 bytes)' "$tmp/err"
run -f png "$data/river.txt" -o "$tmp/r.png"
check "png written" test "$(head -c 4 "$tmp/r.png" | tail -c 3)" = PNG
if command -v script >/dev/null; then
  script -qec "$bin -f png $data/river.txt" /dev/null >"$tmp/tty" 2>&1
  check "png to a terminal is refused" test $? -eq 2
  check "the refusal says why" grep -q 'refusing to write an image to a terminal' "$tmp/tty"
fi

# Devices: TRMNL's 1-bit BMP is exactly 48,062 bytes; the profiles list
# their sizes; a panel on a 32x8 matrix becomes a strip, with a note.
printf 'News\n- 09:10Tram line opens to the university\n- 11:40Library extends weekend hours\n' >"$tmp/h.txt"
run headlines -f bmp --profile=trmnl "$tmp/h.txt" -o "$tmp/t.bmp"
check "trmnl bmp is 48062 bytes" test "$(wc -c <"$tmp/t.bmp")" -eq 48062
run --list-profiles
check "profiles show their size" grep -q '^trmnl  *800x480, 1-bit' "$tmp/out"
run headlines -f png --profile=led-32x8 --layout=panel "$tmp/h.txt" -o "$tmp/l.png"
check "a 32x8 panel is drawn as a strip" grep -q 'drawing a strip' "$tmp/err"
run headlines -f png --sort=random "$tmp/h.txt" -o "$tmp/s.png"
check "--sort is checked" test "$rc" -eq 2

# Write errors are reported.
if [ -w /dev/full ]; then
  "$bin" "$data/river.txt" >/dev/full 2>"$tmp/err"
  rc=$?
  check "write error exits 1" test "$rc" -eq 1
  check "write error reported" grep -q "write error" "$tmp/err"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0

#!/usr/bin/env bash
# CLI tests: run the summarize binary as a user would and check its output,
# messages and exit codes. Usage: cli_test.sh SUMMARIZE DATA_DIR
set -u
bin=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/check.sh"

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

# HTML input: by extension, by content, forced, and refused by --input.
cat >"$tmp/page.htm" <<'PAGE'
<html lang="en"><head><meta property="og:site_name" content="The Valley Post">
<title>Orchard harvest starts early | The Valley Post</title></head><body>
<nav><a href="/">Home</a> <a href="/farming">Farming</a></nav>
<article><p>Farmers in the valley began picking apples two weeks early this
year, after the warmest spring on record.</p><p>Growers said the trees
flowered in March, and the fruit ripened in the dry heat of August.</p>
<p>Pickers from the villages were hired a fortnight sooner than usual,
and the cider mills opened their gates on the first of September.</p>
</article><footer>Copyright The Valley Post</footer></body></html>
PAGE
run "$tmp/page.htm"
check ".htm file is read as HTML" grep -q '^Farmers in the valley' "$tmp/out"
check "HTML menu is not in the summary" bash -c "! grep -q 'Home' '$tmp/out'"
out=$("$bin" - <"$tmp/page.htm")
check "HTML on stdin is found by content" grep -q '^Farmers in the valley' <<<"$out"
run -f json "$tmp/page.htm"
check "HTML site name in JSON" grep -q '"site":"The Valley Post"' "$tmp/out"
run --input=text "$tmp/page.htm"
check "--input=text reads markup as text" grep -q '<' "$tmp/out"
run --input=pdf "$tmp/page.htm"
check "--input=pdf is a usage error" test "$rc" -eq 2
run split -v "$tmp/page.htm"
check "split -v says what was dropped" grep -q 'dropped as boilerplate' "$tmp/err"
mkdir "$tmp/pages"
cp "$tmp/page.htm" "$tmp/pages/"
run brief "$tmp/pages"
check "brief reads .htm files and names the site" grep -q '^Source: The Valley Post$' "$tmp/out"
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

# ---- Every command, format and output file does what it says (issue 14) ----

# usage_error NAME ARGS...: exit 2, a message and the --help hint on
# stderr, nothing on stdout; $tmp/err keeps the message for more checks.
usage_error() {
  local name=$1
  shift
  run "$@"
  check "$name: exits 2" test "$rc" -eq 2
  check "$name: hints at --help" grep -q "Try 'summarize --help'" "$tmp/err"
  check "$name: prints nothing" test -z "$out"
}
side=$data/sidebar.txt

# The format comes from -f, else from -o's extension; they must agree.
for ext in txt md json jsonl html png ppm apng; do
  rm -f "$tmp/x.$ext"
  run -o "$tmp/x.$ext" "$side"
  check "-o x.$ext exits 0" test "$rc" -eq 0
done
check "x.txt is text" test "$(head -c 12 "$tmp/x.txt")" = "The weekly h"
check "x.md is Markdown" grep -q '^# Harbour market' "$tmp/x.md"
check "x.json is JSON" test "$(head -c 12 "$tmp/x.json")" = '{"version":1'
check "x.jsonl is one line" test "$(wc -l <"$tmp/x.jsonl")" -eq 1
check "x.html is a page" grep -q '^<!DOCTYPE html>' "$tmp/x.html"
check "x.png is a PNG" test "$(head -c 4 "$tmp/x.png" | tail -c 3)" = PNG
check "x.ppm is a PPM" test "$(head -c 2 "$tmp/x.ppm")" = P6
check "x.apng is an animation" grep -q acTL "$tmp/x.apng"
run -f md -o "$tmp/y.TXT" "$side"
check "-f md -o y.TXT conflicts" test "$rc" -eq 2
usage_error "-f json -o x.png" -f json -o "$tmp/c.png" "$side"
check "the conflict is named" grep -q "conflicts with the name of -o" "$tmp/err"
check "a refused run writes no file" test ! -e "$tmp/c.png"
run -f apng -o "$tmp/anim.png" "$side"
check "-f apng may write a .png" test "$rc" -eq 0
run -f text -o "$tmp/notes.unknown" "$side"
check "an unknown extension takes -f" test "$rc" -eq 0
run -o "$tmp/plain.log" "$side"
check "an unknown extension without -f is text" test "$(wc -l <"$tmp/plain.log")" -eq 3

# Feeds in: each item of an RSS or Atom file is an article of its own.
cat >"$tmp/courier.rss" <<'FEED'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kettleby Courier</title>
<item><title>Bridge reopens</title><link>https://c.example/b</link>
<pubDate>Tue, 04 Nov 2025 12:20:00 GMT</pubDate>
<description>&lt;p&gt;The Kettleby harbour bridge reopened to traffic on Monday
morning, two weeks ahead of schedule.&lt;/p&gt;&lt;p&gt;Engineers closed the
steel bridge in May when an inspection found corrosion in its cables.&lt;/p&gt;
</description></item>
<item><title>Market moves</title><description>The weekly harbour market will
move into the old fish hall from next month, the town council said on
Tuesday. Stallholders welcomed the move before the winter.</description></item>
</channel></rss>
FEED
run "$tmp/courier.rss"
check "a feed is summarised item by item" test "$(grep -c '^==> .*courier.rss: ' "$tmp/out")" -eq 2
check "a feed item's HTML is read as HTML" bash -c "! grep -q '<p>' '$tmp/out'"
run -f json "$tmp/courier.rss"
check "a feed item keeps its date, link and time" grep -q '"date":"2025-11-04","site":"Kettleby Courier","url":"https://c.example/b","time":"12:20"' "$tmp/out"
mkdir -p "$tmp/feeds"
cp "$tmp/courier.rss" "$tmp/feeds/"
run brief "$tmp/feeds"
check "brief reads feeds in folders, named by the feed" grep -q '^Source: Kettleby Courier' "$tmp/out"
run brief -f md "$tmp/feeds"
check "brief links a feed item's source to its link" grep -qF '[Kettleby Courier](<https://c.example/b>)' "$tmp/out"
check "brief names a source without a link plainly" grep -qF '*Source: Kettleby Courier*' "$tmp/out"
cat >"$tmp/linked.jsonl" <<'JSONL'
{"id":"gazette","url":"https://gazette.example/a?x=1&y=\"2\"","title":"Harbour bridge reopens early","text":"The Kettleby harbour bridge reopened to traffic on Monday morning, two weeks ahead of schedule. Engineers closed the steel bridge in May."}
{"id":"post","url":"javascript:alert(1)","title":"Market moves to the fish hall","text":"The weekly harbour market will move into the old fish hall from next month, the town council said. Stallholders welcomed the move."}
JSONL
run brief -f html "$tmp/linked.jsonl"
check "brief html links a JSONL record's url, escaped" grep -qF '<a href="https://gazette.example/a?x=1&amp;y=%222%22">gazette.example</a>' "$tmp/out"
check "brief html never links javascript:" bash -c "! grep -qi 'href=\"javascript' '$tmp/out'"
run brief -f json "$tmp/linked.jsonl"
check "brief names a source by its URL's host" grep -qF '"name":"gazette.example","file":"gazette"' "$tmp/out"
check "brief names a source without a URL by its id" grep -qF '"name":"post","file":"post"' "$tmp/out"
cat >"$tmp/sited.jsonl" <<'JSONL'
{"id":"g-17","site":" The Kettleby Gazette ","url":"https://www.gazette.example/a","title":"Harbour bridge reopens early","text":"The Kettleby harbour bridge reopened to traffic on Monday morning, two weeks ahead of schedule. Engineers closed the steel bridge in May."}
{"id":"g-18","site":"Bad\u0007name","url":"https://WWW.Post.example:8080/b","title":"Market moves to the fish hall","text":"The weekly harbour market will move into the old fish hall from next month, the town council said. Stallholders welcomed the move."}
JSONL
run brief -f json "$tmp/sited.jsonl"
check "brief names a source by a JSONL record's site" grep -qF '"name":"The Kettleby Gazette","file":"g-17"' "$tmp/out"
check "a site name with a control character gives way to the URL's host" grep -qF '"name":"post.example","file":"g-18"' "$tmp/out"
"$bin" --jsonl <"$tmp/sited.jsonl" >"$tmp/out" 2>"$tmp/err"
check "summarize --jsonl reports a record's site" grep -qF '"site":"The Kettleby Gazette"' "$tmp/out"
run brief -f atom "$tmp/linked.jsonl"
check "brief atom links the entry to its source" grep -qF '<link href="https://gazette.example/a?x=1&amp;y=&quot;2&quot;"/>' "$tmp/out"
check "brief atom gives a linkless entry its text as content" grep -q '<content>' "$tmp/out"
run brief -f json "$tmp/linked.jsonl"
check "brief json has each source's url or null" grep -qF '"url":null' "$tmp/out"
printf '<rss><channel><item><title>x' >"$tmp/broken.rss"
run brief "$tmp/broken.rss" "$tmp/courier.rss"
check "a broken feed is reported, exit 1" test "$rc" -eq 1
check "a broken feed names itself" grep -q 'broken.rss' "$tmp/err"

# brief: text, md, json, html or atom; images only through --png.
mkdir -p "$tmp/briefin"
cp "$data/river.txt" "$data/market.txt" "$side" "$tmp/briefin/"
usage_error "brief -f png" brief -f png -o "$tmp/b.png" "$tmp/briefin"
check "brief -f png names --png" grep -q -- "--png FILE" "$tmp/err"
check "brief -f png writes nothing" test ! -e "$tmp/b.png"
usage_error "brief -o b.png" brief -o "$tmp/b.png" "$tmp/briefin"
run brief -o "$tmp/b.html" "$tmp/briefin"
check "brief -o b.html exits 0" test "$rc" -eq 0
check "brief -o b.html writes a page" grep -q '^<!DOCTYPE html>' "$tmp/b.html"
check "brief html has a section per story" test "$(grep -c '<section class="story">' "$tmp/b.html")" -ge 2
check "brief html has no script" bash -c "! grep -qi '<script' '$tmp/b.html'"
run brief -f html "$tmp/briefin/river.txt" "$tmp/briefin/market.txt"
check "brief -f html takes several files" test "$rc" -eq 0
check "brief -f html of files is one page" test "$(grep -c '^<!DOCTYPE html>' "$tmp/out")" -eq 1
run brief -f atom -o "$tmp/b.atom" "$tmp/briefin"
check "brief -f atom exits 0" test "$rc" -eq 0
check "brief -f atom is an Atom feed" grep -q 'xmlns="http://www.w3.org/2005/Atom"' "$tmp/b.atom"
check "brief atom has an entry per story" test "$(grep -c '<entry>' "$tmp/b.atom")" -ge 2
usage_error "summarize -f atom" -f atom "$side"
check "summarize -f atom says it is for brief" grep -q "atom is for brief" "$tmp/err"
usage_error "brief -f jsonl" brief -f jsonl "$tmp/briefin"
run brief -o "$tmp/b.json" "$tmp/briefin"
check "brief -o b.json writes JSON" test "$(head -c 12 "$tmp/b.json")" = '{"version":1'
run brief -o "$tmp/b.md" "$tmp/briefin"
check "brief -o b.md writes Markdown" grep -q '^# Briefing' "$tmp/b.md"

# split, headlines and keywords honour -f or refuse it.
run split -f json "$side"
check "split -f json is JSON" test "$(head -c 12 "$tmp/out")" = '{"version":1'
check "split json has every sentence" test "$(grep -o '"index":' "$tmp/out" | wc -l)" -eq 6
run split -o "$tmp/s.jsonl" "$side" "$data/river.txt"
check "split -o s.jsonl: one line per file" test "$(wc -l <"$tmp/s.jsonl")" -eq 2
run keywords -f json "$side"
check "keywords -f json" grep -q '^{"version":1,"source":.*"keywords":\["' "$tmp/out"
run headlines -f json "$side"
check "headlines -f json" grep -q '"headlines":\[{"time":"09:15","text":"Ferry' "$tmp/out"
run headlines -f md "$side"
check "headlines -f md" grep -q '^- \*\*10:40\*\* Library extends' "$tmp/out"
for args in "split -f md" "split -f png" "split -f html" "keywords -f md" \
  "keywords -f apng" "headlines -f html"; do
  usage_error "$args" $args -o "$tmp/never.out" "$side"
done
usage_error "split -o s.md" split -o "$tmp/s.md" "$side"
usage_error "keywords -o k.png" keywords -o "$tmp/k.png" "$side"
# Markdown headlines stay text, whatever they hold.
printf 'date 2025-11-04\n- 09:15Ferry *timetable* changes for [winter](x)\n- 10:40Library <b>extends</b> hours & more\n- 11:05New cycle lane_opens on Mill Road #2\nFollow us on Facebook\nHarbour market moves\nThe weekly harbour market will move into the old fish hall from next month, the town council said on Tuesday.\n' >"$tmp/hostile-side.txt"
run headlines -f md "$tmp/hostile-side.txt"
check "hostile headlines: three items" test "$(grep -c '^- \*\*' "$tmp/out")" -eq 3
if command -v cmark >/dev/null; then
  cmark <"$tmp/out" >"$tmp/side.html"
  check "hostile headlines: no markup in cmark's HTML" \
    test "$(grep -Ec '<em>|<a |<b>|<h2' "$tmp/side.html")" -eq 0
  check "hostile headlines: text intact" \
    grep -qF 'Library &lt;b&gt;extends&lt;/b&gt; hours &amp; more' "$tmp/side.html"
fi
run headlines -f png -o "$tmp/h.png" "$side"
check "headlines -f png draws the sidebar" test "$rc" -eq 0 -a -s "$tmp/h.png"
rm -f "$tmp/h2.png"
run headlines -f png -o "$tmp/h2.png" "$data/river.txt"
check "headlines -f png without headlines exits 1" test "$rc" -eq 1
check "headlines -f png says why" grep -q "no timestamped headlines" "$tmp/err"
check "headlines -f png without headlines writes nothing" test ! -e "$tmp/h2.png"

# Several files: -f json is one array (pretty or not), -f jsonl a line each.
run -f json --json-pretty "$side" "$data/river.txt"
check "json-pretty, two files: exit 0" test "$rc" -eq 0
check "json-pretty, two files: an array" test "$(head -c 1 "$tmp/out")" = '['
check "json-pretty, two files: indented" grep -q '^    "version": 1,$' "$tmp/out"
run -f json "$side" "$data/river.txt"
check "json, two files: one array" test "$(head -c 2 "$tmp/out")" = '[{'
if command -v python3 >/dev/null; then
  for args in "-f json --json-pretty" "-f json"; do
    "$bin" $args "$side" "$data/river.txt" |
      python3 -c 'import json,sys; a=json.load(sys.stdin); assert len(a)==2' 2>/dev/null
    check "'$args' with two files parses as one JSON array" test $? -eq 0
  done
  "$bin" -f jsonl "$side" "$data/river.txt" |
    python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' 2>/dev/null
  check "jsonl with two files parses line by line" test $? -eq 0
fi
usage_error "jsonl --json-pretty" -f jsonl --json-pretty "$side"
usage_error "html with two files" -f html "$side" "$data/river.txt"

# No option is accepted where it has no effect.
usage_error "--png without brief" --png "$tmp/t.png" "$side"
usage_error "--date without brief" --date 2025-11-04 "$side"
usage_error "--top without brief" --top 2 "$side"
usage_error "--threshold without brief" --threshold 0.3 "$side"
usage_error "--jobs for one summary" -j 2 "$side"
usage_error "--json-pretty for text" --json-pretty "$side"
usage_error "--md-style for json" --md-style bullets -f json "$side"
usage_error "--profile for text" --profile web "$side"
usage_error "--width for md" --width 100 -f md "$side"
usage_error "-n for split" split -n 2 "$side"
usage_error "-a for headlines" headlines -a textrank "$side"
usage_error "--fit on a list" -f png --layout list --fit -o "$tmp/l.png" "$side"
usage_error "--frame-ms for png" -f png --frame-ms 50 -o "$tmp/l.png" "$side"
usage_error "--loop for apng" -f apng --loop -o "$tmp/l.png" "$side"
usage_error "brief --png x.md" brief --png "$tmp/t.md" "$tmp/briefin"
usage_error "--jsonl -v" --jsonl -v
usage_error "--png for brief text is fine, --fg without --png is not" \
  brief --fg red "$tmp/briefin"
run brief --png "$tmp/t.png" --profile led-64x32 --top 2 -j 1 "$tmp/briefin"
check "brief accepts its own options" test "$rc" -eq 0 -a -s "$tmp/t.png"
run -f md --md-style bullets "$side"
check "--md-style with md" grep -q '^- The weekly' "$tmp/out"

# Values are checked, and a wrong one names the right ones.
usage_error "brief --date=2025-13-45" brief --date=2025-13-45 "$tmp/briefin"
usage_error "brief --date=2025-02-29" brief --date=2025-02-29 "$tmp/briefin"
run brief --date=2024-02-29 "$tmp/briefin"
check "a leap day is a date" test "$rc" -eq 0
usage_error "apng list" -f apng --layout list -o "$tmp/a.png" "$side"
usage_error "apng eink profile (a list)" -f apng --profile eink-800x480 -o "$tmp/a.png" "$side"
usage_error "--fg puce" -f png --fg puce -o "$tmp/a.png" "$side"
check "--fg names the colours" grep -q "want #RRGGBB or black, white" "$tmp/err"
usage_error "--font nope" -f png --font nope -o "$tmp/a.png" "$side"
check "--font names the fonts" grep -q "want auto, fixed5x7, .*--list-fonts" "$tmp/err"
usage_error "--profile nope" -f png --profile nope -o "$tmp/a.png" "$side"
check "--profile names the profiles" grep -q "want led-32x8, .*web (see --list-profiles)" "$tmp/err"
usage_error "--layout nope" -f png --layout nope -o "$tmp/a.png" "$side"
check "--layout names the layouts" grep -q "want strip, list or panel" "$tmp/err"
usage_error "--pixels nope" -f png --pixels nope -o "$tmp/a.png" "$side"
check "--pixels names the modes" grep -q "want auto, mono, grey, grey2, grey4 or rgb" "$tmp/err"
usage_error "-f nope" -f nope "$side"
check "-f names the formats" grep -q "want text, md, json, jsonl, html, atom, png, ppm, apng or bmp" "$tmp/err"

# The lists say what each entry is.
run --list-profiles
check "--list-profiles: eink size, pixels, layout" grep -Eq '^eink-800x480 +800x480, 1-bit, list' "$tmp/out"
check "--list-profiles: every profile" test "$(grep -c '^led-\|^eink\|^kindle\|^web\|^trmnl\|^epaper' "$tmp/out")" -eq 14
run --list-fonts
check "--list-fonts: size and coverage" grep -Eq '^term16 +bitmap, 16 pixels, [0-9]+ glyphs: Latin' "$tmp/out"

# Write errors on standard output exit 1 with a message, lists included.
if [ -w /dev/full ]; then
  for args in --help --version --list-languages --list-profiles --list-fonts; do
    "$bin" $args >/dev/full 2>"$tmp/err"
    rc=$?
    check "$args >/dev/full exits 1" test "$rc" -eq 1
    check "$args >/dev/full says so" grep -q "write error" "$tmp/err"
  done
fi

# A short first sentence is a sentence.
printf 'Prices rose sharply. The central bank said inflation reached its highest level in a decade. Economists expect further increases next month.\n' >"$tmp/short.txt"
run -r 1 "$tmp/short.txt"
check "-r 1 keeps a short first sentence" test "$(wc -l <"$tmp/out")" -eq 3
run -n 3 "$tmp/short.txt"
check "-n 3 of three sentences gives three" test "$(sed -n 1p "$tmp/out")" = "Prices rose sharply."

echo "$passed passed, $failed failed"
test "$failed" -eq 0

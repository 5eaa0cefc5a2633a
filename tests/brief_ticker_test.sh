#!/usr/bin/env bash
# The briefing's ticker fits by itself (issue 17, item 6): brief --png on
# the whole dev set with every story (--top 1000000, ~500 stories, whose
# headlines in one strip would be some 200,000 pixels long) draws the
# first stories that fit the 65,535-pixel side, and on a TRMNL the page
# stays under the device's 90,000 bytes. Skipped (77) without ../shared.
# Usage: brief_ticker_test.sh SUMMARIZE SHARED_DIR
set -u
bin=$1
dev=$2/data/dev
if [ ! -d "$dev/articles" ]; then
  echo "skipped: $dev not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}
# A PNG's width and height, from its IHDR.
png_size() {
  od -An -tu1 -j16 -N8 "$1" |
    awk '{ printf "%d %d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

"$bin" brief --top 1000000 --png "$tmp/all.png" -o "$tmp/all.txt" "$dev" 2>"$tmp/err"
rc=$?
check "every story: exit 0 $(head -c 300 "$tmp/err")" test "$rc" -eq 0
read -r w h < <(png_size "$tmp/all.png")
w=${w:-0}
echo "strip: ${w}x${h}"
check "the strip is at most 65535 pixels long" test "$w" -le 65535
check "the strip holds many stories, not one" test "$w" -ge 30000

"$bin" brief --png "$tmp/top.png" -o "$tmp/top.txt" "$dev"
check "the default 20 stories: exit 0" test $? -eq 0
read -r w20 _ < <(png_size "$tmp/top.png")
check "the default strip is shorter ($w20)" test "$w20" -lt "$w"

"$bin" brief --top 1000000 --profile trmnl --png "$tmp/trmnl.png" -o "$tmp/t.txt" "$dev"
check "a TRMNL page of every story: exit 0" test $? -eq 0
read -r tw th < <(png_size "$tmp/trmnl.png")
check "the TRMNL page is 800x480 (${tw}x${th})" test "$tw" -eq 800 -a "$th" -eq 480
check "the TRMNL page is under 90000 bytes" test "$(wc -c <"$tmp/trmnl.png")" -lt 90000
exit $fail

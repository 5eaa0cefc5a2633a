#!/bin/sh
# bdf2c against broken and hostile fonts: each must fail with exit status
# 1, a "bdf2c: FILE:LINE: message" on stderr, no crash (a sanitizer build
# reports any overrun), and no output file left behind. Then a few valid
# fonts (CRLF line ends, .hex, ranges) must convert.
#
#   bdf2c_test.sh BDF2C
set -u
bdf2c=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

# A valid font header and one glyph; cases below break one thing each.
head='STARTFONT 2.1
FONT test
SIZE 8 75 75
FONTBOUNDINGBOX 8 8 0 -1
STARTPROPERTIES 2
FONT_ASCENT 7
FONT_DESCENT 1
ENDPROPERTIES
CHARS 1'

# bad NAME EXPECTED-MESSAGE-PART [FILE-SUFFIX [:RANGES]]: the font is the
# file $dir/input (not a pipe: the counters must survive, and a pipeline
# would run bad in a subshell).
bad() {
    name=$1 want=$2 suffix=${3:-.bdf} ranges=${4:-}
    in="$dir/$name$suffix"
    mv "$dir/input" "$in"
    out="$dir/out.c"
    rm -f "$out" "$out.tmp"
    "$bdf2c" "$out" "f:$in$ranges" 2> "$dir/err"
    rc=$?
    if [ $rc -ne 1 ]; then
        echo "FAIL $name: exit $rc, want 1"; cat "$dir/err"; fail=$((fail + 1)); return
    fi
    if ! grep -q "^bdf2c: .*$want" "$dir/err"; then
        echo "FAIL $name: message lacks \"$want\":"; cat "$dir/err"; fail=$((fail + 1)); return
    fi
    if [ -e "$out" ] || [ -e "$out.tmp" ]; then
        echo "FAIL $name: output left behind"; fail=$((fail + 1)); return
    fi
    echo "ok $name: $(cat "$dir/err")"
    pass=$((pass + 1))
}

good() {
    name=$1 spec=$2 want=$3
    out="$dir/out.c"
    rm -f "$out"
    if ! "$bdf2c" "$out" "$spec" 2> "$dir/err"; then
        echo "FAIL $name:"; cat "$dir/err"; fail=$((fail + 1)); return
    fi
    if ! grep -q "$want" "$out"; then
        echo "FAIL $name: output lacks $want"; fail=$((fail + 1)); return
    fi
    echo "ok $name"
    pass=$((pass + 1))
}

glyph='STARTCHAR A
ENCODING 65
DWIDTH 8 0
BBX 8 8 0 -1
BITMAP
18
24
42
7E
42
42
42
00
ENDCHAR'

printf '' > "$dir/input"; bad empty 'empty file'
echo 'hello' > "$dir/input"; bad not-bdf 'no STARTFONT'
printf '%s\nSTARTCHAR A\nENCODING 65\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    'STARTFONT 2.1' > "$dir/input"; bad no-bbox 'without BBX'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 8 4 0 0\nBITMAP\n00\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad few-rows 'BITMAP has 2 rows'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 8 1 0 0\nBITMAP\n00\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad many-rows 'more rows'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 8 1 0 0\nBITMAP\nZZ\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad bad-hex 'bad hex digit'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 16 1 0 0\nBITMAP\nFFF\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad odd-row 'whole bytes'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 100000 1 0 0\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad huge-bbx 'out of range'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX -8 1 0 0\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad negative-bbx 'BBX needs'
printf '%s\nSTARTCHAR A\nENCODING 99999999999999999999999\nBBX 8 1 0 0\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad overflow 'out of range'
printf '%s\nSTARTCHAR A\nENCODING 1114112\nBBX 8 1 0 0\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad beyond-unicode 'out of range'
printf '%s\nSTARTCHAR A\nENCODING 6x5\nBBX 8 1 0 0\nBITMAP\n00\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad junk-number 'not a number'
printf '%s\n%s\n%s\nENDFONT\n' "$head" "$glyph" "$glyph" > "$dir/input"; bad duplicate 'duplicate glyph'
printf '%s\nSTARTCHAR A\nENCODING 65\nSTARTCHAR B\n' "$head" > "$dir/input"; bad no-endchar 'missing ENDCHAR'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 8 8 0 0\nBITMAP\n00\n' "$head" > "$dir/input"; bad eof-bitmap 'end of file inside BITMAP'
printf '%s\n%s\n' "$head" "$glyph" > "$dir/input"; bad no-endfont 'before ENDFONT'
{ printf '%s\nCOMMENT ' "$head"; head -c 6000 /dev/zero | tr '\0' x; printf '\nENDFONT\n'; } \
    > "$dir/input"; bad long-line 'line longer'
printf '%s\nCOMMENT a\000b\nENDFONT\n' "$head" > "$dir/input"; bad nul-byte 'NUL byte'
printf '%s\nSTARTCHAR A\nENCODING 65\nBBX 8 1 127 0\nBITMAP\n01\nENDCHAR\nENDFONT\n' \
    "$head" > "$dir/input"; bad offset-overflow 'offset out of range'
printf 'STARTFONT 2.1\nFONTBOUNDINGBOX 8 8 0 0\nSTARTPROPERTIES 2\nFONT_ASCENT 0\nFONT_DESCENT 0\nENDPROPERTIES\n%s\nENDFONT\n' \
    "$glyph" > "$dir/input"; bad no-line 'make no line'
printf '%s\nENDFONT\n' "$head" > "$dir/input"; bad no-glyphs 'no glyphs'
printf 'BITMAP\n' > "$dir/input"; bad bitmap-first 'no STARTFONT'
printf '0041:00\n' > "$dir/input"; bad hex-short 'want 32 or 64' .hex
printf 'XYZW:00000000000000000000000000000000\n' > "$dir/input"; bad hex-bad-cp 'bad hex digit' .hex
printf '110000:00000000000000000000000000000000\n' > "$dir/input"; bad hex-range 'out of range' .hex
printf '0041:0000000000000000000000000000000G\n' > "$dir/input"; bad hex-bad-bits 'bad hex digit' .hex
# A gzip header followed by garbage.
printf '\037\213\010\000\000\000\000\000\000\003garbage-garbage' > "$dir/input"; bad corrupt-gz 'read error' .bdf.gz

# Arguments.
out="$dir/out.c"
for args in "Bad:$dir/x.bdf" "f" "f:/nonexistent/font.bdf" "f:$dir/x.bdf:zz-1"; do
    printf '%s\n%s\nENDFONT\n' "$head" "$glyph" > "$dir/x.bdf"
    if "$bdf2c" "$out" "$args" 2> "$dir/err"; then
        echo "FAIL args $args: accepted"; fail=$((fail + 1))
    else
        echo "ok args $args: $(cat "$dir/err")"; pass=$((pass + 1))
    fi
done
if "$bdf2c" "$out" "f:$dir/x.bdf" "f:$dir/x.bdf" 2> "$dir/err"; then
    echo "FAIL duplicate name accepted"; fail=$((fail + 1))
else
    echo "ok duplicate name: $(cat "$dir/err")"; pass=$((pass + 1))
fi

# Valid fonts: CRLF line ends, a range filter, Unifont .hex.
printf '%s\n%s\nENDFONT\n' "$head" "$glyph" | sed 's/$/\r/' > "$dir/crlf.bdf"
good crlf "f:$dir/crlf.bdf" '{0x0041,FONT_PACK(0,8),6,7,1,0}'
good ranges "f:$dir/crlf.bdf:20-41" '{0x0041,'
printf '%s\n%s\nENDFONT\n' "$head" "$glyph" > "$dir/input"; bad ranged-out 'no glyphs' .bdf :100-1ff
printf '0041:0000000018242442427E424242420000\n0020:00000000000000000000000000000000\n' > "$dir/u.hex"
good hex "u:$dir/u.hex" '{0x0041,FONT_PACK(0,8),6,10,1,0}'
gzip -c "$dir/u.hex" > "$dir/u.hex.gz"
good hex-gz "u:$dir/u.hex.gz" '{0x0020,FONT_PACK(0,8),0,0,0,0}'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

#!/usr/bin/env bash
# Safe outputs and an honest folder reader (summarize brief, and -o of a
# single article):
#  - a run with nothing to put in a briefing (an empty folder, a folder
#    of unreadable, empty or binary files) or one that fails part-way
#    keeps every old output byte for byte and exits 1, saying why;
#  - a replaced file keeps its mode (and owner); a read-only target is
#    refused; no temporary file outlives its run, even after SIGKILL (the
#    next run removes a dead run's named temporaries);
#  - an output of the run is never read as an input; a FIFO is skipped
#    without waiting on it; a dangling link, an unreadable file or folder
#    and a path too long are named and make the exit status 1 while the
#    rest is still briefed; a folder of symbolic links is read; control
#    characters in names are escaped on stderr.
# Run as root, the permission checks are skipped (root reads and writes
# whatever the mode bits say); the run says so.
#
# Usage: cli_safety_test.sh SUMMARIZE DATA_DIR
set -u
bin=$1
data=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/check.sh"
not() { ! "$@"; }
root=false
[ "$(id -u)" = 0 ] && root=true
# stderr holds no raw control byte but the newline ending each line
clean_stderr() { ! LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$1"; }

cd "$tmp" || exit 1
mkdir arts
cp "$data/river.txt" "$data/market.txt" arts/
cp "$data/lang/en.txt" arts/town.txt

# old_outputs: a briefing and a ticker from before, to be kept.
old_outputs() {
  printf 'yesterday\n' >old.md
  printf '\x89PNG old ticker' >old.png
  cp old.md old.md.ref
  cp old.png old.png.ref
}
kept() { cmp -s old.md old.md.ref && cmp -s old.png old.png.ref; }

# ---- 1. nothing to put in a briefing: every old output kept ----
old_outputs
mkdir empty
"$bin" brief empty -o old.md --png old.png 2>err
check "empty folder: exit 1" test $? -eq 1
check "empty folder: -o and --png byte-identical" kept
check "empty folder: says why" grep -q 'nothing to put in a briefing' err

"$bin" brief empty >out.txt 2>err
check "empty folder to stdout: exit 1" test $? -eq 1
check "empty folder to stdout: writes nothing" test ! -s out.txt

mkdir bad
: >bad/empty.txt
printf 'ab\0\0\0\0cd\0\0' >bad/binary.txt
ln -s missing.txt bad/dangling.txt
if ! $root; then
  cp "$data/river.txt" bad/locked.txt
  chmod 000 bad/locked.txt
fi
"$bin" brief bad -o old.md --png old.png 2>err
check "unreadable/empty/binary folder: exit 1" test $? -eq 1
check "unreadable/empty/binary folder: outputs byte-identical" kept
check "unreadable/empty/binary folder: says why" \
  grep -q 'nothing to put in a briefing: none of the' err
check "unreadable/empty/binary folder: the dangling link named" \
  grep -q 'bad/dangling.txt: dangling symbolic link' err
$root || check "unreadable folder: the chmod 000 file named" \
  grep -q 'bad/locked.txt: Permission denied' err

mkdir dated
cp arts/town.txt dated/ # published on 14 March 2024
"$bin" brief --date 2031-01-01 dated -o old.md 2>err
check "no article of --date: exit 1" test $? -eq 1
check "no article of --date: output kept" kept
check "no article of --date: says why" grep -q 'dated 2031-01-01' err

# ---- 2. failure part-way: nothing replaced ----
old_outputs
"$bin" brief arts -o old.md --png no/such/dir/t.png 2>err
check "--png into a missing folder: exit 1" test $? -eq 1
check "--png into a missing folder: old -o kept too" kept
check "--png into a missing folder: named" grep -q 'no/such/dir/t.png' err
# The ticker fails only when written (a full device): the briefing,
# complete by then, is not put in place either.
if [ -w /dev/full ]; then
  "$bin" brief arts -o old.md --png /dev/full 2>err
  check "--png to a full device: exit 1" test $? -eq 1
  check "--png to a full device: old -o kept" kept
  check "--png to a full device: says why" grep -q '/dev/full: write error' err
fi
if $root; then
  echo "skipped: --png into a read-only folder (running as root)"
else
  mkdir ro
  chmod 555 ro
  "$bin" brief arts -o old.md --png ro/t.png 2>err
  check "--png into a read-only folder: exit 1" test $? -eq 1
  check "--png into a read-only folder: old -o kept" kept
  check "--png into a read-only folder: nothing created" test -z "$(ls -A ro)"
fi
"$bin" brief arts -o old.md --png old.png 2>err
check "a good run: exit 0" test $? -eq 0
check "a good run replaces both" \
  bash -c '! cmp -s old.md old.md.ref && ! cmp -s old.png old.png.ref'

# ---- 3. permissions and owner kept; read-only targets refused ----
printf 'private\n' >private.md
chmod 600 private.md
printf 'shared\n' >shared.md
chmod 640 shared.md
"$bin" brief arts -o private.md 2>/dev/null
check "brief -o keeps 0600" test "$(stat -c %a private.md)" = 600
"$bin" brief arts -o shared.md 2>/dev/null
check "brief -o keeps 0640" test "$(stat -c %a shared.md)" = 640
printf 'old\n' >p.png
chmod 600 p.png
"$bin" brief arts -o private.md --png p.png 2>/dev/null
check "brief --png keeps 0600" test "$(stat -c %a p.png)" = 600
printf 'x\n' >one.txt
chmod 600 one.txt
"$bin" -o one.txt arts/river.txt
check "summarize -o keeps 0600" test "$(stat -c %a one.txt)" = 600
if command -v script >/dev/null 2>&1 && "$bin" --help | grep -q -- '-f png'; then
  printf 'x' >img.png
  chmod 604 img.png
  "$bin" -f png -o img.png arts/river.txt
  check "summarize -f png -o keeps 0604" test "$(stat -c %a img.png)" = 604
  check "summarize -f png -o wrote a PNG" \
    test "$(head -c 4 img.png | od -An -c | tr -d ' ')" = '211PNG'
fi
if $root; then
  # root may give a file away: the owner and group are kept.
  printf 'theirs\n' >theirs.md
  chown 65534:65534 theirs.md
  "$bin" brief arts -o theirs.md 2>/dev/null
  check "brief -o keeps the owner and group" \
    test "$(stat -c %u:%g theirs.md)" = 65534:65534
  echo "skipped: read-only targets (running as root, which may write them)"
else
  printf 'read only\n' >ro.md
  chmod 444 ro.md
  "$bin" brief arts -o ro.md 2>err
  check "read-only -o: exit 1" test $? -eq 1
  check "read-only -o: not replaced" test "$(cat ro.md)" = 'read only'
  check "read-only -o: says why" grep -q 'ro.md: Permission denied' err
  "$bin" -o ro.md arts/river.txt 2>err
  check "summarize -o read-only: exit 1, not replaced" \
    test $? -eq 1 -a "$(cat ro.md)" = 'read only'
fi
printf 'kept\n' >single.txt
"$bin" -o single.txt no-such-article.txt 2>err
check "summarize -o with no readable input: exit 1" test $? -eq 1
check "summarize -o with no readable input: output kept" \
  test "$(cat single.txt)" = kept
check "summarize -o with no readable input: says why" \
  grep -q 'single.txt: not replaced' err

# ---- 4. no temporaries outlive a run, even one killed with SIGKILL ----
mkdir big out
for i in $(seq 1 3000); do
  printf 'Report %d from the county.\nThe council of district %d voted on the new budget on Monday. Members argued for %d minutes about the bridge repairs. The mayor said the vote showed the town was ready for change. Residents of street %d will see the work start in spring. The budget also covers %d new teachers for the schools of the district. Opposition members said the plan came too late for the families waiting since %d. A second vote on the library is planned for next month, officials said on Tuesday.\n' \
    "$i" "$i" "$((i % 97))" "$((i % 13))" "$((i % 31))" "$((1990 + i % 30))" >"big/a$i.txt"
done
temps() { find out -name '.*.precis-*.tmp' -printf '%f\n'; }
open_temp() { # whether process $1 has a file open in out/
  local fd
  for fd in /proc/"$1"/fd/*; do
    case $(readlink "$fd" 2>/dev/null) in "$tmp/out/"*) return 0 ;; esac
  done
  return 1
}
printf 'old\n' >out/b.md
cp out/b.md b.md.ref
"$bin" brief -j 1 big -o out/b.md --png out/t.png 2>/dev/null &
pid=$!
pids+=("$pid")
for _ in $(seq 1 500); do
  open_temp "$pid" && break
  sleep 0.01
done
check "the killed run had its output open" open_temp "$pid"
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "killed run: the old briefing is intact" cmp -s out/b.md b.md.ref
check "killed run: no ticker appeared" test ! -e out/t.png
left=$(temps)
echo "after SIGKILL, temporaries beside the outputs: ${left:-none}"
# A named temporary of a dead process (as a file system without
# O_TMPFILE leaves one), one of a live process (this shell), and a file
# that only looks like one: the next run removes only the first.
sh -c 'exit 0' &
dead=$!
wait "$dead"
: >"out/.b.md.precis-$dead.tmp"
: >"out/.t.png.precis-$$.tmp"
: >"out/.notes.precis-x.tmp"
"$bin" brief arts -o out/b.md --png out/t.png 2>/dev/null
check "the next run exits 0" test $? -eq 0
check "the next run removed the dead run's temporaries" \
  test ! -e "out/.b.md.precis-$dead.tmp"
check "... and kept a live process's" test -e "out/.t.png.precis-$$.tmp"
check "... and a file that is not a temporary" test -e out/.notes.precis-x.tmp
rm -f "out/.t.png.precis-$$.tmp" out/.notes.precis-x.tmp
check "no temporary left after the next run" test -z "$(temps)"
check "the next run replaced the briefing" not cmp -s out/b.md b.md.ref

# A file swapped for a FIFO after the folder was listed is skipped when
# opened, not waited on. The outputs are opened just before the listing,
# which takes milliseconds; the one worker reads in order, so the last
# file is opened a good while after. (Were the swap early, the listing
# would skip the FIFO, with the same message.)
cp arts/river.txt big/zzz.txt
"$bin" brief -j 1 big -o out/swap.md 2>err &
pid=$!
pids+=("$pid")
(sleep 60 && kill -KILL "$pid" 2>/dev/null) & # should it hang
watchdog=$!
for _ in $(seq 1 500); do
  open_temp "$pid" && break
  sleep 0.01
done
# Stopped once the listing is over (the folder no longer open).
kill -STOP "$pid"
for _ in $(seq 1 500); do
  ls -l /proc/"$pid"/fd 2>/dev/null | grep -q " -> $tmp/big\$" || break
  kill -CONT "$pid"
  sleep 0.002
  kill -STOP "$pid"
done
mkfifo fifo.tmp && mv -f fifo.tmp big/zzz.txt
kill -CONT "$pid"
wait "$pid"
rc=$?
kill "$watchdog" 2>/dev/null
check "swapped for a FIFO: no hang, exit 0 (rc $rc)" test "$rc" -eq 0
check "swapped for a FIFO: named" \
  grep -q 'big/zzz.txt: skipped: a FIFO, not a regular file' err
rm -f big/zzz.txt

# ---- 5. the honest folder reader ----
# The run's own output in its input folder is never read.
mkdir self
cp arts/*.txt self/
"$bin" brief self -o self/brief.txt 2>err1
rc1=$?
cp self/brief.txt brief1.txt
"$bin" brief self -o self/brief.txt 2>err2
rc2=$?
check "own output: both runs exit 0" test "$rc1" -eq 0 -a "$rc2" -eq 0
check "own output: the second briefing is the first" cmp -s self/brief.txt brief1.txt
check "own output: named as skipped" \
  grep -q 'self/brief.txt: skipped: an output of this run' err2
check "own output: not a source" bash -c "! grep -q 'brief.txt' self/brief.txt"
# Even reached through a symbolic link, or named on the command line.
ln -s self/brief.txt alias.txt
"$bin" brief self alias.txt self/brief.txt -o self/brief.txt 2>err
check "own output by another name: exit 0" test $? -eq 0
check "own output by another name: not read" cmp -s self/brief.txt brief1.txt

# A FIFO (nothing ever writes to it) is skipped at once; a socket too.
mkdir odd
cp arts/*.txt odd/
mkfifo odd/pipe.txt
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' odd/sock.txt 2>/dev/null
timeout 30 "$bin" brief odd -o odd.md 2>err
rc=$?
check "FIFO: the run does not hang (rc $rc)" test "$rc" -ne 124
check "FIFO: exit 0 (a skipped FIFO is not a failure)" test "$rc" -eq 0
check "FIFO: named" grep -q 'odd/pipe.txt: skipped: a FIFO, not a regular file' err
[ -S odd/sock.txt ] &&
  check "socket: named" grep -q 'odd/sock.txt: skipped: a socket' err
check "FIFO: the rest briefed" test "$(grep -c '^## ' odd.md)" -eq 3
check "FIFO: counted in the summary" \
  grep -q 'brief: .* inputs skipped: .*not a regular file' err

# Unreadable inputs are named, exit 1, the rest still briefed.
mkdir part part/sub
cp arts/*.txt part/
cp arts/river.txt part/sub/again.txt
ln -s nowhere.txt part/dangling.txt
if ! $root; then
  cp arts/river.txt part/locked.txt
  chmod 000 part/locked.txt
  chmod 000 part/sub
fi
"$bin" brief part -o part.md 2>err
check "unreadable inputs: exit 1" test $? -eq 1
check "unreadable inputs: dangling link named" \
  grep -q 'part/dangling.txt: dangling symbolic link' err
check "unreadable inputs: the rest briefed" test "$(grep -c '^## ' part.md)" -eq 3
check "unreadable inputs: counted in the summary" \
  grep -q 'could not be read' err
if $root; then
  echo "skipped: chmod 000 file and folder (running as root)"
else
  check "unreadable inputs: chmod 000 file named" \
    grep -q 'part/locked.txt: Permission denied' err
  check "unreadable inputs: chmod 000 folder named" \
    grep -q 'part/sub: Permission denied' err
  chmod 755 part/sub
fi

# A path longer than PATH_MAX is named, not passed over.
deep=long
seg=$(printf 'd%.0s' $(seq 1 200))
for _ in $(seq 1 22); do deep=$deep/$seg; done
mkdir -p "$deep" && cp arts/river.txt "$deep/deep.txt" 2>/dev/null
cp arts/market.txt long/
"$bin" brief long -o long.md 2>err
check "path too long: exit 1" test $? -eq 1
check "path too long: named" grep -q 'File name too long' err
check "path too long: the rest briefed" test "$(grep -c '^## ' long.md)" -eq 1

# A folder of symbolic links to articles is read; a link loop ends.
mkdir links
for f in arts/*.txt; do ln -s "../$f" "links/$(basename "$f")"; done
mkdir links/sub
ln -s .. links/sub/loop
"$bin" brief links -o links.md 2>err
check "symbolic links: exit 0" test $? -eq 0
check "symbolic links: all three briefed" test "$(grep -c '^## ' links.md)" -eq 3
check "symbolic links: the loop named" \
  grep -q 'links/sub/loop: skipped: the same folder was read already' err

# Control characters in names are escaped on stderr.
mkdir esc
cp arts/river.txt esc/
printf '\0\0\0\0' >"esc/$(printf 'red\033[31m')x.txt"
"$bin" brief esc -o esc.md 2>err
check "escaped name: exit 1 (a binary file)" test $? -eq 1
check "escaped name: shown as \\033" grep -qF 'esc/red\033[31mx.txt' err
check "escaped name: no raw control byte on stderr" clean_stderr err
printf 'A day. Of news.\n' >"$(printf 'tab\there\n.txt')"
"$bin" -o /dev/null "$(printf 'tab\there\n.txt')" missing$'\001'.txt 2>err
check "summarize: names escaped (\\t, \\n, \\001)" \
  grep -qF -e 'missing\001.txt' err
check "summarize: no raw control byte on stderr" clean_stderr err

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Output safety: -o FILE is written to a temporary name in the same folder
# and renamed when complete, so a run killed at any moment leaves either
# the old FILE or the complete new one, never a torn one; binary formats
# are refused on a terminal; -o never writes through a symlink.
#
# Usage: cli_outfile_test.sh SUMMARIZE PATHOLOGICAL_PY
#
# The killed runs: `summarize split -o OUT` over 40 generated articles of
# 1 MB (about 40 MB of output, written input by input over a few seconds),
# killed with SIGKILL, SIGTERM and SIGINT at fixed delays (before any
# output, and early) and at the moment the temporary file has grown past
# 1 MB and 8 MB (certainly mid-write). After every kill OUT must be the
# old content or byte for byte the complete output of an uninterrupted
# run. After SIGTERM and SIGINT no temporary file may remain (the signal
# handler removes it). After SIGKILL nothing can run: the temporary file
# is unnamed (O_TMPFILE) and vanishes with the process, or, on a file
# system without O_TMPFILE, a named .OUT.txt.precis-PID.tmp may remain
# beside OUT (never OUT itself) until the next run removes it
# (cli_safety_test.sh checks that).
set -u
bin=$1
gen=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/check.sh"

mkdir -p "$tmp/in" "$tmp/out"
python3 "$gen" --articles "$tmp/in" 40 1048576 || exit 1
inputs=("$tmp/in"/a*.txt)
out=$tmp/out/OUT.txt
old=$'old content\n'

# The reference: an uninterrupted run.
t0=$(date +%s%N)
"$bin" split -o "$tmp/ref.txt" "${inputs[@]}"
rc=$?
t1=$(date +%s%N)
check "reference run exits 0" test "$rc" -eq 0
ref_size=$(stat -c %s "$tmp/ref.txt")
check "reference output is large ($ref_size bytes)" test "$ref_size" -gt 20000000
echo "reference run: $(((t1 - t0) / 1000000)) ms, $ref_size bytes"

# The temporary files beside OUT (anything in the folder but OUT).
temps() {
  find "$tmp/out" -mindepth 1 -maxdepth 1 ! -name OUT.txt -printf '%f\n'
}

# The size of the temporary file that process $1 writes beside OUT
# (unnamed or not, it is an open file of the process in OUT's folder), or
# nothing.
temp_size() {
  local fd t
  for fd in /proc/"$1"/fd/*; do
    t=$(readlink "$fd" 2>/dev/null) || continue
    case $t in
    "$tmp/out/"*)
      stat -L -c %s "$fd" 2>/dev/null
      return
      ;;
    esac
  done
}

# Waits until the temporary file beside OUT holds at least $1 bytes (or
# the run ended); prints nothing.
wait_for_temp() {
  local want=$1 pid=$2 size
  for _ in $(seq 1 3000); do
    kill -0 "$pid" 2>/dev/null || return 0
    size=$(temp_size "$pid")
    [ "${size:-0}" -ge "$want" ] && return 0
    sleep 0.01
  done
}

killed_midwrite=0
# Job control: without it, POSIX shells start background commands with
# SIGINT ignored, and summarize rightly keeps an ignored SIGINT ignored,
# so the SIGINT runs below would never be interrupted.
set -m
# kill_run SIGNAL WHEN: WHEN is a delay in seconds, or +BYTES to wait for
# the temporary file to reach BYTES.
kill_run() {
  local sig=$1 when=$2 name="kill -$1 at $2"
  printf '%s' "$old" >"$out"
  "$bin" split -o "$out" "${inputs[@]}" 2>"$tmp/err" &
  local pid=$!
  pids+=("$pid")
  if [ "${when#+}" != "$when" ]; then
    wait_for_temp "${when#+}" "$pid"
  else
    sleep "$when"
  fi
  local during # the temporary file's size when the signal was sent
  during=$(temp_size "$pid")
  kill "-$sig" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  local rc=$?
  # Either the old content or the complete new output, nothing between.
  local state=torn
  if [ "$(cat "$out")" = "${old%$'\n'}" ] && [ "$(stat -c %s "$out")" -eq ${#old} ]; then
    state=old
  elif cmp -s "$out" "$tmp/ref.txt"; then
    state=new
  fi
  check "$name: OUT is old or complete (rc $rc, $state)" test "$state" != torn
  [ "$state" = old ] && [ "${during:-0}" -gt 0 ] &&
    killed_midwrite=$((killed_midwrite + 1))
  local left
  left=$(temps)
  if [ "$sig" = KILL ]; then
    # Leftovers are temporary names beside OUT, never OUT itself.
    local bad
    bad=$(printf '%s\n' "$left" | grep -v -E '^(\.OUT\.txt\.precis-[0-9]+\.tmp)?$')
    check "$name: only .OUT.txt.precis-PID.tmp left beside OUT ($left)" test -z "$bad"
    find "$tmp/out" -mindepth 1 -maxdepth 1 ! -name OUT.txt -delete
  else
    check "$name: no temporary file left ($left)" test -z "$left"
    if [ "$state" = old ] && [ "$rc" -ne 0 ]; then
      check "$name: died by the signal (rc $rc)" test "$rc" -ge 128
    fi
  fi
  echo "$name: exit $rc, OUT $state${during:+, temporary file held $during bytes}${left:+, left $left}"
}

for sig in KILL TERM INT; do
  for when in 0 0.3 +1048576 +8388608; do
    kill_run "$sig" "$when"
  done
done
check "at least 6 runs were killed mid-write (temporary file not empty)" \
  test "$killed_midwrite" -ge 6

# An uninterrupted run replaces OUT and leaves no temporary file; the
# a new file has the usual permissions (not the temporary's 0600).
printf '%s' "$old" >"$out"
(umask 022 && "$bin" split -o "$out" "${inputs[@]:0:3}")
check "complete run exits 0" test $? -eq 0
check "complete run leaves no temporary file" test -z "$(temps)"
check "complete run is the summary of its inputs" \
  cmp -s "$out" <("$bin" split "${inputs[@]:0:3}")
(umask 022 && "$bin" split -o "$tmp/out/new.txt" "${inputs[0]}")
check "a new output's mode is 0644 under umask 022" \
  test "$(stat -c %a "$tmp/out/new.txt")" = 644
rm -f "$tmp/out/new.txt"

# -o through a symlink replaces the link, never writes to its target.
printf 'victim\n' >"$tmp/victim.txt"
ln -s "$tmp/victim.txt" "$tmp/out/link.txt"
"$bin" split -o "$tmp/out/link.txt" "${inputs[0]}"
check "-o symlink exits 0" test $? -eq 0
check "-o symlink leaves the link's target alone" \
  test "$(cat "$tmp/victim.txt")" = victim
check "-o symlink: the name is now a regular file" \
  test -f "$tmp/out/link.txt" -a ! -L "$tmp/out/link.txt"
rm -f "$tmp/out/link.txt"

# -o into a missing folder or onto a folder: an error, nothing created.
"$bin" -o "$tmp/nowhere/x.txt" "${inputs[0]}" 2>"$tmp/err"
rc=$?
check "-o missing folder exits 1" test "$rc" -eq 1
check "-o missing folder names the file" grep -q "nowhere/x.txt" "$tmp/err"
check "-o missing folder creates nothing" test ! -e "$tmp/nowhere"
mkdir "$tmp/out/adir"
"$bin" -o "$tmp/out/adir" "${inputs[0]}" 2>"$tmp/err"
check "-o onto a folder fails" test $? -ne 0
check "-o onto a folder leaves it a folder" test -d "$tmp/out/adir"
check "-o onto a folder leaves no temporary file" \
  test -z "$(find "$tmp/out" -name '.adir.*')"
rmdir "$tmp/out/adir"

# Binary formats are refused on a terminal (script(1) provides one), and
# written when stdout is a pipe or -o names a file.
if command -v script >/dev/null 2>&1 && "$bin" --help | grep -q -- '-f png'; then
  small=$tmp/small.txt
  head -c 3000 "${inputs[0]}" >"$small"
  for fmt in png ppm apng; do
    script -qec "'$bin' -f $fmt '$small'; echo rc=\$?" /dev/null >"$tmp/tty" 2>&1
    check "-f $fmt to a terminal is refused" grep -q 'rc=[12]' "$tmp/tty"
    check "-f $fmt to a terminal says why" grep -qi 'terminal' "$tmp/tty"
    check "-f $fmt to a terminal writes no image" \
      bash -c "! grep -qa -e PNG -e '^P6' '$tmp/tty'"
  done
  script -qec "'$bin' -f png -o '$tmp/t.png' '$small'; echo rc=\$?" /dev/null >"$tmp/tty" 2>&1
  check "-f png -o FILE on a terminal works" grep -q 'rc=0' "$tmp/tty"
  check "-f png -o FILE wrote a PNG" \
    test "$(head -c 4 "$tmp/t.png" | od -An -c | tr -d ' ')" = '211PNG'
  "$bin" -f png "$small" >"$tmp/p.png"
  check "-f png to a pipe or file works" test -s "$tmp/p.png"
  # Text formats may go to a terminal.
  script -qec "'$bin' '$small'; echo rc=\$?" /dev/null >"$tmp/tty" 2>&1
  check "text to a terminal works" grep -q 'rc=0' "$tmp/tty"
else
  echo "skipped: terminal checks (no script(1) or no image output)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

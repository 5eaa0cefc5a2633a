#!/usr/bin/env bash
# The tree is the pipeline (docs/ARCHITECTURE.md): a stage folder includes
# precis.h, the shared internal header (internal.h) and the headers of its
# own or a lower folder, never src/cli; and no stage calls a function
# defined in the lifecycle file (src/precis.c).
# Usage: layout_test.sh SRC_DIR LIBPRECIS_A
set -u
src=$1
lib=$2
order=(util lang read text score brief render)
fail=0

rank() {
  local i
  for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done
  echo -1
}

for dir in "${order[@]}"; do
  r=$(rank "$dir")
  while IFS=: read -r file _ inc; do
    inc=${inc#*\"}; inc=${inc%\"*}
    case $inc in
      precis.h | internal.h) continue ;;
      */*) ;;
      *) echo "FAIL $file: includes \"$inc\" without its folder"; fail=1; continue ;;
    esac
    ir=$(rank "${inc%%/*}")
    if [ "$ir" -lt 0 ] || [ "$ir" -gt "$r" ]; then
      echo "FAIL $file: includes $inc (a higher stage or the CLI)"
      fail=1
    fi
  done < <(grep -Hn '^#include "' "$src/$dir"/*.[ch])
done

# Symbols precis.c defines, and the stage objects that use any of them.
defined=$(nm --defined-only "$lib" 2>/dev/null | awk '
  /^$/ { obj = "" } /:$/ { obj = $0 }
  obj ~ /src_precis\.c\.o:$/ && $2 ~ /^[TDRB]$/ { print $3 }' | sort -u)
if [ -z "$defined" ]; then
  echo "FAIL: no symbols found for src/precis.c in $lib"
  exit 1
fi
# One awk pass (a grep per symbol took over 30 s under ASan).
while read -r obj sym; do
  echo "FAIL ${obj##*:}: calls $sym, defined in src/precis.c"
  fail=1
done < <(nm -A --undefined-only "$lib" 2>/dev/null | awk -v defs="$defined" '
  BEGIN { n = split(defs, d, "\n"); for (i = 1; i <= n; i++) want[d[i]] = 1 }
  $1 !~ /src_precis\.c\.o:$/ && ($NF in want) { print $1, $NF }')

if [ $fail = 0 ]; then
  echo "layout: 1 passed, 0 failed"
else
  echo "layout: 0 passed, 1 failed"
fi
exit $fail

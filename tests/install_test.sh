#!/usr/bin/env bash
# Installs the build into a DESTDIR, then builds the README's library
# example (its first ```c block) against the installed libprecis with
# pkg-config, shared and static, and runs both on an example article.
# Usage: install_test.sh SOURCE_DIR BUILD_DIR CC SANITIZE
set -u
src=$1 build=$2 cc=$3 sanitize=$4
if [ "$sanitize" != none ]; then
  echo "skipped: the example is built without sanitizers, the library with them"
  exit 77
fi
command -v pkg-config >/dev/null || { echo "skipped: no pkg-config"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/precis-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }

dest=$tmp/dest
if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"; echo "install: 0 passed, 1 failed"; exit 1
fi
pc=$(find "$dest" -name libprecis.pc | head -n 1)
[ -n "$pc" ] && ok "libprecis.pc installed" || bad "no libprecis.pc under $dest"
[ -n "$(find "$dest" -name 'libprecis.so*' | head -n 1)" ] && ok "shared library installed" || bad "no libprecis.so"
[ -n "$(find "$dest" -name libprecis.a | head -n 1)" ] && ok "static library installed" || bad "no libprecis.a"
[ -n "$(find "$dest" -name precis.h | head -n 1)" ] && ok "precis.h installed" || bad "no precis.h"
[ -n "$(find "$dest" -name summarize.1 | head -n 1)" ] && ok "man page installed" || bad "no summarize.1"

awk '/^```c$/ { on = 1; next } on && /^```/ { exit } on' "$src/README.md" >"$tmp/summary.c"
[ -s "$tmp/summary.c" ] && ok "README has a C example" || bad "no \`\`\`c block in README.md"

export PKG_CONFIG_PATH=$(dirname "${pc:-/nonexistent/x}")
export PKG_CONFIG_SYSROOT_DIR=$dest
libdir=$(dirname "$(find "$dest" -name 'libprecis.so' | head -n 1)")
article=$src/assets/examples/harbour-bridge.txt
expected=$("$build/summarize" "$article")

# shellcheck disable=SC2046
if $cc -o "$tmp/summary-shared" "$tmp/summary.c" $(pkg-config --cflags --libs libprecis) 2>"$tmp/cc.log"; then
  ok "links against the shared library"
  if ldd "$tmp/summary-shared" 2>/dev/null | grep -q "libprecis.so"; then
    ok "uses libprecis.so"
  else bad "the shared build does not load libprecis.so"; fi
  got=$(LD_LIBRARY_PATH=$libdir "$tmp/summary-shared" "$article" <"$article")
  [ "$got" = "$expected" ] && ok "shared example prints summarize's summary" ||
    bad "shared example printed: $got"
else
  cat "$tmp/cc.log"; bad "cc summary.c \$(pkg-config --cflags --libs libprecis)"
fi

# The --static form against the archive: libprecis.a itself (named by
# path, so the linker cannot take the .so) and the private libraries
# pkg-config --static adds. (A wholly static program needs an archive of
# every dependency; Debian ships none for HarfBuzz.)
archive=$(find "$dest" -name libprecis.a | head -n 1)
static_libs=$(pkg-config --libs --static libprecis | sed 's/-lprecis\b//')
# shellcheck disable=SC2086
if $cc -o "$tmp/summary-static" "$tmp/summary.c" $(pkg-config --cflags libprecis) \
  "$archive" $static_libs 2>"$tmp/cc.log"; then
  ok "links against the static library with pkg-config --static"
  if ldd "$tmp/summary-static" 2>/dev/null | grep -q "libprecis.so"; then
    bad "the static build loads libprecis.so"
  else ok "the static build does not load libprecis.so"; fi
  got=$("$tmp/summary-static" "$article" <"$article")
  [ "$got" = "$expected" ] && ok "static example prints summarize's summary" ||
    bad "static example printed: $got"
else
  cat "$tmp/cc.log"; bad "cc summary.c libprecis.a \$(pkg-config --libs --static libprecis)"
fi

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]

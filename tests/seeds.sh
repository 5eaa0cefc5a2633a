#!/usr/bin/env bash
# The two real scraped pages in ../shared/seeds through the CLI: metadata
# found, boilerplate gone, headlines parsed. Skipped (77) without ../shared.
# Usage: seeds.sh SUMMARIZE SHARED_DIR
set -u
bin=$1
seeds=$2/seeds
a=$seeds/000_3a55905023e01d13.txt
b=$seeds/002_6ce9df678f9c707c.txt
if [ ! -f "$a" ] || [ ! -f "$b" ]; then
  echo "skipped: seeds not found in $seeds"
  exit 77
fi
. "$(dirname "$0")/check.sh"
tells='read more|support now|your support|donation|paywall|journalism should|follow us|facebook|^- [0-9]|[0-9][0-9]:[0-9][0-9]'

# Seed 000: the date prefix and the donation appeal glued to it.
err=$("$bin" split -v "$a" 2>&1 >/dev/null)
check "seed 000 date" grep -q 'date 2025-11-04' <<<"$err"
check "seed 000 language" grep -q 'language english' <<<"$err"
body=$("$bin" split "$a")
check "seed 000 body has no appeal" bash -c "! grep -qiE '$tells' <<<\"\$1\"" _ "$body"
check "seed 000 body starts with the article" test "$(head -n1 <<<"$body" | cut -c1-30)" = "North Korean leader Kim Jong U"
summary=$("$bin" "$a")
check "seed 000 summary has 3 lines" test "$(wc -l <<<"$summary")" -eq 3
check "seed 000 summary has no boilerplate" bash -c "! grep -qiE '$tells' <<<\"\$1\"" _ "$summary"

# Seed 002: nine sidebar headlines glued to their times, a social prompt,
# then the title and the body.
heads=$("$bin" headlines "$b")
check "seed 002 has nine headlines" test "$(wc -l <<<"$heads")" -eq 9
check "seed 002 first headline" test "$(head -n1 <<<"$heads")" = $'12:20\tMorocco strengthens consular network with 22 strategic appointments'
check "seed 002 times are HH:MM" bash -c "! grep -vqE '^[0-2][0-9]:[0-5][0-9]	[^ ]' <<<\"\$1\"" _ "$heads"
body=$("$bin" split "$b")
check "seed 002 body has no sidebar or prompt" bash -c "! grep -qiE '$tells' <<<\"\$1\"" _ "$body"
check "seed 002 title is not body" bash -c "! grep -qx 'Trump open to dialogue with North Korea.s Kim Jong Un' <<<\"\$1\"" _ "$body"
check "seed 002 body starts with the article" test "$(head -n1 <<<"$body" | cut -c1-27)" = "The White House has confirm"
summary=$("$bin" "$b")
check "seed 002 summary has 3 lines" test "$(wc -l <<<"$summary")" -eq 3
while IFS= read -r line; do
  check "seed 002 summary line is body text" grep -qF -- "$line" <<<"$body"
done <<<"$summary"

echo "$passed passed, $failed failed"
test "$failed" -eq 0

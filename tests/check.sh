# check.sh: the pass/fail counting the shell tests share. Source it, then
# run `check NAME COMMAND...` for each check: COMMAND's exit status
# decides, a failure is named on stderr, and $passed and $failed count.
passed=0 failed=0
check() { # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name" >&2
  fi
}

#!/usr/bin/env bash
# Running code without a terminal: --run, -c, -, exit codes, transcripts,
# Ctrl-C, and no shell commands.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$here/../../.build/release/mlscript"
fixtures="$here/fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "run: $*"; status=1; }

# Runs the command, keeping stdout, stderr and the exit code.
run() {
  "$@" > "$tmp/out" 2> "$tmp/err"
  code=$?
}

expect_out() {
  local want
  want=$(printf '%b' "$1")
  [ "$(cat "$tmp/out")" = "$want" ] || fail "$2: stdout was '$(cat "$tmp/out")', not '$want'"
}

run "$bin" --run "$fixtures/small.mlscript"
[ "$code" -eq 0 ] || fail "small lesson exited $code: $(cat "$tmp/err")"
expect_out "42\nproduct: 42\n'mlscript'" "small lesson"
[ -s "$tmp/err" ] && fail "small lesson wrote to stderr: $(cat "$tmp/err")"

# Output that is not a terminal runs every cell even without --run.
run "$bin" "$fixtures/small.mlscript"
[ "$code" -eq 0 ] || fail "small lesson to a pipe exited $code"
expect_out "42\nproduct: 42\n'mlscript'" "small lesson to a pipe"

run "$bin" --run "$fixtures/fails.mlscript"
[ "$code" -eq 1 ] || fail "failing lesson exited $code, not 1"
expect_out "before" "failing lesson"
grep -q "ZeroDivisionError" "$tmp/err" || fail "no ZeroDivisionError on stderr: $(cat "$tmp/err")"
grep -q 'fails.mlscript", line 6, in cell \[2/3\] Divides by zero' "$tmp/err" ||
  fail "the traceback does not name the file line and cell: $(cat "$tmp/err")"
grep -q "never" "$tmp/out" && fail "a cell after the error ran"

run "$bin" -c 'print(2 ** 10)'
[ "$code" -eq 0 ] || fail "-c exited $code"
expect_out "1024" "-c"

run "$bin" -c '1 +'
[ "$code" -eq 1 ] || fail "-c with a syntax error exited $code, not 1"
grep -q "SyntaxError" "$tmp/err" || fail "no SyntaxError for '1 +'"

printf 'x = 5\nprint(x * 2)\n' | "$bin" - > "$tmp/out" 2> "$tmp/err"
[ $? -eq 0 ] || fail "- exited non-zero: $(cat "$tmp/err")"
expect_out "10" "code from stdin"

printf 'print(3)\n' | "$bin" > "$tmp/out" 2> "$tmp/err"
expect_out "3" "piped input without arguments"

# A transcript holds every cell's source and output.
run "$bin" --run --transcript "$tmp/t.md" "$fixtures/small.mlscript"
[ "$code" -eq 0 ] || fail "--transcript run exited $code"
for want in "## [2/4] Numbers" '```python' "a * b" "product: 42" "'mlscript'" "# A small lesson"; do
  grep -qF -- "$want" "$tmp/t.md" || fail "the transcript lacks '$want'"
done
ls "$tmp" | grep -q '\.tmp-' && fail "a temporary transcript file stayed behind"

run "$bin" --run --transcript "$tmp/f.md" "$fixtures/fails.mlscript"
grep -q "ZeroDivisionError" "$tmp/f.md" || fail "the transcript lacks the error"
grep -q "never" "$tmp/f.md" && fail "the transcript shows a cell that never ran"

# A shell command neither runs nor is accepted.
run "$bin" -c "!touch $tmp/shell-ran"
[ "$code" -eq 1 ] || fail "a shell command exited $code, not 1"
[ -e "$tmp/shell-ran" ] && fail "a shell command ran"

# Ctrl-C (SIGINT) interrupts running code: KeyboardInterrupt, exit 130.
timeout --preserve-status -s INT 2 "$bin" -c 'while True:
    pass' > "$tmp/out" 2> "$tmp/err"
code=$?
[ "$code" -eq 130 ] || fail "an interrupted loop exited $code, not 130"
grep -q "KeyboardInterrupt" "$tmp/err" || fail "no KeyboardInterrupt after Ctrl-C"

# Deep but limited recursion works; endless recursion is a RecursionError.
run "$bin" -c 'def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))'
expect_out "900" "recursion 900 deep"
run "$bin" -c 'def f(n):
    return f(n + 1)
f(0)'
[ "$code" -eq 1 ] || fail "endless recursion exited $code, not 1"
grep -q "RecursionError" "$tmp/err" || fail "no RecursionError for endless recursion"

exit "$status"

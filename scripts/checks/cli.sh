#!/usr/bin/env bash
# The command line's own contract: version, help, bad flags, bad files.
set -uo pipefail
bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.build/release/mlscript"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "cli: $*"; status=1; }

version=$("$bin" --version)
[[ "$version" =~ ^mlscript\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version printed '$version'"

"$bin" --help > "$tmp/help" 2> "$tmp/help.err"
code=$?
[ "$code" -eq 0 ] || fail "--help exited $code"
grep -q "^usage: mlscript" "$tmp/help" || fail "--help shows no usage line"
grep -q "mlscript --run lesson.mlscript" "$tmp/help" || fail "--help shows no example"
[ -s "$tmp/help.err" ] && fail "--help wrote to stderr"

"$bin" --no-such-flag > "$tmp/out" 2> "$tmp/err"
code=$?
[ "$code" -eq 2 ] || fail "an unknown flag exited $code, not 2"
[ -s "$tmp/out" ] && fail "an unknown flag wrote to stdout"
grep -q "unknown option '--no-such-flag'" "$tmp/err" || fail "no message for an unknown flag"
grep -q "mlscript --help" "$tmp/err" || fail "no usage hint for an unknown flag"
[ "$(wc -l < "$tmp/err")" -eq 2 ] || fail "an unknown flag should print two lines"

"$bin" --color=sometimes -c 'pass' > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] || fail "a bad --color value should exit 2"

"$bin" "$tmp/missing.mlscript" > "$tmp/out" 2> "$tmp/err"
code=$?
[ "$code" -eq 2 ] || fail "a missing file exited $code, not 2"
grep -q "cannot read $tmp/missing.mlscript" "$tmp/err" || fail "no clear message for a missing file"

"$bin" "$tmp" > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] || fail "a directory should exit 2"
grep -q "is a directory" "$tmp/err" || fail "no clear message for a directory"

if [ "$(id -u)" -ne 0 ]; then
  echo 'print(1)' > "$tmp/locked.mlscript"
  chmod 000 "$tmp/locked.mlscript"
  "$bin" "$tmp/locked.mlscript" > /dev/null 2> "$tmp/err"
  [ $? -eq 2 ] || fail "an unreadable file should exit 2"
fi

"$bin" --transcript "$tmp/no/such/dir/t.md" -c 'pass' > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] || fail "an unwritable transcript should exit 2"

# sys.argv as Python builds it, for a command and for a script.
argv=$("$bin" -c 'import sys; print(sys.argv)' one 2)
[ "$argv" = "['-c', 'one', '2']" ] || fail "-c gave sys.argv $argv"
echo 'import sys; print(sys.argv[1:])' > "$tmp/args.mlscript"
argv=$("$bin" --run "$tmp/args.mlscript" --epochs 3 < /dev/null)
[ "$argv" = "['--epochs', '3']" ] || fail "a script gave sys.argv[1:] $argv"

# A syntax error in a lesson names its cell, as a runtime error does.
printf '# %%%% Setup\nx = 1\n\n# %%%% Broken\nprint(x\n' > "$tmp/syntax.mlscript"
"$bin" --run "$tmp/syntax.mlscript" > /dev/null 2> "$tmp/err"
[ $? -eq 1 ] || fail "a lesson with a syntax error should exit 1"
grep -q 'syntax.mlscript", line 5, in cell \[2/2\] Broken' "$tmp/err" ||
  fail "a syntax error does not name its cell: $(head -c 200 "$tmp/err")"

# Output that cannot be written is an error, as in CPython: a full disk
# raises OSError at the print; a reader that went away, BrokenPipeError
# rather than death by SIGPIPE (status 141).
"$bin" -c 'print(1)' > /dev/full 2> "$tmp/err"
code=$?
[ "$code" -eq 1 ] || fail "print to a full disk exited $code, not 1"
grep -q '^OSError: \[Errno 28\] No space left on device$' "$tmp/err" ||
  fail "no OSError for a full disk: $(head -c 300 "$tmp/err")"
printf 'x = 3\nx\n' > "$tmp/shown.mlscript"
"$bin" --run "$tmp/shown.mlscript" > /dev/full 2> "$tmp/err"
code=$?
[ "$code" -eq 120 ] || fail "a shown value lost to a full disk exited $code, not 120"
grep -q 'cannot write standard output: OSError: \[Errno 28\]' "$tmp/err" ||
  fail "no message for a shown value lost to a full disk"
"$bin" -c 'for i in range(100000): print(i)' 2> "$tmp/err" | head -1 > "$tmp/out"
code=${PIPESTATUS[0]}
[ "$code" -eq 1 ] || fail "printing into a closed pipe exited $code, not 1"
[ "$(cat "$tmp/out")" = 0 ] || fail "the reader of a pipe got $(head -c 100 "$tmp/out")"
grep -q '^BrokenPipeError: \[Errno 32\] Broken pipe$' "$tmp/err" ||
  fail "no BrokenPipeError for a closed pipe: $(head -c 300 "$tmp/err")"

# A closed standard output is absent, as CPython takes it: prints vanish,
# and a file opened meanwhile does not take its descriptor.
"$bin" -c "import h5py
f = h5py.File('$tmp/closed.h5', 'w')
print('x' * 100)
f['d'] = [1, 2, 3]
f.close()" >&- 2> "$tmp/err"
code=$?
[ "$code" -eq 0 ] || fail "a closed standard output exited $code, not 0"
[ -s "$tmp/err" ] && fail "a closed standard output gave $(head -c 300 "$tmp/err")"
read=$("$bin" -c "import h5py; print(h5py.File('$tmp/closed.h5', 'r')['d'][:])")
[ "$read" = "[1 2 3]" ] || fail "an HDF5 file written with standard output closed read $read"

exit "$status"

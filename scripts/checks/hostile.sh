#!/usr/bin/env bash
# The worst inputs through the built command: each must end with exit
# code 1 and a located message on stderr, never death by a signal.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$root/.build/release/mlscript"
shared="$(cd "$root/../shared/data" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "hostile: $*"; status=1; }

# expect NAME CODE PATTERN: the last run's exit code and stderr.
expect() {
  local name=$1 want=$2 pattern=$3 code=$4
  if [ "$code" -gt 128 ] && [ "$want" -ne 130 ]; then
    fail "$name died by signal $((code - 128))"
  elif [ "$code" -ne "$want" ]; then
    fail "$name exited $code, not $want"
  elif ! grep -qE -- "$pattern" "$tmp/err"; then
    fail "$name: stderr lacks /$pattern/: $(head -c 300 "$tmp/err")"
  fi
}

# A file, then the same text through -c and through stdin.
check() {
  local name=$1 pattern=$2 text=$3
  printf '%s' "$text" > "$tmp/$name.py"
  "$bin" "$tmp/$name.py" > /dev/null 2> "$tmp/err"
  expect "$name (file)" 1 "$name\.py\", line [0-9]+" $?
  grep -qE -- "$pattern" "$tmp/err" || fail "$name (file): no /$pattern/"
  "$bin" -c "$text" > /dev/null 2> "$tmp/err"
  expect "$name (-c)" 1 "line [0-9]+" $?
  grep -qE -- "$pattern" "$tmp/err" || fail "$name (-c): no /$pattern/"
  "$bin" - < "$tmp/$name.py" > /dev/null 2> "$tmp/err"
  expect "$name (stdin)" 1 "line [0-9]+" $?
  grep -qE -- "$pattern" "$tmp/err" || fail "$name (stdin): no /$pattern/"
}

check recursion "RecursionError" $'def f(n):\n    return f(n + 1)\nf(0)\n'
check huge "MemoryError" $'import numpy as np\na = np.zeros((100000, 100000, 100000))\n'
check unclosed "SyntaxError" $'x = [1, 2,\nprint(x)\n'
check indent "IndentationError" $'if True:\n    x = 1\n  y = 2\n'
check shapes "ValueError" $'import numpy as np\nnp.ones((2, 3)) @ np.ones((2, 3))\n'
check bang "RuntimeError: shell commands" $'!ls\n'
check os "ModuleNotFoundError" $'import os\nos.system("ls")\n'
labels=$'import numpy as np\nfrom tensorflow import keras\n'
labels+=$'m = keras.Sequential([keras.Input((2,)),\n'
labels+=$'    keras.layers.Dense(3, activation="softmax")])\n'
labels+=$'m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")\n'
labels+=$'m.fit(np.ones((4, 2)), np.array([0, 1, 2, 7]), verbose=0)\n'
check labels "ValueError: Received a label value of 7" "$labels"
check brokenh5 "Error" "import h5py
h5py.File('$shared/h5/truncated.h5', 'r')['x'][:]
"
# Files crafted to crash and to hang libhdf5: the probe turns both into
# OSError, and the hang is cut off after the probe's time limit.
crafted="$root/Tests/RobustnessTests/HDF5Crafted"
check crashh5 "OSError: .*crashed" "import h5py
h5py.File('$crafted/crashes_libhdf5.h5', 'r')
"
check bigh5 "OSError: Unable to open file \\(memory allocation failed" "import h5py
h5py.File('$crafted/asks_36_gb.h5', 'r')
"
grep -q "infinite loop closing library" "$tmp/err" && fail "libhdf5 printed its shutdown loop"
check nesthex "SyntaxError|RecursionError" "x = $(printf '[%.0s' $(seq 10000))"

# A 100,000-character line that does not parse.
python_line=$(printf 'x = 1'; printf ' + 1%.0s' $(seq 25000); printf ' +\n')
printf '%s' "$python_line" > "$tmp/long.py"
"$bin" "$tmp/long.py" > /dev/null 2> "$tmp/err"
expect "long line" 1 "SyntaxError" $?

# Bytes that are not UTF-8, in a file and through stdin, and inside a
# string literal: the whole file is rejected before anything runs.
printf 'x = 1\n\xff\xfe\x80 = 2\n' > "$tmp/bytes.py"
"$bin" "$tmp/bytes.py" > /dev/null 2> "$tmp/err"
expect "non-UTF-8 file" 1 "line 2" $?
"$bin" - < "$tmp/bytes.py" > /dev/null 2> "$tmp/err"
expect "non-UTF-8 stdin" 1 "line 2" $?
printf 'print("ran")\ns = "caf\xe9"\n' > "$tmp/latin1.py"
"$bin" "$tmp/latin1.py" > "$tmp/out" 2> "$tmp/err"
expect "non-UTF-8 string" 1 "can't decode byte 0xe9" $?
grep -q ran "$tmp/out" && fail "a file that is not UTF-8 ran its first line"

# A loop that never ends, interrupted: exit 130 and KeyboardInterrupt.
printf 'i = 0\nwhile True:\n    i += 1\n' > "$tmp/loop.py"
"$bin" "$tmp/loop.py" > /dev/null 2> "$tmp/err" &
pid=$!
sleep 2
kill -INT "$pid"
wait "$pid"
expect "interrupted loop" 130 "KeyboardInterrupt" $?

exit "$status"

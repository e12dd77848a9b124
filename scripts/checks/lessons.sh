#!/usr/bin/env bash
# Runs each lesson without colour, at 80 columns and with a fixed seed, and
# compares what it prints with the checked-in transcript. Only timings are
# masked; everything else must match to the byte.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$root/.build/release/mlscript"
expected_dir="$root/Tests/Lessons"

# Replaces what legitimately varies from run to run: the times in the
# progress bars (and the padding Keras adds after them, which depends on
# how wide the previous time was) and the seconds per epoch in the pooling
# lesson's table.
mask() {
  sed -E \
    -e 's/ [0-9]+(\.[0-9]+)?(s|ms|us)\/step/ <t>\/step/g' \
    -e 's/━ [0-9]+(m|s|ms|us)[0-9]*s? /━ <t> /g' \
    -e 's/━ [0-9]+s /━ <t> /g' \
    -e '/\/step/s/ +$//' \
    -e 's/^((no )?pool, dropout [0-9.]+ +[0-9,]+) +[0-9]+\.[0-9]+/\1 <t>/'
}

# OpenBLAS picks its kernels by processor, and AVX-512 kernels round
# differently from AVX2 ones; over a lesson's training that changes the
# printed accuracies. Every AVX2 machine runs the Haswell kernels alike
# (the transcripts were made with them); a machine without AVX2 would
# fault in them, and keeps its own.
if grep -qw avx2 /proc/cpuinfo 2> /dev/null; then
  export OPENBLAS_CORETYPE=Haswell
fi

status=0
for lesson in "$root"/lessons/*.mlscript; do
  name=$(basename "$lesson" .mlscript)
  expected="$expected_dir/$name.expected.txt"
  [ -f "$expected" ] || continue
  actual=$(mktemp)
  if ! (cd "$root/lessons" && NO_COLOR=1 COLUMNS=80 MLSCRIPT_SEED=7 \
    "$bin" --run "$lesson" 2>&1) | mask > "$actual"; then
    echo "$name: mlscript exited with an error"
    status=1
  fi
  if ! diff -u <(mask < "$expected") "$actual" > "$actual.diff"; then
    echo "$name: output differs from $expected:"
    head -60 "$actual.diff"
    status=1
  fi
  rm -f "$actual" "$actual.diff"
done
exit "$status"

#!/usr/bin/env bash
# Writes the expected output of each conformance program that has none,
# by running it under CPython 3.11 (for authors; the tests never run this).
cd "$(dirname "$0")/Conformance" || exit 1
for program in *.py; do
  expected="${program%.py}.out"
  [ -f "$expected" ] && [ "$1" != "--all" ] && continue
  grep -q '^# expected output written by hand' "$program" && continue
  python3 "$program" 2>&1 | sed "s|$(pwd)/||g" > "$expected"
done

#!/usr/bin/env bash
# Smoke run of the benchmark: every workload must run and report a figure.
# It checks that the table is complete, not how fast anything is.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

table=$("$root/scripts/bench" --quick 2>&1) || {
  echo "scripts/bench --quick failed:"
  echo "$table"
  exit 1
}
missing=$(printf '%s\n' "$table" | awk 'found && substr($0, 38, 10) ~ /^ *-$/ { print } /^---/ { found = 1 }')
if [ -n "$missing" ]; then
  echo "scripts/bench --quick reported no figure for:"
  echo "$missing"
  echo "$table"
  exit 1
fi

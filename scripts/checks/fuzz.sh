#!/usr/bin/env bash
# Each fuzz target for a short while (MLSCRIPT_FUZZ_SECONDS, 60 by
# default; 0 skips): source text, generated programs, mutated HDF5 files.
# A crash, a leak of a signal or a timeout is a failure; the finding is
# left in .build/fuzz/findings/TARGET for scripts/fuzz to replay.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
seconds=${MLSCRIPT_FUZZ_SECONDS:-60}
[ "$seconds" -gt 0 ] || { echo "fuzz: skipped (MLSCRIPT_FUZZ_SECONDS=0)"; exit 0; }
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in parse eval hdf5; do
  if scripts/fuzz "$target" "$seconds" > "$log" 2>&1; then
    runs=$(grep -o "stat::number_of_executed_units: [0-9]*" "$log" | grep -o "[0-9]*$")
    edges=$(grep -oE "cov: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+")
    echo "fuzz $target: ${seconds}s, ${runs:-?} executions, ${edges:-?} edges, no finding"
  else
    echo "fuzz $target: FAILED; the end of its log:"
    tail -40 "$log"
    status=1
  fi
done
exit "$status"

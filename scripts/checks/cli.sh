#!/usr/bin/env bash
# The command line's own contract: version, help, bad flags.
set -euo pipefail
bin="$(dirname "${BASH_SOURCE[0]}")/../../.build/release/mlscript"

version=$("$bin" --version)
[[ "$version" =~ ^mlscript\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || {
  echo "unexpected --version output: $version"
  exit 1
}

#!/usr/bin/env bash
# Sets up a fresh machine (Debian packages), builds the release preset and runs the whole test
# suite with ctest. This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release

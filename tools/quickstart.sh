#!/usr/bin/env bash
# Sets up a fresh machine (Debian packages), builds the release preset and runs the main job on
# the shipped default scenario. This is the README's first command.
#   tools/quickstart.sh [SCENARIO.yaml]     (default: scenarios/asean-baseline.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-scenarios/asean-baseline.yaml}"
tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
build/release/tools/mdasim validate "$scenario"

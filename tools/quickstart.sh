#!/usr/bin/env bash
# Sets up a fresh machine (Debian packages), builds the release preset and runs the main job on
# the shipped default scenario: the SAR simulation over the scenario's replications, printing
# the summary and writing the results file and JSON summary under build/results/. This is the
# README's first command.
#   tools/quickstart.sh [SCENARIO.yaml]     (default: scenarios/asean-baseline.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:-scenarios/asean-baseline.yaml}"
tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
name="$(basename "$scenario" .yaml)"
mkdir -p build/results
build/release/tools/mdasim run "$scenario" -o "build/results/$name.h5" --json "build/results/$name.json"

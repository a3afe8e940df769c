#!/usr/bin/env bash
# Regenerates docs/validation.md (and its plots under docs/images/) from the validation cases of
# tests/validation/: builds the release preset, then runs every case and writes the report.
# Exit status 1 if a case fails (the report then says which).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target mdasim_validation_report
build/release/tests/validation/mdasim_validation_report docs

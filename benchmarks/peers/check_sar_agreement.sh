#!/usr/bin/env bash
# The "same model" test (ctest label peers): exports a few replications of a SAR scenario with
# mdasim's incidents and records (peer_export), replays them in the SimPy model
# (sar_simpy.py --check) and fails unless every incident's outcome agrees. No timing is asserted.
# Usage: check_sar_agreement.sh PEER_EXPORT SCENARIO REPLICATIONS [--geodesics]
# (--geodesics: SimPy solves the distances itself, with python3-geographiclib.)
# Exit 77 (skipped) when /usr/bin/python3 has no SimPy, or no geographiclib for --geodesics
# (tools/install-deps.sh installs both).
set -euo pipefail
[ $# -eq 3 ] || { [ $# -eq 4 ] && [ "$4" = --geodesics ]; } ||
  { echo "usage: $0 PEER_EXPORT SCENARIO REPLICATIONS [--geodesics]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
export PYTHONDONTWRITEBYTECODE=1  # keep __pycache__ out of the source tree
if ! /usr/bin/python3 -c 'import SimPy.Simulation' 2>/dev/null; then
  echo "skipped: /usr/bin/python3 has no SimPy (package python3-simpy)" >&2
  exit 77
fi
if [ $# -eq 4 ] && ! /usr/bin/python3 -c 'import geographiclib.geodesic' 2>/dev/null; then
  echo "skipped: /usr/bin/python3 has no geographiclib (package python3-geographiclib)" >&2
  exit 77
fi
export_json=$(mktemp)
trap 'rm -f "$export_json"' EXIT
"$1" "$2" --replications "$3" -o "$export_json"
/usr/bin/python3 "$here/sar_simpy.py" "$export_json" --check ${4:+"$4"}

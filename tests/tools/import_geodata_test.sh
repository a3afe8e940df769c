#!/usr/bin/env bash
# The committed regional geodata is exactly what tools/import-geodata.py makes from the raw
# datasets: regenerate into a temporary folder and compare byte for byte. Skipped (exit 77)
# where the raw datasets are not beside the repository. Also checks that bad input exits 2.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
source_dir="$repo/../shared/data"
if [ ! -f "$source_dir/marnet/marnet_densified.json" ]; then
  echo "raw datasets not found beside the repository: skipped"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/python3 "$repo/tools/import-geodata.py" --source "$source_dir" --out "$out" >/dev/null
for f in land-10m.geojson countries-50m.geojson marnet-lanes.geojson; do
  cmp "$out/$f" "$repo/scenarios/data/$f"
done
status=0
/usr/bin/python3 "$repo/tools/import-geodata.py" --source "$out/nothing-here" --out "$out/x" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "expected exit status 2 for a missing source, got $status"; exit 1; }
echo "regenerated geodata is identical to scenarios/data"

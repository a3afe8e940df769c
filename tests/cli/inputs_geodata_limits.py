#!/usr/bin/python3
"""Geodata over mdasim's limits is refused before the expensive work, with the file (and the
feature, at its line:col) named: a land file over 64 MiB by its size, before it is read (an
83 MB sparse file, so the test uses no disk), and a polygon of 2 million positions at its
millionth position.

Usage: inputs_geodata_limits.py MDASIM DATA WORKDIR
"""

import os
import sys

from inputs_checks import expect, finish, run, small_sar_in


def main():
    mdasim, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
    scenario = small_sar_in(data, work, ["lanes.geojson"]).decode()

    def with_land(name, land):
        path = os.path.join(work, name)
        with open(path, "w") as f:
            f.write(scenario.replace("land: land.geojson", f"land: {land}"))
        return path

    big = os.path.join(work, "big-land.geojson")
    with open(big, "wb") as f:
        f.truncate(83_000_000)
    r = run([mdasim, "validate", with_land("big.yaml", "big-land.geojson")])
    expect(r, 2, f"{big}: error: cannot read GeoJSON file: it is 83000000 bytes (79.2 MiB); a GeoJSON file may be at most "
                 "67108864 bytes (64 MiB)", "an 83 MB land file")

    many = os.path.join(work, "many-land.geojson")
    with open(many, "w") as f:
        f.write('{"type": "FeatureCollection", "features": [\n{"type": "Feature", "geometry": null},\n'
                '{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[')
        f.write("[100.1,2.1]," * 2_000_000)
        f.write("[100.1,2.1]]]}}]}\n")
    r = run([mdasim, "validate", with_land("many.yaml", "many-land.geojson")])
    expect(r, 2, f"{many}:3:1: error: feature 2: more than 1,000,000 positions; a feature may have at most that many",
           "a polygon of 2 million positions")
    finish()


if __name__ == "__main__":
    main()

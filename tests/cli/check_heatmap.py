#!/usr/bin/python3
"""End-to-end check of `mdasim heatmap` on a small SAR scenario, with the standard library only.

Usage: check_heatmap.py MDASIM SCENARIO WORKDIR

Runs `mdasim run SCENARIO -o WORKDIR/small.h5`, then `mdasim heatmap ... --layer
expected_response_h -o WORKDIR/x.png --width 800`, and checks the PNG: its header says 800 px wide
and the height of the documented layout (engine/render/heatmap.hpp), and, decoded with zlib
(IHDR/IDAT, scanlines unfiltered), pixels at the centres of land cells of
tests/data/valid/sar/land.geojson (west coast lon 99.0-100.5, east coast 103.5-105) have the land
colour, and pixels at the centres of sea cells do not.

It then moves the scenario and its geodata out of reach (a copy run from WORKDIR, then deleted)
and checks that the heatmap still draws, with a warning, land from the cells with no value.

Last, it runs small-patrol.yaml (beside SCENARIO: small-sar with a barrier patrol down lon 101.55
from lat 0.5 to 3.5) and checks that the barrier is drawn as a dashed dark line, which the
small-sar map does not have, and labelled; and that `--range 0,0.001` colours the patrol's cells
(fractions of about 0.001) far brighter than the fixed 0..1 range does, while cells the patrol
never covers keep the bottom colour.
"""

import math
import os
import shutil
import struct
import subprocess
import sys
import zlib

LAND_RGB = (218, 218, 214)  # kLandRgb in engine/render/heatmap.hpp
TOLERANCE = 3               # per channel

# The small-sar scenario's grid: lon 100..104, lat 0..4, cells of 0.1 degree.
LON_WEST, LON_EAST, LAT_SOUTH, LAT_NORTH = 100.0, 104.0, 0.0, 4.0
# Cell centres on land (away from the bases at lat 2.0-2.1 and their labels) and at sea (away
# from the lane from (100.6, 1.0) to (103.4, 3.0)).
LAND_CELLS = [(100.15, 0.55), (100.35, 1.25), (100.25, 3.35), (103.65, 0.45), (103.85, 1.15), (103.75, 3.55)]
SEA_CELLS = [(101.05, 3.25), (102.95, 0.65), (101.95, 0.35), (102.55, 3.55), (100.85, 2.95)]

failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)


def simulate(mdasim, scenario, results, replications, what):
    """`mdasim run SCENARIO -o RESULTS`; whether it exited 0."""
    r = run([mdasim, "run", scenario, "--replications", str(replications), "-o", results])
    check(r.returncode == 0, f"mdasim run {what} exits 0 ({r.returncode}): {r.stderr.strip()}")
    return r.returncode == 0


def layout(width):
    """The documented layout of heatmap.hpp: (height, map_x, map_y, map_w, map_h)."""
    u = max(10.0, width / 100.0)
    left, right = math.ceil(4 * u), math.ceil(11 * u)
    top, bottom = math.ceil(5 * u), math.ceil(4.5 * u)
    map_w = width - left - right
    mid = math.radians((LAT_SOUTH + LAT_NORTH) / 2)
    aspect = (LAT_NORTH - LAT_SOUTH) / ((LON_EAST - LON_WEST) * math.cos(mid))
    map_h = math.floor(map_w * aspect + 0.5)
    return top + map_h + bottom, left, top, map_w, map_h


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            raise ValueError(f"bad CRC in chunk {kind!r}")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
            elif kind != 0:
                raise ValueError(f"bad filter type {kind} on row {y}")
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def pixel_at(rows, width, lon, lat):
    _, map_x, map_y, map_w, map_h = layout(width)
    x = map_x + (lon - LON_WEST) / (LON_EAST - LON_WEST) * map_w
    y = map_y + (LAT_NORTH - lat) / (LAT_NORTH - LAT_SOUTH) * map_h
    return rows[int(y)][int(x)]


def is_land(rgb):
    return all(abs(a - b) <= TOLERANCE for a, b in zip(rgb, LAND_RGB))


# The barrier of small-patrol.yaml, and where to look for it: away from its label at lat 0.5.
BARRIER_LON = 101.55
BARRIER_LATS = [0.8 + 0.01 * i for i in range(241)]  # 0.8 .. 3.2


def is_ink(rgb):
    """Dark grey, as drawn routes and text are; no viridis colour is (the darkest is purple)."""
    return max(rgb) < 80 and max(rgb) - min(rgb) <= 20


def inked_rows(png, lon, lats):
    """How many of the rows at `lats` have ink within 3 px of the meridian `lon`."""
    width, _, rows = read_png(png)
    _, map_x, map_y, map_w, map_h = layout(width)
    x = int(map_x + (lon - LON_WEST) / (LON_EAST - LON_WEST) * map_w)
    count = 0
    for lat in lats:
        y = int(map_y + (LAT_NORTH - lat) / (LAT_NORTH - LAT_SOUTH) * map_h)
        count += any(is_ink(rows[y][x + dx]) for dx in range(-3, 4))
    return count


def brightness(png, lon, lat):
    width, _, rows = read_png(png)
    return sum(pixel_at(rows, width, lon, lat))


def check_patrol(mdasim, scenario, workdir):
    """The patrol route on the map, and the colours under --range, on a run of small-patrol.yaml."""
    patrol_scenario = os.path.join(os.path.dirname(os.path.abspath(scenario)), "small-patrol.yaml")
    results = os.path.join(workdir, "patrol.h5")
    if not simulate(mdasim, patrol_scenario, results, 2, "on small-patrol"):
        return
    draw = {}
    for name, source in (("sar", os.path.join(workdir, "small.h5")), ("patrol", results)):
        png = os.path.join(workdir, f"route-{name}.png")
        r = run([mdasim, "heatmap", source, "--layer", "radar_covered_fraction", "-o", png, "--width", "800"])
        check(r.returncode == 0, f"heatmap of the {name} run exits 0 ({r.returncode}): {r.stderr.strip()}")
        draw[name] = (png, r.stdout)
    if not all(os.path.exists(png) for png, _ in draw.values()):
        return
    check("Labelled 1 of 1 patrol routes\n" in draw["patrol"][1], f"the barrier is labelled: {draw['patrol'][1]!r}")
    n = len(BARRIER_LATS)
    without = inked_rows(draw["sar"][0], BARRIER_LON, BARRIER_LATS)
    inked = inked_rows(draw["patrol"][0], BARRIER_LON, BARRIER_LATS)
    check(without <= 2, f"no dark line down lon {BARRIER_LON} without a patrol ({without} of {n} rows)")
    check(0.3 * n <= inked <= 0.9 * n, f"a dashed dark line down the barrier ({inked} of {n} rows have ink)")

    fixed = os.path.join(workdir, "patrol-fixed.png")
    ranged = os.path.join(workdir, "patrol-range.png")
    for png, extra in ((fixed, []), (ranged, ["--range", "0,0.001"])):
        r = run([mdasim, "heatmap", results, "--layer", "patrol_covered_fraction", "-o", png, "--width", "800"] + extra)
        check(r.returncode == 0, f"heatmap of patrol_covered_fraction {' '.join(extra)} exits 0 ({r.returncode})")
    if not (os.path.exists(fixed) and os.path.exists(ranged)):
        return
    check("range 0 to 0.001 (set by --range)" in r.stdout, f"the message gives the range: {r.stdout!r}")
    # Beside the line (0.03 degree west of the cells' centres), on the barrier's cells.
    for lat in (1.55, 2.45):
        a, b = brightness(fixed, BARRIER_LON - 0.03, lat), brightness(ranged, BARRIER_LON - 0.03, lat)
        check(b >= a + 150, f"barrier cell at lat {lat}: brighter under --range ({a} -> {b})")
    for lon, lat in SEA_CELLS:
        a, b = brightness(fixed, lon, lat), brightness(ranged, lon, lat)
        check(abs(a - b) <= 3, f"uncovered cell ({lon}, {lat}): the bottom colour either way ({a}, {b})")


def check_land_and_sea(png, what):
    width, height, rows = read_png(png)
    for lon, lat in LAND_CELLS:
        rgb = pixel_at(rows, width, lon, lat)
        check(is_land(rgb), f"{what}: land cell ({lon}, {lat}) has the land colour (got {rgb})")
    for lon, lat in SEA_CELLS:
        rgb = pixel_at(rows, width, lon, lat)
        check(not is_land(rgb), f"{what}: sea cell ({lon}, {lat}) is not land-coloured (got {rgb})")
    # Labels and titles put ink on the image: dark pixels in the title band above the map.
    _, _, map_y, _, _ = layout(width)
    dark = sum(1 for y in range(map_y) for p in rows[y] if max(p) < 80)
    check(dark > 200, f"{what}: the title band has ink ({dark} dark pixels)")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, scenario, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)

    results = os.path.join(workdir, "small.h5")
    if not simulate(mdasim, scenario, results, 2, "on small-sar"):
        return 1

    png = os.path.join(workdir, "x.png")
    r = run([mdasim, "heatmap", results, "--layer", "expected_response_h", "-o", png, "--width", "800"])
    check(r.returncode == 0, f"mdasim heatmap exits 0 ({r.returncode}): {r.stderr.strip()}")
    check(r.stderr == "", f"no warnings with the scenario in place: {r.stderr.strip()!r}")
    if r.returncode != 0:
        return 1
    with open(png, "rb") as f:
        head = f.read(24)
    width, height = struct.unpack(">II", head[16:24])
    expected_height = layout(800)[0]
    check(head[12:16] == b"IHDR" and width == 800, f"the PNG is 800 px wide (IHDR says {width})")
    check(height == expected_height, f"the PNG is {expected_height} px high, as documented (IHDR says {height})")
    check(f"({width} x {height} px)" in r.stdout, "the command reports the size it wrote")
    check(not [n for n in os.listdir(workdir) if ".tmp-" in n], "no temporary file is left")
    check_land_and_sea(png, "with geodata")

    # The scenario and its geodata gone: a copy is run, then deleted.
    copy = os.path.join(workdir, "gone")
    os.makedirs(copy)
    source = os.path.dirname(os.path.abspath(scenario))
    for name in ("small-sar.yaml", "land.geojson", "lanes.geojson"):
        shutil.copy(os.path.join(source, name), copy)
    moved = os.path.join(workdir, "moved.h5")
    simulate(mdasim, os.path.join(copy, "small-sar.yaml"), moved, 1, "on the copy")
    shutil.rmtree(copy)
    png2 = os.path.join(workdir, "gone.png")
    r = run([mdasim, "heatmap", moved, "--layer", "expected_response_h", "-o", png2, "--width", "800"])
    check(r.returncode == 0, f"without the scenario and geodata, heatmap still exits 0 ({r.returncode})")
    check("is not found (looked for " in r.stderr and "); using the copy of its text" in r.stderr,
          f"it says the scenario file is not found and where it looked: {r.stderr.strip()!r}")
    check("land is drawn from the map's NaN cells" in r.stderr, "it says land is drawn from the NaN cells")
    if r.returncode == 0:
        check_land_and_sea(png2, "without geodata")

    check_patrol(mdasim, scenario, workdir)

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

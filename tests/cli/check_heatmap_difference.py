#!/usr/bin/python3
"""End-to-end check of `mdasim heatmap --variant OPT --minus BASE` on a comparison file.

Usage: check_heatmap_difference.py MDASIM COMPARISON.h5 WORKDIR

COMPARISON.h5 is made by make_comparison.py: variant `opt` is `baseline` with 0.5 h added to
expected_response_h in every cell with a value, and names the option north-air.yaml (an extra
airfield, North Air, at 100.3E 3.3N on the west coast).

Checks, with gdalinfo and gdallocationinfo (Debian's gdal-bin) for the GeoTIFF and the PNG
decoder of check_heatmap.py for the pictures:
- the GeoTIFF of opt minus baseline holds 0.5 in every cell with a value (its minimum and
  maximum, and the sea cells sampled), NaN over land; baseline minus opt holds -0.5;
- with --range -1,1 a sea cell (+0.5) has the colour of RdBu reversed at 0.75, computed here
  from ColorBrewer's published RdBu; with the automatic range (symmetric, +/-0.5) it has the
  top colour, dark red; a layer the option leaves alone (all differences 0, so -1..1) has the
  neutral centre colour #f7f7f7;
- the option's airfield is drawn (a white symbol) on opt's maps and not on the baseline's.
"""

import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_heatmap import LAND_CELLS, SEA_CELLS, check, failures, is_land, pixel_at, read_png, run  # noqa: E402

TOLERANCE = 3  # per channel

# ColorBrewer's 11-class RdBu (colorbrewer2.org), dark red to dark blue, at 0, 0.1, ..., 1.
RDBU = ["67001f", "b2182b", "d6604d", "f4a582", "fddbc7", "f7f7f7", "d1e5f0", "92c5de", "4393c3", "2166ac",
        "053061"]
NORTH_AIR = (100.3, 3.3)


def rdbu_r(t):
    """The colour difference maps give position t of the range: RdBu reversed, as a 256-entry
    table sampled at its nearest entry, each entry interpolated between the published colours."""
    entry = 255 - int(t * 255 + 0.5)  # reversed
    u = entry / 255 * 10
    k = min(int(u), 9)
    f = u - k
    a, b = (tuple(int(h[i:i + 2], 16) for i in (0, 2, 4)) for h in (RDBU[k], RDBU[k + 1]))
    return tuple(round(x + (y - x) * f) for x, y in zip(a, b))


def near(rgb, want):
    return all(abs(a - b) <= TOLERANCE for a, b in zip(rgb, want))


def heatmap(mdasim, comparison, args, output):
    r = run([mdasim, "heatmap", comparison] + args + ["-o", output])
    check(r.returncode == 0, f"heatmap {' '.join(args)} exits 0 ({r.returncode}): {r.stderr.strip()}")
    return r.returncode == 0


def check_geotiff(mdasim, comparison, workdir):
    gdalinfo, locationinfo = shutil.which("gdalinfo"), shutil.which("gdallocationinfo")
    check(gdalinfo is not None and locationinfo is not None, "gdalinfo and gdallocationinfo are installed (gdal-bin)")
    if gdalinfo is None or locationinfo is None:
        return
    for variant, minus, want in (("opt", "baseline", 0.5), ("baseline", "opt", -0.5)):
        tif = os.path.join(workdir, f"{variant}-minus-{minus}.tif")
        if not heatmap(mdasim, comparison, ["--layer", "expected_response_h", "--variant", variant, "--minus", minus],
                       tif):
            continue
        info = json.loads(run([gdalinfo, "-json", "-mm", tif]).stdout)
        band = info["bands"][0]
        low, high = band.get("computedMin"), band.get("computedMax")
        check(abs(low - want) < 1e-4 and abs(high - want) < 1e-4,
              f"{variant} minus {minus}: every value is {want} (min {low}, max {high})")
        check(band.get("description", "").endswith(f": {variant} minus {minus}"),
              f"the band says what it holds: {band.get('description')!r}")
        check(band.get("unit") == "h", f"the band's unit is the layer's: {band.get('unit')!r}")
        for cells, sea in ((SEA_CELLS, True), (LAND_CELLS, False)):
            for lon, lat in cells:
                text = run([locationinfo, "-valonly", "-wgs84", tif, str(lon), str(lat)]).stdout.strip()
                if sea:
                    check(text not in ("", "nan") and abs(float(text) - want) < 1e-4,
                          f"{variant} minus {minus}: sea cell ({lon}, {lat}) holds {want} ({text})")
                else:
                    check(text.lower() == "nan", f"{variant} minus {minus}: land cell ({lon}, {lat}) is NaN ({text})")


def sea_colours(png):
    width, _, rows = read_png(png)
    return [pixel_at(rows, width, lon, lat) for lon, lat in SEA_CELLS]


def check_png(mdasim, comparison, workdir):
    diff = ["--variant", "opt", "--minus", "baseline", "--width", "800"]
    cases = (
        ("ranged", ["--layer", "expected_response_h", "--range", "-1,1"], rdbu_r(0.75), "+0.5 of -1..1: RdBu_r at 0.75"),
        ("automatic", ["--layer", "expected_response_h"], rdbu_r(1.0), "+0.5 of -0.5..0.5: the top colour"),
        ("unchanged", ["--layer", "radar_covered_fraction"], rdbu_r(0.5), "0 of -1..1: the neutral centre"),
    )
    for name, args, want, what in cases:
        png = os.path.join(workdir, f"{name}.png")
        if not heatmap(mdasim, comparison, args + diff, png):
            continue
        for (lon, lat), rgb in zip(SEA_CELLS, sea_colours(png)):
            check(near(rgb, want), f"{name}: sea cell ({lon}, {lat}) is {what} {want} (got {rgb})")
        width, _, rows = read_png(png)
        for lon, lat in LAND_CELLS[:3]:
            rgb = pixel_at(rows, width, lon, lat)
            check(is_land(rgb), f"{name}: land cell ({lon}, {lat}) has the land colour (got {rgb})")
        if name == "ranged":
            rgb = pixel_at(rows, width, *NORTH_AIR)
            check(min(rgb) >= 245, f"the option's airfield North Air is drawn on opt minus baseline (got {rgb})")
    check(near(rdbu_r(0.5), (247, 247, 247)), f"the centre of RdBu is #f7f7f7 ({rdbu_r(0.5)})")

    for variant, drawn in (("opt", True), ("baseline", False)):
        png = os.path.join(workdir, f"variant-{variant}.png")
        if not heatmap(mdasim, comparison, ["--layer", "expected_response_h", "--variant", variant, "--width", "800"],
                       png):
            continue
        width, _, rows = read_png(png)
        rgb = pixel_at(rows, width, *NORTH_AIR)
        check((min(rgb) >= 245) == drawn and (drawn or is_land(rgb)),
              f"North Air is {'drawn' if drawn else 'not drawn'} on variant {variant}'s map (got {rgb})")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, comparison, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    check_geotiff(mdasim, comparison, workdir)
    check_png(mdasim, comparison, workdir)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

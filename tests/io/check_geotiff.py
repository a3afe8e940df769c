#!/usr/bin/python3
"""Inspects a sample GeoTIFF with `gdalinfo -json`, the way a GIS user's tools see it.

Usage: check_geotiff.py WRITER WORKDIR

WRITER is the mdasim_geotiff_sample program (tests/unit/io/geotiff_sample.cpp); it writes
WORKDIR/sample.tif: 4 columns x 3 rows of 0.5 degrees from (100E, 0N), values 10 * row + col with
row 0 southernmost, NaN at row 1, col 2. Needs gdalinfo (Debian's gdal-bin); without it the check
exits 77, which ctest reports as skipped.
"""

import json
import math
import os
import shutil
import subprocess
import sys

SKIP = 77

gdalinfo = shutil.which("gdalinfo")
if gdalinfo is None:
    print("SKIP: gdalinfo not found (install gdal-bin)")
    sys.exit(SKIP)

writer, workdir = sys.argv[1], sys.argv[2]
shutil.rmtree(workdir, ignore_errors=True)
os.makedirs(workdir)
path = os.path.join(workdir, "sample.tif")
subprocess.run([writer, path], check=True)

# -stats would write a .aux.xml sidecar; -mm computes min/max without one.
run = subprocess.run([gdalinfo, "-json", "-mm", path], check=True, capture_output=True, text=True)
if run.stderr.strip():
    print(f"gdalinfo printed warnings:\n{run.stderr}")
    sys.exit(1)
info = json.loads(run.stdout)

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def close(a, b):
    return abs(a - b) < 1e-9


def nan_like(value):
    # gdalinfo's JSON spells NaN as the string "nan" (or NaN, read by Python as float('nan')).
    if isinstance(value, str):
        return value.lower() == "nan"
    return isinstance(value, float) and math.isnan(value)


lon_min, lat_min, cell, cols, rows = 100.0, 0.0, 0.5, 4, 3
lon_max, lat_max = lon_min + cols * cell, lat_min + rows * cell

check(info.get("driverShortName") == "GTiff", f"driver {info.get('driverShortName')}")
check(info.get("size") == [cols, rows], f"size {info.get('size')}")
gt = info.get("geoTransform", [])
check(len(gt) == 6 and all(close(a, b) for a, b in zip(gt, [lon_min, cell, 0.0, lat_max, 0.0, -cell])),
      f"geoTransform {gt}")

corners = info.get("cornerCoordinates", {})
print("cornerCoordinates:", json.dumps(corners))
for name, want in (("upperLeft", [lon_min, lat_max]), ("lowerLeft", [lon_min, lat_min]),
                   ("upperRight", [lon_max, lat_max]), ("lowerRight", [lon_max, lat_min]),
                   ("center", [(lon_min + lon_max) / 2, (lat_min + lat_max) / 2])):
    got = corners.get(name)
    check(got is not None and len(got) == 2 and close(got[0], want[0]) and close(got[1], want[1]),
          f"cornerCoordinates.{name} {got}, want {want}")

# wgs84Extent is in longitude/latitude order (GeoJSON): the same box.
extent = info.get("wgs84Extent", {}).get("coordinates", [[]])[0]
lons = [p[0] for p in extent]
lats = [p[1] for p in extent]
check(extent and close(min(lons), lon_min) and close(max(lons), lon_max) and close(min(lats), lat_min)
      and close(max(lats), lat_max), f"wgs84Extent {extent}")

crs = info.get("coordinateSystem", {})
wkt = crs.get("wkt", "")
check('ID["EPSG",4326]' in wkt.replace(" ", ""), f"coordinateSystem without EPSG 4326: {wkt[-120:]}")
check(crs.get("dataAxisToSRSAxisMapping") == [2, 1],
      f"dataAxisToSRSAxisMapping {crs.get('dataAxisToSRSAxisMapping')} (want longitude first)")

check(info.get("metadata", {}).get("IMAGE_STRUCTURE", {}).get("COMPRESSION") == "DEFLATE",
      f"compression {info.get('metadata', {}).get('IMAGE_STRUCTURE')}")

bands = info.get("bands", [])
check(len(bands) == 1, f"{len(bands)} bands")
if bands:
    band = bands[0]
    check(band.get("type") == "Float32", f"band type {band.get('type')}")
    check(nan_like(band.get("noDataValue")), f"noDataValue {band.get('noDataValue')!r}")
    check(band.get("description") == "sample response time", f"description {band.get('description')!r}")
    check(band.get("unit") == "h", f"unit {band.get('unit')!r}")
    meta = band.get("metadata", {}).get("", {})
    check(meta.get("units") == "h" and meta.get("long_name") == "sample response time", f"band metadata {meta}")
    # Values 0..23 with NaN skipped as NoData.
    check(close(band.get("computedMin", -1), 0.0) and close(band.get("computedMax", -1), 23.0),
          f"computed min/max {band.get('computedMin')}, {band.get('computedMax')}")

check(sorted(os.listdir(workdir)) == ["sample.tif"], f"files in the work directory: {os.listdir(workdir)}")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("OK: gdalinfo sees a north-up Float32 GeoTIFF in EPSG:4326 with NaN NoData")

#!/usr/bin/python3
"""`mdasim heatmap` on results files and options it cannot use: exit status 2 and a message that
names the file and what is wrong, never a crash or a misleading "no layer".

Usage: inputs_results_files.py MDASIM DATA WORKDIR

- datasets in a maps group that are not (lat, lon) maps (a 1-D array, text, a table): "is not a
  map layer" with what it is, not "no layer";
- --minus "", -o "", --variant "", --layer "": usage errors;
- files that are truncated, not HDF5, without a grid, with a grid of text, with attributes of the
  wrong type (warned and ignored), or a layer of the wrong shape in another variant.
"""

import os
import shutil
import sys

from inputs_checks import check, expect, finish, run


def main():
    import h5py  # Debian's python3-h5py
    import numpy

    mdasim, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    good = os.path.join(work, "good.h5")
    r = run([mdasim, "run", os.path.join(data, "valid", "sar", "small-sar.yaml"), "--replications", "1", "-o", good])
    if not check(r.returncode == 0, f"mdasim run exits 0 ({r.returncode}): {r.stderr.strip()!r}"):
        finish()

    def variant_of(name, edit):
        path = os.path.join(work, name)
        shutil.copy(good, path)
        with h5py.File(path, "a") as f:
            edit(f)
        return path

    def heatmap(path, *args):
        return run([mdasim, "heatmap", path, *args])

    png = os.path.join(work, "x.png")

    # Datasets that are not maps.
    def add_not_maps(f):
        m = f["baseline/maps"]
        m["flat"] = numpy.zeros(10)
        m["words"] = numpy.array([[b"a"] * 40] * 40)
        m["table"] = numpy.zeros(3, dtype=[("a", "f8")])
    shapes = variant_of("shapes.h5", add_not_maps)
    for layer, said in (("flat", "it has shape (10,); expected (lat, lon) = (40, 40)"),
                        ("words", "it holds text, not numbers"),
                        ("table", "it is a table (compound dataset), not a map")):
        r = heatmap(shapes, "--layer", layer, "-o", png)
        expect(r, 2, f"error: '{layer}' in variant 'baseline' is not a map layer: {said}", f"layer {layer}")
        check("no layer" not in r.stderr, f"layer {layer}: not called missing")
    r = heatmap(shapes, "--list")
    check(r.returncode == 0 and "(not a layer: table: it is a table (compound dataset), not a map)" in r.stdout,
          f"--list names what is not a layer: {r.stdout[-300:]!r}")

    # Options given empty.
    for option, said in (("--minus", "--minus is empty; expected the name of the variant to subtract"),
                         ("-o", "-o,--output is empty; expected a file name ending in .png, .tif or .tiff"),
                         ("--variant", "--variant is empty; expected the name of a variant"),
                         ("--layer", "--layer is empty; expected the name of a map layer")):
        args = ["--layer", "expected_response_h", "-o", png] if option not in ("--layer", "-o") else \
               (["-o", png] if option == "--layer" else ["--layer", "expected_response_h"])
        r = heatmap(good, *args, option, "")
        expect(r, 2, f"mdasim heatmap: error: {said}", f"{option} \"\"")

    # Malformed files.
    truncated = os.path.join(work, "truncated.h5")
    with open(good, "rb") as f, open(truncated, "wb") as out:
        out.write(f.read()[:100000])
    expect(heatmap(truncated, "--list"), 2, f"'{truncated}' starts as an HDF5 file but cannot be opened: it is truncated or damaged",
           "a truncated file")
    text = os.path.join(work, "text.h5")
    with open(text, "w") as f:
        f.write("not HDF5\n")
    expect(heatmap(text, "--list"), 2, f"'{text}' is not an HDF5 file", "a text file")
    no_lat = variant_of("no-lat.h5", lambda f: f.__delitem__("baseline/maps/lat"))
    expect(heatmap(no_lat, "--list"), 2, f"'{no_lat}': 'baseline/maps' has no 'lat' and 'lon' coordinates", "no lat")

    def text_lat(f):
        del f["baseline/maps/lat"]
        f["baseline/maps/lat"] = numpy.array([b"x"] * 40)
    lat_text = variant_of("lat-text.h5", text_lat)
    expect(heatmap(lat_text, "--list"), 2, f"'{lat_text}': 'baseline/maps/lat' is not a 1-D list of cell centres", "lat as text")
    empty_group = variant_of("empty-group.h5", lambda f: f.create_group("other/maps"))
    expect(heatmap(empty_group, "--list"), 2, f"'{empty_group}': 'other/maps' has no 'lat' and 'lon' coordinates",
           "a maps group without a grid")

    def wrong_types(f):
        f.attrs["scenario_path"] = numpy.int64(5)
        f.attrs["replications"] = "two"
        f["baseline/maps/expected_response_h"].attrs["units"] = numpy.float64(3)
    typed = variant_of("typed.h5", wrong_types)
    r = heatmap(typed, "--layer", "expected_response_h", "-o", png)
    check(r.returncode == 0, f"attributes of the wrong type are ignored ({r.returncode})")
    for said in ("root attribute 'scenario_path' is not a text value; ignored",
                 "root attribute 'replications' is not a whole number of at least 0; ignored",
                 "dataset 'baseline/maps/expected_response_h' attribute 'units' is not a text value; ignored"):
        check(f"mdasim heatmap: warning: '{typed}': {said}" in r.stderr, f"warned: {said}")
    for path in (shapes, truncated, text, no_lat, lat_text, empty_group, typed):
        r = heatmap(path, "--list")
        check(r.returncode is not None and r.returncode >= 0, f"{os.path.basename(path)}: no crash ({r.returncode})")
    finish()


if __name__ == "__main__":
    main()

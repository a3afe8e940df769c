#!/usr/bin/python3
"""Reads a sample results file back with h5py and xarray, the way users will.

Usage: check_results_file.py WRITER WORKDIR

WRITER is the mdasim_results_sample program (tests/unit/io/results_file_sample.cpp); it writes
WORKDIR/sample.h5. The check runs under Debian's /usr/bin/python3 and needs python3-h5py,
python3-xarray and python3-h5netcdf (python3-netcdf4 is checked too when present). Without h5py,
xarray or an xarray engine for HDF5 it exits 77, which ctest reports as skipped.
"""

import math
import os
import shutil
import subprocess
import sys

SKIP = 77

try:
    import h5py
    import numpy as np
    import xarray as xr
except ImportError as e:
    print(f"SKIP: {e} (install python3-h5py and python3-xarray)")
    sys.exit(SKIP)

ENGINES = []
for module, engine in (("h5netcdf", "h5netcdf"), ("netCDF4", "netcdf4")):
    try:
        __import__(module)
        ENGINES.append(engine)
    except ImportError:
        pass
if not ENGINES:
    print("SKIP: xarray has no HDF5 engine (install python3-h5netcdf or python3-netcdf4)")
    sys.exit(SKIP)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def check_file(path):
    with h5py.File(path, "r") as f:
        # Root attributes: str, not bytes.
        check(isinstance(f.attrs["engine_version"], str), "engine_version is a str attribute")
        check("Việt Nam" in f.attrs["scenario"], "the scenario text round-trips as UTF-8")
        check(int(f.attrs["replications"]) == 3, "a numeric root attribute")

        # Every dataset has units and long_name.
        def every_dataset(name, obj):
            if isinstance(obj, h5py.Dataset):
                check("units" in obj.attrs, f"{name} has units")
                check("long_name" in obj.attrs, f"{name} has long_name")

        f.visititems(every_dataset)

        # A table: compound dtype, one units string per field.
        t = f["baseline/tables/incidents"]
        check(t.dtype.names == ("response_h", "replication", "seed", "state"), f"table fields {t.dtype.names}")
        check(t.dtype["response_h"] == np.dtype("<f8"), "response_h is float64")
        check(t.dtype["replication"] == np.dtype("<i8"), "replication is int64")
        check(t.dtype["seed"] == np.dtype("<u8"), "seed is uint64")
        check(t.dtype["state"].kind == "S", "state is a fixed-length string")
        units = dict(zip(t.dtype.names, (text(u) for u in t.attrs["units"])))
        check(units == {"response_h": "h", "replication": "1", "seed": "1", "state": ""}, f"table units {units}")
        check(len(t.attrs["column_long_names"]) == 4, "one long name per column")
        check(t.attrs["long_name"] == "incidents of all replications", "table long_name")
        rows = t[()]
        check(list(rows["response_h"]) == [1.5, 3.0, 4.5], "response_h values")
        check(int(rows["seed"][0]) == 2**64 - 1, "uint64 keeps its full range")
        check([s.decode() for s in rows["state"]] == ["PH", "MY", "Việt Nam"], "string column values")
        check(f["baseline/tables/empty"].shape == (0,), "an empty table")
        big = f["baseline/tables/big"]
        check(big.compression == "gzip" and big.chunks is not None, "a large table is chunked and compressed")
        check(big[4999]["distance_nm"] == 4999.0, "large table values")

        # A map: float32 (lat, lon) with the coordinates attached as dimension scales.
        m = f["baseline/maps/coverage"]
        check(m.dtype == np.dtype("<f4") and m.shape == (3, 2), "map dtype and shape")
        scales = [list(d.keys()) for d in m.dims]
        check(scales == [["lat"], ["lon"]], f"map dimension scales {scales}")
        check(m.dims[0][0].name == "/baseline/maps/lat", "lat attached to the map")
        check(m.dims[1][0].name == "/baseline/maps/lon", "lon attached to the map")
        check(math.isnan(m[0, 1]) and math.isnan(m.attrs["_FillValue"]), "NaN over land and as _FillValue")
        check(f["baseline/maps/lat"].attrs["units"] == "degrees_north", "lat units")
        check(f["baseline/maps/lon"].attrs["standard_name"] == "longitude", "lon standard_name")

    for engine in ENGINES:
        for group in ("baseline/maps", "option-a/maps"):
            with xr.open_dataset(path, group=group, engine=engine) as ds:
                coverage = ds["coverage"]
                check(coverage.dims == ("lat", "lon"), f"{engine} {group}: coverage dims {coverage.dims}")
                check(list(ds["lat"].values) == [0.05, 0.15, 0.25], f"{engine} {group}: lat values")
                check(ds["lat"].attrs.get("units") == "degrees_north", f"{engine} {group}: lat units")
                check(coverage.attrs.get("units") == "1", f"{engine} {group}: coverage units")
                check(coverage.attrs.get("long_name") == "fraction of time covered", f"{engine} {group}: long_name")
                check(bool(np.isnan(coverage.values[0, 1])), f"{engine} {group}: NaN over land")
                check(float(coverage.sel(lat=0.25, lon=100.15)) == 0.25, f"{engine} {group}: select by coordinates")
        with xr.open_dataset(path, group="baseline/series", engine=engine) as ds:
            check(ds["detected"].dims == ("replication",), f"{engine}: series dims {ds['detected'].dims}")
            check(ds["cost"].attrs.get("units") == "MUSD", f"{engine}: series units")
        # Tables are compound datasets: the groups holding them open too.
        with xr.open_dataset(path, group="baseline/tables", engine=engine) as ds:
            if engine == "h5netcdf":
                check(ds["incidents"].dims == ("incidents_row",), f"{engine}: table dims {ds['incidents'].dims}")
        with xr.open_dataset(path, engine=engine) as ds:
            check(ds.attrs.get("engine_version") is not None, f"{engine}: root attributes")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    writer, workdir = sys.argv[1], sys.argv[2]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    path = os.path.join(workdir, "sample.h5")
    result = subprocess.run([writer, path], capture_output=True, text=True)
    if result.returncode != 0 or result.stderr:
        print(f"FAIL: {writer} exited {result.returncode}: {result.stderr}")
        return 1
    check(os.listdir(workdir) == ["sample.h5"], f"only the committed file is left: {os.listdir(workdir)}")
    check_file(path)
    print(f"engines: {', '.join(ENGINES)}; h5py {h5py.__version__}")
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print("results file reads back with h5py and xarray")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""End-to-end check of `mdasim compare` on the small patrol scenario, with h5py.

Usage: check_compare.py MDASIM DATA WORKDIR

Compares tests/data/valid/sar/small-patrol.yaml with two options (compare/nothing.yaml, which
changes nothing, and compare/more-boats.yaml, a second patrol boat) over 3 replications, on 1
and on 2 threads, writing the results file and the JSON summary, and checks:
- the file has a group per variant with the maps and tables of a run, and each group says which
  file it ran (scenario_path; option_text and cost_musd for an option);
- comparison/paired_differences has a row per (option, measure); for `nothing` every difference
  and its interval are exactly 0; for `more-boats` the incident counts are exactly equal (common
  random numbers) while some response measure differs;
- the baseline group's summary equals that of `mdasim run` on the base scenario;
- the JSON has the same options and measures as the table;
- the outputs on 1 and 2 threads are identical;
- `mdasim heatmap --variant nothing --minus baseline` of the file is a GeoTIFF of zeros, and
  `--variant more-boats --minus baseline` of the observed response is not;
- a comparison interrupted by SIGINT exits with status 130 and leaves no file behind.
"""

import json
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np

from interrupt import interrupt_after


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} exited with {done.returncode}:\n{done.stderr}")
    return done.stdout


def table(f, path):
    ds = f[path]
    return {name: ds[name] for name in ds.dtype.names}


def text(values):
    return [v.decode() for v in values]


def interrupted(mdasim, base, option, folder):
    os.makedirs(folder)
    ended = interrupt_after([mdasim, "compare", base, option, "--replications", "200000", "--threads", "2",
                             "-o", os.path.join(folder, "c.h5"), "--json", os.path.join(folder, "c.json")], 1.5)
    if ended is None:
        sys.exit("the comparison did not stop within 60 s of Ctrl-C")
    status, stdout, stderr = ended
    assert status == 130, (status, stderr)
    assert "mdasim compare: interrupted; no results written" in stderr, stderr
    assert "Options at a glance" not in stdout, stdout
    assert os.listdir(folder) == [], os.listdir(folder)


def main():
    mdasim, data, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    base = os.path.join(data, "valid/sar/small-patrol.yaml")
    options = [os.path.join(data, "valid/compare/nothing.yaml"), os.path.join(data, "valid/compare/more-boats.yaml")]
    outputs = {}
    for threads in (1, 2):
        h5 = os.path.join(work, f"compare-{threads}.h5")
        js = os.path.join(work, f"compare-{threads}.json")
        out = run([mdasim, "compare", base, *options, "--replications", "3", "--threads", str(threads), "-o", h5,
                   "--json", js])
        assert "Option nothing (cost US$ 1 million" in out, out
        assert "Options at a glance" in out, out
        outputs[threads] = (h5, js)
    run_h5 = os.path.join(work, "run.h5")
    run([mdasim, "run", base, "--replications", "3", "-o", run_h5])

    h5, js = outputs[2]
    with h5py.File(h5, "r") as f, h5py.File(run_h5, "r") as r:
        for variant in ("baseline", "nothing", "more-boats"):
            assert "maps" in f[variant] and "tables" in f[variant], variant
            assert set(f[variant]["maps"].keys()) == set(r["baseline/maps"].keys()), variant
            assert set(f[variant]["tables"].keys()) == set(r["baseline/tables"].keys()), variant
        assert f["baseline"].attrs["scenario_path"] == base
        assert "option_text" not in f["baseline"].attrs
        assert f["more-boats"].attrs["scenario_path"] == options[1]
        assert "West boat 2" in f["more-boats"].attrs["option_text"]
        assert f["more-boats"].attrs["cost_musd"] == 2.0
        assert f.attrs["scenario_path"] == base
        # The baseline of a comparison is the run of the base scenario.
        a, b = table(f, "baseline/tables/summary"), table(r, "baseline/tables/summary")
        assert np.array_equal(a["mean"], b["mean"], equal_nan=True)
        assert np.array_equal(a["ci_low"], b["ci_low"], equal_nan=True)

        d = table(f, "comparison/paired_differences")
        variants = text(d["variant"])
        metrics = text(d["metric"])
        classes = text(d["class"])
        rows_nothing = [i for i, v in enumerate(variants) if v == "nothing"]
        rows_boats = [i for i, v in enumerate(variants) if v == "more-boats"]
        assert len(rows_nothing) == len(rows_boats) > 20, (len(rows_nothing), len(rows_boats))
        for i in rows_nothing:
            if d["pairs"][i] == 0:
                continue
            for column in ("difference", "difference_ci_low", "difference_ci_high"):
                assert d[column][i] == 0.0, (metrics[i], column, d[column][i])
            assert d["baseline_mean"][i] == d["option_mean"][i], metrics[i]
            assert d["verdict"][i].decode() in ("no change", "-"), (metrics[i], d["verdict"][i])
        by_key = {(classes[i], metrics[i]): i for i in rows_boats if text(d["domain"][i:i + 1])[0] == "sar"}
        i = by_key[("all", "incidents")]
        assert d["difference"][i] == 0.0 and d["difference_ci_high"][i] == 0.0, "incidents differ: no CRN"
        assert any(d["difference"][by_key[("all", m)]] != 0.0 for m in ("response_mean_h", "response_p90_h", "within_2h")), \
            "a second boat changes no response measure"
        for i in rows_boats:
            assert d["cost_musd"][i] == 2.0
            if np.isfinite(d["difference"][i]):
                assert abs(d["per_musd"][i] - d["difference"][i] / 2.0) <= 1e-12 * max(1.0, abs(d["difference"][i]))
        units = dict(zip(d.keys(), f["comparison/paired_differences"].attrs["units"]))
        assert units["relative"] == "1" and units["cost_musd"] == "USD 1e6", units

    with open(js) as stream:
        summary = json.load(stream)
    assert summary["replications"] == 3 and summary["seed"] == 7
    assert [o["name"] for o in summary["options"]] == ["nothing", "more-boats"]
    assert len(summary["options"][0]["measures"]) == len(rows_nothing)
    first = summary["options"][1]["measures"][0]
    assert set(first) == {"domain", "class", "metric", "units", "description", "better", "pairs", "baseline",
                          "option", "difference", "relative", "per_musd", "verdict"}, first

    # Same outputs on 1 and 2 threads, bit for bit (tables and JSON).
    with open(outputs[1][1]) as one, open(outputs[2][1]) as two:
        assert one.read() == two.read(), "JSON differs between 1 and 2 threads"
    with h5py.File(outputs[1][0], "r") as one, h5py.File(outputs[2][0], "r") as two:
        for path in ("comparison/paired_differences", "more-boats/tables/incidents", "more-boats/maps/expected_response_h"):
            x, y = one[path][()], two[path][()]
            assert x.tobytes() == y.tobytes(), path
    # Difference maps of the comparison file (gdal-bin is installed by tools/install-deps.sh).
    for variant, layer, all_zero in (("nothing", "observed_response_h", True), ("nothing", "expected_response_h", True),
                                     ("more-boats", "observed_response_h", False)):
        tif = os.path.join(work, f"{variant}-{layer}.tif")
        run([mdasim, "heatmap", h5, "--layer", layer, "--variant", variant, "--minus", "baseline", "-o", tif])
        info = json.loads(run(["gdalinfo", "-json", "-mm", tif]))
        band = info["bands"][0]
        low, high = band["computedMin"], band["computedMax"]
        assert (low == 0.0 and high == 0.0) == all_zero, (variant, layer, low, high)

    interrupted(mdasim, base, options[1], os.path.join(work, "interrupted"))

    print("compare: groups, paired differences, JSON and thread independence checked")


if __name__ == "__main__":
    main()

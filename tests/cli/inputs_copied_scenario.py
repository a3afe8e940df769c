#!/usr/bin/python3
"""A copied scenario just works, and its maps keep their coast from any folder.

Usage: inputs_copied_scenario.py MDASIM SOURCE_DIR WORKDIR
  SOURCE_DIR: the source tree (for scenarios/ and tests/data); WORKDIR: a scratch folder.

1. scenarios/asean-baseline.yaml copied alone into an empty folder: `mdasim validate` passes there
   (its geodata found in the shipped data folders; the program runs from the build tree, whose
   shipped data are the source tree's scenarios/), `mdasim run --replications 2 -o x.h5` works
   there, and `mdasim heatmap x.h5` run from another folder draws the same map, byte for byte, as
   from the first, without a warning; also once the copy is deleted (from the text stored in the
   results file, with one warning).
2. The results file records the run's folder, the scenario's absolute path and each geodata
   file's absolute path and SHA-256 (checked with hashlib).
3. MDASIM_DATA names a folder of shipped data: a scenario whose geodata are only there validates
   with it, and without it fails with one error per file listing every place looked.
4. Geodata that changed or vanished after the run: heatmap says so (SHA-256 differs; gone).
"""

import hashlib
import os
import shutil
import sys

from inputs_checks import check, expect, finish, run


def attributes(path):
    import h5py  # Debian's python3-h5py
    with h5py.File(path, "r") as f:
        return {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    mdasim, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "MDASIM_DATA"}
    shipped = os.path.join(source, "scenarios")
    mine = os.path.join(work, "mine")
    elsewhere = os.path.join(work, "elsewhere", "deeper")
    os.makedirs(mine)
    os.makedirs(elsewhere)
    shutil.copy(os.path.join(shipped, "asean-baseline.yaml"), os.path.join(mine, "mine.yaml"))

    # 1. Validate, run, draw from two folders.
    r = run([mdasim, "validate", "mine.yaml"], cwd=mine, env=env)
    check(r.returncode == 0 and "mine.yaml: valid" in r.stdout, f"validate of the copy passes ({r.returncode}): {r.stderr.strip()!r}")
    # The copy says what the shipped file says in place (its warnings, if any), nothing more.
    original = run([mdasim, "validate", os.path.join(shipped, "asean-baseline.yaml")], cwd=shipped, env=env)
    expected = original.stderr.replace(os.path.join(shipped, "asean-baseline.yaml"), "mine.yaml")
    check(r.stderr == expected and "error" not in r.stderr,
          f"validate of the copy says what the shipped file says in place: {r.stderr.strip()!r}")
    r = run([mdasim, "run", "mine.yaml", "--replications", "2", "-o", "x.h5"], cwd=mine, env=env, timeout=300)
    check(r.returncode == 0, f"run of the copy exits 0 ({r.returncode}): {r.stderr.strip()!r}")
    layer = ["--layer", "expected_response_h", "--width", "800"]
    r = run([mdasim, "heatmap", "x.h5", *layer, "-o", "m.png"], cwd=mine, env=env)
    check(r.returncode == 0 and r.stderr == "", f"heatmap beside the run exits 0 quietly ({r.returncode}): {r.stderr.strip()!r}")
    results = os.path.relpath(os.path.join(mine, "x.h5"), elsewhere)
    r = run([mdasim, "heatmap", results, *layer, "-o", "m.png"], cwd=elsewhere, env=env)
    check(r.returncode == 0 and r.stderr == "", f"heatmap from another folder exits 0 quietly ({r.returncode}): {r.stderr.strip()!r}")
    same = lambda a, b: os.path.exists(a) and os.path.exists(b) and open(a, "rb").read() == open(b, "rb").read()
    check(same(os.path.join(mine, "m.png"), os.path.join(elsewhere, "m.png")),
          "the map drawn from another folder is byte-identical to the one drawn beside the run")

    # 2. What the results file records.
    a = attributes(os.path.join(mine, "x.h5"))
    check(a.get("scenario_path") == "mine.yaml", f"scenario_path as given: {a.get('scenario_path')!r}")
    check(a.get("working_folder") == os.path.realpath(mine) or a.get("working_folder") == mine,
          f"working_folder is the run's folder: {a.get('working_folder')!r}")
    check(a.get("scenario_absolute_path") == os.path.join(a.get("working_folder", ""), "mine.yaml"),
          f"scenario_absolute_path: {a.get('scenario_absolute_path')!r}")
    for layer_name, file in (("land", "land-10m.geojson"), ("lanes", "marnet-lanes.geojson"),
                             ("countries", "countries-50m.geojson")):
        expected = os.path.normpath(os.path.join(shipped, "data", file))
        check(a.get(f"geodata_{layer_name}_path") == expected,
              f"geodata_{layer_name}_path is {expected} (got {a.get(f'geodata_{layer_name}_path')!r})")
        check(a.get(f"geodata_{layer_name}_sha256") == sha256(expected), f"geodata_{layer_name}_sha256 is the file's SHA-256")

    # The scenario copy deleted: the stored text, read as if where it was, finds the same geodata.
    os.remove(os.path.join(mine, "mine.yaml"))
    r = run([mdasim, "heatmap", results, *layer, "-o", "gone.png"], cwd=elsewhere, env=env)
    check(r.returncode == 0, f"heatmap with the scenario deleted exits 0 ({r.returncode})")
    check(r.stderr.count("warning:") == 1 and "is not found (looked for " in r.stderr,
          f"one warning, that the scenario is not found and where it looked: {r.stderr.strip()!r}")
    check(same(os.path.join(mine, "m.png"), os.path.join(elsewhere, "gone.png")),
          "the map drawn from the stored text is byte-identical")

    # 3. MDASIM_DATA.
    named = os.path.join(work, "named")
    os.makedirs(os.path.join(named, "data"))
    sar = os.path.join(source, "tests", "data", "valid", "sar")
    shutil.copy(os.path.join(sar, "land.geojson"), os.path.join(named, "data", "only-here-land.geojson"))
    shutil.copy(os.path.join(sar, "lanes.geojson"), os.path.join(named, "data", "only-here-lanes.geojson"))
    with open(os.path.join(sar, "small-sar.yaml")) as f:
        text = f.read().replace("land: land.geojson", "land: data/only-here-land.geojson") \
                       .replace("lanes: lanes.geojson", "lanes: data/only-here-lanes.geojson")
    with open(os.path.join(mine, "named.yaml"), "w") as f:
        f.write(text)
    r = run([mdasim, "validate", "-q", "named.yaml"], cwd=mine, env={**env, "MDASIM_DATA": named})
    check(r.returncode == 0, f"with MDASIM_DATA, geodata found there ({r.returncode}): {r.stderr.strip()!r}")
    r = run([mdasim, "validate", "-q", "named.yaml"], cwd=mine, env=env)
    looked = (f"named.yaml:18:9: error: geodata file 'data/only-here-land.geojson' not found (looked for "
              f"{os.path.join(mine, 'data', 'only-here-land.geojson')}, "
              f"{os.path.join(os.path.normpath(shipped), 'data', 'only-here-land.geojson')})")
    expect(r, 2, looked, "without MDASIM_DATA, not found, with every place looked")
    check(r.stderr.count("error:") == 2, f"one error per missing file, no more: {r.stderr.strip()!r}")

    # 4. Geodata changed or gone after the run.
    moved = os.path.join(work, "moved")
    os.makedirs(moved)
    for name in ("small-sar.yaml", "land.geojson", "lanes.geojson"):
        shutil.copy(os.path.join(sar, name), moved)
    r = run([mdasim, "run", "small-sar.yaml", "--replications", "1", "-o", "s.h5"], cwd=moved, env=env)
    check(r.returncode == 0, f"run of small-sar exits 0 ({r.returncode})")
    with open(os.path.join(moved, "land.geojson"), "a") as f:
        f.write("\n")
    os.remove(os.path.join(moved, "lanes.geojson"))
    r = run([mdasim, "heatmap", os.path.join(moved, "s.h5"), "--layer", "expected_response_h", "-o", "s.png"],
            cwd=elsewhere, env=env)
    check(r.returncode == 0, f"heatmap with changed geodata exits 0 ({r.returncode})")
    check(f"the land file '{os.path.join(moved, 'land.geojson')}' has changed since the run (its SHA-256 differs" in r.stderr,
          f"it says the land file changed: {r.stderr.strip()!r}")
    check(f"the lanes file the run read, '{os.path.join(moved, 'lanes.geojson')}', is gone" in r.stderr,
          "it says the lanes file is gone")
    finish()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""`cmake --install` gives a program that finds the shipped geodata wherever a scenario is.

Usage: inputs_install.py CMAKE BUILD_DIR SOURCE_DIR

Installs the build into a temporary folder (outside the build tree, so the source tree's
scenarios/ are not among the program's data folders; removed at the end), checks that the program and the scenarios are in
place (bin/mdasim, share/mdasim/scenarios/{asean-baseline.yaml,data/land-10m.geojson}), then
validates a copy of the shipped baseline alone in an empty folder with the installed program,
checks that a geodata file found nowhere is reported with the installed folder among the
places looked, and that `route` without --scenario uses the installed baseline.
"""

import os
import shutil
import sys
import tempfile

from inputs_checks import check, expect, finish, run


def main():
    cmake, build, source = sys.argv[1:4]
    work = tempfile.mkdtemp(prefix="mdasim-install-")
    try:
        check_install(cmake, build, source, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish()


def check_install(cmake, build, source, work):
    prefix = os.path.join(work, "prefix")
    r = run([cmake, "--install", build, "--prefix", prefix], timeout=300)
    if not check(r.returncode == 0, f"cmake --install exits 0 ({r.returncode}): {r.stderr.strip()!r}"):
        return
    program = os.path.join(prefix, "bin", "mdasim")
    scenarios = os.path.join(prefix, "share", "mdasim", "scenarios")
    for path in (program, os.path.join(scenarios, "asean-baseline.yaml"), os.path.join(scenarios, "data", "land-10m.geojson"),
                 os.path.join(scenarios, "options", "tc90-second-transfer.yaml")):
        check(os.path.isfile(path), f"installed: {os.path.relpath(path, prefix)}")

    env = {k: v for k, v in os.environ.items() if k != "MDASIM_DATA"}
    mine = os.path.join(work, "mine")
    os.makedirs(mine)
    shutil.copy(os.path.join(source, "scenarios", "asean-baseline.yaml"), os.path.join(mine, "mine.yaml"))
    r = run([program, "validate", "-q", "mine.yaml"], cwd=mine, env=env)
    check(r.returncode == 0 and r.stdout.startswith("mine.yaml: valid"),
          f"the installed program validates a copy of the baseline ({r.returncode}): {r.stderr.strip()!r}")

    with open(os.path.join(mine, "mine.yaml")) as f:
        text = f.read().replace("land: data/land-10m.geojson", "land: data/nowhere.geojson")
    with open(os.path.join(mine, "nowhere.yaml"), "w") as f:
        f.write(text)
    r = run([program, "validate", "nowhere.yaml"], cwd=mine, env=env)
    expect(r, 2, f"error: geodata file 'data/nowhere.geojson' not found (looked for {os.path.join(mine, 'data', 'nowhere.geojson')}, "
                 f"{os.path.join(scenarios, 'data', 'nowhere.geojson')})", "a file found nowhere lists the installed folder")

    # `route` without --scenario uses the installed baseline, from any folder.
    r = run([program, "route", "--from", "103.9,1.2", "--to", "104.3,1.3", "--json"], cwd=mine, env=env)
    check(r.returncode == 0 and os.path.join(scenarios, "asean-baseline.yaml") in r.stdout,
          f"the installed program routes on the installed baseline ({r.returncode}): {r.stderr.strip()!r}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Makes a comparison file for the tests of `mdasim heatmap --minus`, from the file of one run.

Usage: make_comparison.py RUN.h5 OPTION.yaml OUT.h5

Copies RUN.h5 (written by `mdasim run` on small-sar.yaml) to OUT.h5 and lays it out as a
comparison file: the `baseline` group gets its own `scenario_path` (the root's), and two copies
of it are added:
  opt      the option OPTION.yaml: `scenario_path` (OPTION.yaml's absolute path) and
           `option_text` (its text); its expected_response_h is the baseline's plus 0.5 h in
           every cell with a value, every other layer the baseline's.
  shifted  the baseline's maps on a grid moved 0.1 degree east (lon + 0.1), for the refusal of
           variants on different grids.
Needs h5py for /usr/bin/python3 (Debian's python3-h5py, installed by tools/install-deps.sh).
"""

import os
import shutil
import sys

import h5py
import numpy

DELTA_H = 0.5


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    run, option, out = sys.argv[1:]
    option = os.path.abspath(option)
    with open(option, encoding="utf-8") as f:
        option_text = f.read()
    shutil.copyfile(run, out)
    with h5py.File(out, "r+") as f:
        f["baseline"].attrs["scenario_path"] = f.attrs["scenario_path"]
        f.copy("baseline", "opt")
        f["opt"].attrs["scenario_path"] = option
        f["opt"].attrs["option_text"] = option_text
        response = f["opt/maps/expected_response_h"]
        values = response[...]
        sea = numpy.isfinite(values)
        values[sea] += numpy.float32(DELTA_H)
        response[...] = values
        f.copy("baseline", "shifted")
        lon = f["shifted/maps/lon"]
        lon[...] = lon[...] + 0.1
        print(f"{out}: variants baseline, opt ({int(sea.sum())} cells + {DELTA_H} h), shifted")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""No file mdasim reads can hang it or be mistaken for another: a FIFO, a folder, a device node, a
socket or a symbolic-link loop given as a scenario, an option's base, a geodata file (land, lanes,
countries) or a results file is refused at once, with exit status 2 and a message that names the
file and says what it is.

Usage: inputs_special_files.py MDASIM DATA WORKDIR
  DATA: tests/data; WORKDIR: a scratch folder (emptied first).

Every command runs with a time limit, so a FIFO that would block mdasim fails the check.
"""

import os
import socket
import stat
import sys

from inputs_checks import check, expect, finish, run, small_sar_in


def main():
    mdasim, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
    scenario = small_sar_in(data, work, ["land.geojson", "lanes.geojson"]).decode()

    def path(name):
        return os.path.join(work, name)

    os.mkfifo(path("fifo"))
    os.mkdir(path("folder"))
    os.symlink(path("loop-b"), path("loop-a"))
    os.symlink(path("loop-a"), path("loop-b"))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(path("sock"))
    try:
        # A node of /dev/zero's numbers (1, 5), made here: never touch the real one.
        os.mknod(path("zero"), 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        have_device = True
    except OSError as e:
        print(f"skip: cannot make a device node here ({e})")
        have_device = False

    kinds = [("fifo", "it is a FIFO (named pipe), not a regular file"),
             ("folder", "it is a folder, not a regular file"),
             ("loop-a", "its symbolic links form a loop (too many levels of symbolic links)"),
             ("sock", "it is a socket, not a regular file"),
             ("missing", "no such file (looked for " + path("missing") + ")")]
    if have_device:
        kinds.append(("zero", "it is a character device, not a regular file"))

    # As the scenario of validate and run.
    for name, what in kinds:
        for command in ("validate", "run"):
            r = run([mdasim, command, path(name)], timeout=20)
            expect(r, 2, f"{path(name)}: error: cannot open file: {what}", f"{command} {name}")

    # As an option's base scenario.
    for name, what in kinds:
        option = path(f"option-{name}.yaml")
        with open(option, "w") as f:
            f.write(f"option:\n  name: x\n  cost: 1 MUSD\n  base: {name}\n")
        r = run([mdasim, "validate", option], timeout=20)
        expect(r, 2, f"option-{name}.yaml:4:9: error: cannot load the base scenario '{name}'", f"base {name}")
        check(what in r.stderr, f"base {name}: says what it is ({what!r})")

    # As each geodata layer: said at the key, with the path looked at and what it is.
    for layer, line in (("land", "land: land.geojson"), ("lanes", "lanes: lanes.geojson"), ("countries", None)):
        for name, what in kinds:
            if name == "missing":
                continue
            text = scenario.replace(line, f"{layer}: {name}") if line else \
                scenario.replace("lanes: lanes.geojson", f"lanes: lanes.geojson\n  countries: {name}")
            target = path(f"geo-{layer}-{name}.yaml")
            with open(target, "w") as f:
                f.write(text)
            r = run([mdasim, "validate", target], timeout=20)
            expect(r, 2, f"error: geodata file '{name}' cannot be read: {path(name)}: {what}", f"{layer} {name}")
            check("names no lanes file" not in r.stderr, f"{layer} {name}: no second error about lanes")

    # As the results file of heatmap.
    for name, what in kinds:
        if name == "missing":
            continue
        r = run([mdasim, "heatmap", path(name), "--layer", "expected_response_h", "-o", path("x.png")], timeout=20)
        said = f"'{path(name)}' is a folder; expected a results file" if name == "folder" else f"'{path(name)}': {what}"
        expect(r, 2, f"mdasim heatmap: error: {said}", f"heatmap {name}")

    sock.close()
    finish()


if __name__ == "__main__":
    main()

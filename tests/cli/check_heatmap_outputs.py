#!/usr/bin/python3
"""`mdasim heatmap`'s outputs and damaged inputs.

Usage: check_heatmap_outputs.py MDASIM SMALL_SAR_YAML DAMAGED_DIR WORKDIR

1. An output that is a device node (a scratch one made with mknod here, never the system's), a
   FIFO or a socket is refused with exit 2 for a PNG and for a GeoTIFF, and stays what it was.
2. An output that is the results file read is refused with exit 2, and the file is unchanged.
3. A symbolic link as the output is written through.
4. Damaged results files on which libhdf5 crashes (DAMAGED_DIR: an abort and a segmentation
   fault) give exit 2 and a message saying the file is damaged, never a crash; nothing is
   written.
"""

import hashlib
import os
import shutil
import socket
import stat
import subprocess
import sys

failures = []


def check(condition, what):
    print(("PASS: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def heatmap(mdasim, results, output, *extra):
    return subprocess.run([mdasim, "heatmap", results, "--layer", "expected_response_h", "-o", output, *extra],
                          capture_output=True, text=True, timeout=600)


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    mdasim, scenario, damaged, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    results = os.path.join(workdir, "small.h5")
    made = subprocess.run([mdasim, "run", scenario, "--replications", "2", "-o", results], capture_output=True)
    check(made.returncode == 0, "the results file is written")

    special = {}
    fifo = os.path.join(workdir, "map-fifo.png")
    os.mkfifo(fifo)
    special["a FIFO"] = fifo
    node = os.path.join(workdir, "null.png")
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a scratch null device of our own
        special["a device"] = node
    except OSError as e:
        print(f"SKIP: a device node as output: cannot mknod here ({e})")
    sock_path = os.path.join(workdir, "sock.tif")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    special["a socket"] = sock_path
    for kind, path in special.items():  # a .png name draws, a .tif name exports a GeoTIFF
        mode = os.lstat(path).st_mode
        r = heatmap(mdasim, results, path)
        check(r.returncode == 2 and "regular file" in r.stderr, f"-o {kind}: exit 2 ({r.returncode}; {r.stderr.strip()!r})")
        check(os.lstat(path).st_mode == mode, f"-o {kind}: still {kind}")
    sock.close()

    before = digest(results)
    copy = os.path.join(workdir, "copy.h5")
    shutil.copy(results, copy)
    os.rename(copy, os.path.join(workdir, "map.png"))  # a results file with a PNG's name
    r = heatmap(mdasim, os.path.join(workdir, "map.png"), os.path.join(workdir, ".", "map.png"))
    check(r.returncode == 2 and "the results file this command reads" in r.stderr,
          f"-o the results file read: exit 2 ({r.returncode}; {r.stderr.strip()!r})")
    check(digest(os.path.join(workdir, "map.png")) == before, "the results file read is unchanged")

    link = os.path.join(workdir, "latest.png")
    os.symlink("drawn.png", link)
    r = heatmap(mdasim, results, link)
    check(r.returncode == 0 and os.path.islink(link) and os.path.isfile(os.path.join(workdir, "drawn.png")),
          f"-o a symbolic link: written through ({r.returncode}; {r.stderr.strip()!r})")

    for name in sorted(os.listdir(damaged)):
        if not name.endswith(".h5"):
            continue
        out = os.path.join(workdir, name + ".png")
        r = heatmap(mdasim, os.path.join(damaged, name), out)
        check(r.returncode == 2 and "damaged" in r.stderr and not os.path.exists(out),
              f"{name}: exit 2, said damaged, nothing written ({r.returncode}; {r.stderr.strip()[-300:]!r})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

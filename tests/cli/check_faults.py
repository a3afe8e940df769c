#!/usr/bin/python3
"""Faults that `mdasim run` and `mdasim compare` must survive without losing or faking data.

Usage: check_faults.py MDASIM DATA_DIR WORKDIR

DATA_DIR is tests/data/valid (sar/small-sar.yaml, sar/small-patrol.yaml, sar/many-outages.yaml,
compare/more-boats.yaml). Each check prints PASS, FAIL or SKIP with the reason; the exit status
is 1 if any failed.

1. A signal inside one long replication (SIGINT, SIGTERM): exit 130 long before the replication
   would have ended, nothing left in the output folder.
2. Signals at random moments of whole runs and comparisons (SIGINT, SIGTERM, SIGHUP; seeded, so
   the same moments every time): either exit 0 with both outputs complete (the results file
   opens and holds its summary, the JSON parses) or exit 130 with neither output nor any
   temporary file (or, for a signal in the first or last milliseconds, before the program has
   installed its handler or after it has committed its outputs, the end the system gives that
   signal, with nothing or everything written).
3. Two signals in a row: the second ends the program at once, with status 130, leaving no file.
4. Outputs that are not regular files (a device node made with mknod, a FIFO, a socket) are
   refused with exit 2 before anything runs, and stay what they were.
5. An output that is one of the command's inputs (the scenario, an option, its base, a geodata
   file) is refused with exit 2, and the input is unchanged.
6. An empty output name (-o "", --json "") is refused with exit 2, not ignored.
7. A symbolic link as the output is written through: the link stays, the file it names is written.
8. A full disk (a small tmpfs, where this process may mount one): exit 1, a message naming the
   file and the cause, and no file left; for the results file and for the JSON summary.
"""

import hashlib
import json
import os
import random
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time

from interrupt import finish, start

failures = []


def check(condition, what):
    print(("PASS: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fresh(workdir, name):
    path = os.path.join(workdir, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def results_complete(path):
    """Whether the results file opens and holds the baseline's summary table (h5py)."""
    code = ("import h5py, sys\n"
            "with h5py.File(sys.argv[1], 'r') as f:\n"
            "    assert len(f['baseline/tables/summary']) > 0\n")
    return subprocess.run(["/usr/bin/python3", "-c", code, path], capture_output=True).returncode == 0


def long_replication(mdasim, data, workdir):
    scenario = os.path.join(data, "sar", "many-outages.yaml")
    for sig in (signal.SIGINT, signal.SIGTERM):
        out = fresh(workdir, f"long-{sig.name}")
        proc = start([mdasim, "run", scenario, "--replications", "1", "--threads", "1",
                      "-o", os.path.join(out, "r.h5"), "--json", os.path.join(out, "r.json")])
        time.sleep(1.5)  # setup done, inside the one replication (which lasts a minute or more)
        proc.send_signal(sig)
        ended = finish(proc, 30)
        if ended is None:
            check(False, f"{sig.name} inside a replication ends the run within 30 s")
            continue
        status, _, err = ended
        check(status == 130, f"{sig.name} inside a replication: exit 130 (got {status}; {err.strip()[-200:]!r})")
        check("interrupted" in err, f"{sig.name}: stderr says interrupted")
        check(os.listdir(out) == [], f"{sig.name}: nothing left in the output folder ({os.listdir(out)})")


def random_signals(mdasim, data, workdir):
    patrol = os.path.join(data, "sar", "small-patrol.yaml")
    option = os.path.join(data, "compare", "more-boats.yaml")
    rng = random.Random(20261207)
    commands = [
        ("run", lambda o, j: [mdasim, "run", patrol, "--replications", "1000", "--threads", "2", "-o", o, "--json", j]),
        ("compare", lambda o, j: [mdasim, "compare", patrol, option, "--replications", "200", "--threads", "2",
                                  "-o", o, "--json", j]),
    ]
    for name, command in commands:
        # How long the whole command takes here, so that the signals fall across all of it.
        out = fresh(workdir, f"timing-{name}")
        t0 = time.monotonic()
        status, _, err = finish(start(command(os.path.join(out, "r.h5"), os.path.join(out, "r.json"))), 300)
        full_s = time.monotonic() - t0
        check(status == 0, f"{name} without a signal exits 0 ({err.strip()[-200:]!r})")
        finished = interrupted = early = 0
        for trial in range(12):
            out = fresh(workdir, f"random-{name}-{trial}")
            h5, js = os.path.join(out, "r.h5"), os.path.join(out, "r.json")
            sig = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
            delay_s = rng.uniform(0.0, 1.1 * full_s)
            proc = start(command(h5, js))
            time.sleep(delay_s)
            proc.send_signal(sig)
            ended = finish(proc, 60)
            what = f"{name} with {sig.name} after {delay_s:.2f} s"
            if ended is None:
                check(False, f"{what}: ends within 60 s")
                continue
            status, _, err = ended
            left = sorted(os.listdir(out))
            if status == 0:
                finished += 1
                ok = left == ["r.h5", "r.json"] and results_complete(h5)
                try:
                    with open(js) as f:
                        json.load(f)
                except (OSError, ValueError):
                    ok = False
                check(ok, f"{what}: finished, both outputs complete ({left})")
            elif status == -sig:
                # The signal came while the program was still starting, before its handler was in
                # place, or in its last microseconds, after its outputs were committed and the
                # handler removed: the system's default action ended it, with nothing written or
                # everything written.
                early += 1
                check(left == [] or (left == ["r.h5", "r.json"] and results_complete(h5)),
                      f"{what}: ended by the signal before starting or after finishing ({left})")
            else:
                interrupted += 1
                check(status == 130 and left == [], f"{what}: exit 130 and nothing left (got {status}, {left}; "
                                                    f"{err.strip()[-200:]!r})")
        print(f"  {name}: {finished} finished, {interrupted} interrupted, {early} ended by the signal, of 12")
        check(interrupted > 0, f"{name}: some of the signals came while it ran and were handled")


def double_signal(mdasim, data, workdir):
    scenario = os.path.join(data, "sar", "many-outages.yaml")
    out = fresh(workdir, "double")
    proc = start([mdasim, "run", scenario, "--replications", "1", "--threads", "1",
                  "-o", os.path.join(out, "r.h5"), "--json", os.path.join(out, "r.json")])
    time.sleep(1.5)
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGTERM)
    ended = finish(proc, 30)
    check(ended is not None and ended[0] == 130, f"two signals: exit 130 (got {ended and ended[0]})")
    check(os.listdir(out) == [], f"two signals: nothing left ({os.listdir(out)})")


def non_regular_outputs(mdasim, data, workdir):
    small = os.path.join(data, "sar", "small-sar.yaml")
    out = fresh(workdir, "special")
    targets = {}
    fifo = os.path.join(out, "fifo")
    os.mkfifo(fifo)
    targets["a FIFO"] = fifo
    node = os.path.join(out, "null")
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a scratch /dev/null of our own
        targets["a device"] = node
    except (PermissionError, OSError) as e:
        print(f"SKIP: device node output: cannot mknod here ({e})")
    sock_path = os.path.join(out, "sock")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(sock_path)
    targets["a socket"] = sock_path
    for kind, path in targets.items():
        mode = os.lstat(path).st_mode
        for flag in ("-o", "--json"):
            ended = finish(start([mdasim, "run", small, "--replications", "2", flag, path]), 60)
            status, _, err = ended if ended else (None, "", "")
            check(status == 2 and "regular file" in err and path in err,
                  f"{flag} {kind}: refused with exit 2 ({status}; {err.strip()!r})")
            check(os.lstat(path).st_mode == mode, f"{flag} {kind}: still {kind}")
    sock.close()
    check(sorted(os.listdir(out)) == sorted(os.path.basename(p) for p in targets.values()),
          f"no temporary file beside them ({os.listdir(out)})")


def outputs_are_inputs(mdasim, data, workdir):
    out = fresh(workdir, "inputs")
    for name in ("small-patrol.yaml", "land.geojson", "lanes.geojson"):
        shutil.copy(os.path.join(data, "sar", name), out)
    option = os.path.join(out, "more-boats.yaml")
    with open(os.path.join(data, "compare", "more-boats.yaml")) as f:
        text = f.read()
    with open(option, "w") as f:
        f.write(text.replace("../sar/small-patrol.yaml", "small-patrol.yaml"))
    scenario = os.path.join(out, "small-patrol.yaml")
    cases = [
        (["run", scenario, "--replications", "1", "-o", scenario], scenario),
        (["run", scenario, "--replications", "1", "--json", os.path.join(out, "land.geojson")],
         os.path.join(out, "land.geojson")),
        (["run", option, "--replications", "1", "-o", os.path.join(out, ".", "small-patrol.yaml")], scenario),
        (["compare", scenario, option, "--replications", "1", "--json", option], option),
        (["compare", scenario, option, "--replications", "1", "-o", os.path.join(out, "lanes.geojson")],
         os.path.join(out, "lanes.geojson")),
    ]
    for args, victim in cases:
        before = digest(victim)
        ended = finish(start([mdasim] + args), 120)
        status, _, err = ended if ended else (None, "", "")
        check(status == 2 and "a file this command reads" in err,
              f"{' '.join(args[:1] + args[-2:])}: refused with exit 2 ({status}; {err.strip()[-200:]!r})")
        check(digest(victim) == before, f"{os.path.basename(victim)} unchanged")


def empty_names(mdasim, data, workdir):
    small = os.path.join(data, "sar", "small-sar.yaml")
    patrol = os.path.join(data, "sar", "small-patrol.yaml")
    option = os.path.join(data, "compare", "more-boats.yaml")
    for args in (["run", small, "-o", ""], ["run", small, "--json", ""], ["compare", patrol, option, "-o", ""],
                 ["compare", patrol, option, "--json", ""]):
        ended = finish(start([mdasim] + args + ["--replications", "1"]), 60)
        status, _, err = ended if ended else (None, "", "")
        check(status == 2 and "needs a file name; it was given an empty one" in err,
              f"{args[0]} {args[-2]} '': refused with exit 2 ({status}; {err.strip()!r})")


def symlink_output(mdasim, data, workdir):
    small = os.path.join(data, "sar", "small-sar.yaml")
    out = fresh(workdir, "link")
    link = os.path.join(out, "latest.json")
    os.symlink("run-1.json", link)
    ended = finish(start([mdasim, "run", small, "--replications", "2", "--json", link]), 60)
    check(ended is not None and ended[0] == 0, "--json through a symbolic link: exit 0")
    check(os.path.islink(link) and os.path.isfile(os.path.join(out, "run-1.json")),
          f"the link stays and the file it names is written ({os.listdir(out)})")


def full_disk(mdasim, data, workdir):
    small = os.path.join(data, "sar", "small-sar.yaml")
    disk = fresh(workdir, "tmpfs")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", disk], capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"SKIP: full disk: cannot mount a small tmpfs here ({mounted.stderr.strip() or 'mount failed'})")
        return
    try:
        h5 = os.path.join(disk, "big.h5")
        ended = finish(start([mdasim, "run", small, "--replications", "400", "-o", h5]), 120)
        status, _, err = ended if ended else (None, "", "")
        check(status == 1, f"results file on a full disk: exit 1 (got {status})")
        check("big.h5" in err and "No space left on device" in err, f"the message names the file and the cause: {err.strip()!r}")
        check(os.listdir(disk) == [], f"no file left on the full disk ({os.listdir(disk)})")
        # Fill the disk, then ask for a JSON summary there.
        with open(os.path.join(disk, "filler"), "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        js = os.path.join(disk, "summary.json")
        ended = finish(start([mdasim, "run", small, "--replications", "2", "--json", js]), 120)
        status, _, err = ended if ended else (None, "", "")
        check(status == 1, f"JSON summary on a full disk: exit 1 (got {status})")
        check("summary.json" in err and "No space left on device" in err, f"the message names the file and the cause: {err.strip()!r}")
        check(os.listdir(disk) == ["filler"], f"no JSON and no temporary file left ({os.listdir(disk)})")
    finally:
        subprocess.run(["umount", disk], capture_output=True)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, data, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    long_replication(mdasim, data, workdir)
    random_signals(mdasim, data, workdir)
    double_signal(mdasim, data, workdir)
    non_regular_outputs(mdasim, data, workdir)
    outputs_are_inputs(mdasim, data, workdir)
    empty_names(mdasim, data, workdir)
    symlink_output(mdasim, data, workdir)
    full_disk(mdasim, data, workdir)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

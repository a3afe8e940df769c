#!/usr/bin/python3
"""Ctrl-C and the progress bar of `mdasim run`, which need a signal and a terminal.

Usage: check_run_signals.py MDASIM SCENARIO WORKDIR

1. A long run interrupted by SIGINT exits with status 130, says so on stderr, prints no table
   and leaves nothing in WORKDIR (neither the results file nor its temporary, nor the JSON).
2. With stderr on a pseudo-terminal, the progress bar is drawn there ("[###...]  n/N
   replications", redrawn with '\\r') and erased at the end; stdout gets no control characters.
"""

import os
import pty
import shutil
import subprocess
import sys

from interrupt import interrupt_after

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def interrupt(mdasim, scenario, workdir):
    out = os.path.join(workdir, "out.h5")
    summary = os.path.join(workdir, "out.json")
    # Far more replications than can finish in the second before the signal.
    ended = interrupt_after([mdasim, "run", scenario, "--replications", "200000", "--threads", "2",
                             "-o", out, "--json", summary], 1.0)
    if ended is None:
        check(False, "the run stops within 60 s of Ctrl-C")
        return
    status, stdout, stderr = ended
    check(status == 130, f"interrupted run exits 130 (got {status}; stderr {stderr!r})")
    check("interrupted" in stderr, f"stderr says it was interrupted: {stderr!r}")
    check("measure" not in stdout, "no table is printed for an interrupted run")
    check(os.listdir(workdir) == [], f"nothing is left in the output folder: {os.listdir(workdir)}")


def progress(mdasim, scenario):
    try:
        master, slave = pty.openpty()
    except OSError as e:  # no /dev/pts (a bare chroot or container): nothing to draw on
        print(f"SKIP: progress bar check: no pseudo-terminal ({e})")
        return
    proc = subprocess.Popen([mdasim, "run", scenario, "--replications", "40", "--threads", "2"],
                            stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO once the program has closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    stdout, _ = proc.communicate(timeout=60)
    os.close(master)
    text = terminal.decode(errors="replace")
    check(proc.returncode == 0, f"run with a terminal exits 0 (got {proc.returncode})")
    check("\r[" in text and "/40 replications" in text, f"the progress bar is drawn: {text!r}")
    check("[####################]  40/40 replications" in text, f"it reaches 40/40: {text!r}")
    check(text.endswith("\r"), f"the bar is erased at the end: {text[-40:]!r}")
    check(b"\r" not in stdout and b"measure" in stdout, "stdout holds the table and no control characters")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, scenario, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    interrupt(mdasim, scenario, workdir)
    progress(mdasim, scenario)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print("Ctrl-C and the progress bar behave")
    return 0


if __name__ == "__main__":
    sys.exit(main())

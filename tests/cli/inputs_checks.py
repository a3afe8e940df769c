"""Helpers shared by the inputs_*.py end-to-end checks: run mdasim with a time limit (an input
that hangs it fails the check instead of hanging the test), and record ok/FAIL lines."""

import os
import shutil
import subprocess
import sys

failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)
    return condition


def run(args, timeout=60, **kwargs):
    """Runs a command; a run that takes longer than `timeout` seconds is killed and reported as
    exit status None, with 'timed out' as its stderr."""
    try:
        return subprocess.run(args, capture_output=True, text=True, errors="replace", timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, None, "", "timed out")


def expect(result, status, stderr_part, what):
    """Checks the exit status and that stderr holds `stderr_part`, one message a line."""
    ok = check(result.returncode == status, f"{what}: exit status {status} (got {result.returncode})")
    ok = check(stderr_part in result.stderr, f"{what}: stderr says {stderr_part!r} (got {result.stderr.strip()!r})") and ok
    return ok


def small_sar_in(data, work, files):
    """Empties `work`, copies the named files of tests/data/valid/sar into it and returns the text
    of small-sar.yaml (bytes), for scenarios made from it."""
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    sar = os.path.join(data, "valid", "sar")
    for name in files:
        shutil.copy(os.path.join(sar, name), work)
    with open(os.path.join(sar, "small-sar.yaml"), "rb") as f:
        return f.read()


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("all checks passed")

#!/usr/bin/python3
"""Results are streamed to the results file: memory does not grow with the incidents of every
replication, and the file is the same, byte for byte, for any thread count.

Usage: check_streaming.py MDASIM SCENARIO_DIR WORKDIR

SCENARIO_DIR is tests/data/valid/sar (small-sar.yaml, small-patrol.yaml).

1. Peak memory (the process's maximum resident set) of `run small-sar.yaml -o` grows by less
   than 2 KB a replication from 2,000 to 20,000 replications. Holding every incident, as runs
   once did, took about 21 KB a replication (38 incidents of about 550 bytes each); what remains
   is the measures of each replication (about 0.5 KB). Skipped under AddressSanitizer, whose
   quarantine of freed memory counts as resident.
2. The incidents table of the 20,000 replications is complete: as many rows as the replications
   table's incident counts add up to, its row scale numbered 0..n-1, its replication column in
   order.
3. `run small-patrol.yaml -o` gives the same bytes with 1 and 3 threads, and again a moment later
   (no times are stored in the file).
"""

import os
import subprocess
import sys
import time

failures = []


def check(condition, what):
    print(("PASS: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def peak_kb(args):
    """Runs `args`; returns (exit status, peak resident set in KB)."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.stderr.close()
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, scenarios, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    small = os.path.join(scenarios, "small-sar.yaml")
    patrol = os.path.join(scenarios, "small-patrol.yaml")

    big = os.path.join(workdir, "big.h5")
    status_small, kb_small = peak_kb([mdasim, "run", small, "--replications", "2000", "--threads", "2",
                                      "-o", os.path.join(workdir, "small.h5")])
    status_big, kb_big = peak_kb([mdasim, "run", small, "--replications", "20000", "--threads", "2", "-o", big])
    check(status_small == 0 and status_big == 0, f"both runs exit 0 ({status_small}, {status_big})")
    growth = (kb_big - kb_small) * 1024 / 18000
    print(f"  peak memory: {kb_small} KB for 2,000 replications, {kb_big} KB for 20,000: {growth:.0f} bytes a replication")
    if "ASAN_OPTIONS" in os.environ or "TSAN_OPTIONS" in os.environ:
        print("SKIP: memory per replication under a sanitizer (its own allocator keeps freed memory)")
    else:
        check(growth < 2048, f"memory grows by less than 2 KB a replication ({growth:.0f} bytes)")

    try:
        import h5py
    except ImportError:
        print("SKIP: the file checks need python3-h5py")
        return 1 if failures else 0
    with h5py.File(big, "r") as f:
        incidents = f["baseline/tables/incidents"]
        replications = f["baseline/tables/replications"]
        expected = int(round(sum(replications["incidents"])))
        check(len(replications) == 20000, f"20,000 replications ({len(replications)})")
        check(len(incidents) == expected, f"the incidents table has every incident ({len(incidents)} of {expected})")
        rows = f["baseline/tables/incidents_row"][()]
        check(len(rows) == len(incidents) and all(rows[i] == i for i in (0, len(rows) // 2, len(rows) - 1)),
              "its row scale numbers the rows from 0")
        reps = incidents["replication"]
        check(bool((reps[1:] >= reps[:-1]).all()) and reps[0] == 0 and reps[-1] == 19999,
              "rows come in replication order")

    outputs = []
    for threads in ("1", "3"):
        out = os.path.join(workdir, f"patrol-{threads}.h5")
        done = subprocess.run([mdasim, "run", patrol, "--replications", "6", "--threads", threads, "-o", out],
                              capture_output=True)
        check(done.returncode == 0, f"small-patrol on {threads} threads exits 0")
        outputs.append(out)
        time.sleep(1.1)  # a later second: a stored time would differ
    with open(outputs[0], "rb") as a, open(outputs[1], "rb") as b:
        check(a.read() == b.read(), "the results file is the same, byte for byte, on 1 and 3 threads")

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

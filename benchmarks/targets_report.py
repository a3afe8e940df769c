#!/usr/bin/python3
"""Prints the table of benchmarks/run-targets.sh from the JSON its runs wrote in one folder:
scaling_<threads>_<run>.json and memory_005.json (macro_baseline --json), coverage.json
(bench_coverage --benchmark_format=json) and commands.txt (the commands, one a line).

    /usr/bin/python3 benchmarks/targets_report.py OUT_DIR --runs N [--load-start X --load-end Y]
"""

import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers"))
from report import cpu_model, load, print_table, si  # noqa: E402  (the peers' table, same format)

MAX_REPLICATION_S = 2.0       # a baseline replication with ISR at 0.1 degree, one core
MIN_SPEEDUP = 1.8             # replications per second, 2 threads over 1
MAX_PEAK_MB = 512.0           # whole run at 0.05 degree
MIN_CELL_UPDATES_PER_S = 5e8  # coverage accumulator


def memory_gb():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return kb / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return float("nan")


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def coverage_rate(bench):
    """BM_CoverageAdd's cell_updates_per_s: the median of its repetitions."""
    for b in bench.get("benchmarks", []):
        if b.get("run_name") == "BM_CoverageAdd" and b.get("aggregate_name") == "median":
            return b["cell_updates_per_s"]
    sys.exit("targets_report: coverage.json has no median of BM_CoverageAdd (run it with --benchmark_repetitions)")


def yes(ok):
    return "yes" if ok else "no"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--load-start", default="?")
    parser.add_argument("--load-end", default="?")
    args = parser.parse_args()

    one = [load(args.folder, "scaling_1_%d.json" % k) for k in range(1, args.runs + 1)]
    two = [load(args.folder, "scaling_2_%d.json" % k) for k in range(1, args.runs + 1)]
    memory = load(args.folder, "memory_005.json")
    cover = coverage_rate(load(args.folder, "coverage.json"))

    per_rep_s = [r["run_s"] / r["replications"] for r in one]
    speedups = [b["replications_per_s"] / a["replications_per_s"] for a, b in zip(one, two)]
    cores_two = [b["cpu_per_wall"] for b in two]
    rep_s = statistics.median(per_rep_s)
    speedup = statistics.median(speedups)
    events_per_s = statistics.median(r["events_per_s"] for r in one)

    print("Machine: %s, %d cores, %.0f GB; commit %s; load average %s at the start, %s at the end"
          % (cpu_model(), os.cpu_count() or 0, memory_gb(), commit(), args.load_start, args.load_end))
    print()
    rows = [
        ("baseline replication with ISR, 0.1 deg, one core (wall s each)",
         "%.3f (%.3f-%.3f)" % (rep_s, min(per_rep_s), max(per_rep_s)), "<= %g" % MAX_REPLICATION_S,
         yes(rep_s <= MAX_REPLICATION_S)),
        ("replications per second, 2 threads / 1 thread",
         "%.2f (%.2f-%.2f)" % (speedup, min(speedups), max(speedups)), ">= %g" % MIN_SPEEDUP,
         yes(speedup >= MIN_SPEEDUP)),
        ("peak memory, whole run at 0.05 deg (MB, getrusage)", "%.1f" % memory["peak_rss_mb"],
         "<= %g" % MAX_PEAK_MB, yes(memory["peak_rss_mb"] <= MAX_PEAK_MB)),
        ("coverage accumulation (cell updates per CPU s)", si(cover), ">= %s" % si(MIN_CELL_UPDATES_PER_S),
         yes(cover >= MIN_CELL_UPDATES_PER_S)),
        ("SAR-world events per second, one thread", si(events_per_s), "-", "-"),
        ("peak memory, whole run at 0.1 deg, one thread (MB)", "%.1f" % max(r["peak_rss_mb"] for r in one), "-", "-"),
        ("setup at 0.1 deg (s: loading, geography, distance fields)",
         "%.2f" % statistics.median(r["setup_s"] for r in one), "-", "-"),
    ]
    print_table(rows, ["figure", "measured (median, range over runs)", "target", "met"])
    print()
    print("Runs: %d of each thread count, %d replications each, one process per run; 0.05 deg: %d replications."
          % (args.runs, one[0]["replications"], memory["replications"]))
    print("cpu/wall of the 2-thread runs: %s (2.0 when the process had both cores)"
          % ", ".join("%.2f" % c for c in cores_two))
    if min(cores_two) < 1.8:
        print("note: a 2-thread run got less than 1.8 cores of CPU: the machine was shared, and the speed-up "
              "measures the machine, not the program")
    print()
    print("Commands:")
    with open(os.path.join(args.folder, "commands.txt")) as f:
        for command in f:
            print("  " + command.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())

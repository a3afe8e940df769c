#!/usr/bin/env bash
# mdasim's own performance targets, measured in one run on this machine (benchmarks/README.md,
# "Targets"): a baseline replication with ISR at 0.1 degree on one core, two threads against one
# on replications, peak memory at 0.05 degree, and the coverage accumulator's cell updates per
# second. Builds what it needs with the release preset, runs each whole-run configuration as a
# process of its own (`macro_baseline --json`, so the peak resident set is that configuration's)
# and prints the table with the machine, the commit, the load average and the exact commands.
# The comparison with other simulators is benchmarks/run-peers.sh.
#
#   benchmarks/run-targets.sh              # JSON outputs in a temporary folder, removed at the end
#   benchmarks/run-targets.sh --keep DIR   # keep them in DIR
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1  # keep __pycache__ out of the source tree

# Sizes: enough replications that the setup is not part of the figure and the two-thread run
# has work to share; three runs of each scaling configuration, alternating, for their median.
scaling_reps=40
scaling_runs=3
memory_reps=2

# shellcheck source=benchmarks/output_folder.sh
source benchmarks/output_folder.sh "$@"

echo "run-targets: building (release preset)" >&2
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target macro_baseline bench_coverage >/dev/null
bin=build/release/benchmarks
commands="$out/commands.txt"
: >"$commands"
run() {  # run OUTPUT COMMAND...: records the command, runs it with its JSON into OUTPUT
  local target=$1
  shift
  echo "$*" >>"$commands"
  "$@" >"$out/$target"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for k in $(seq 1 "$scaling_runs"); do
  echo "run-targets: baseline, $scaling_reps replications, 1 then 2 threads (run $k of $scaling_runs)" >&2
  run "scaling_1_$k.json" "$bin/macro_baseline" --replications "$scaling_reps" --threads 1 --json
  run "scaling_2_$k.json" "$bin/macro_baseline" --replications "$scaling_reps" --threads 2 --json
done
echo "run-targets: baseline at 0.05 degree, $memory_reps replications on 2 threads (peak memory)" >&2
run memory_005.json "$bin/macro_baseline" --grid 0.05 --replications "$memory_reps" --threads 2 --json
echo "run-targets: coverage accumulator (bench_coverage BM_CoverageAdd)" >&2
run coverage.json "$bin/bench_coverage" --benchmark_filter='^BM_CoverageAdd$' --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_format=json
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

"$python" benchmarks/targets_report.py "$out" --runs "$scaling_runs" --load-start "$load_start" --load-end "$load_end"

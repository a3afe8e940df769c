#!/usr/bin/env bash
# mdasim against its peers, side by side on this machine in one run (benchmarks/peers/README.md):
# the hold model (mdasim's EventQueue, std::priority_queue, ns-3's schedulers where the build
# has them, SimPy), an M/M/c queue (mdasim's event kernel alone, benchmarks/mmc_kernel.hpp, and its
# whole SAR engine on tests/validation/scenarios/mmc-heavy.yaml, against SimPy's Resource model)
# and the SAR model on benchmarks/peers/sar-reduced.yaml, mdasim against SimPy 2.3.1 on the same
# incidents (SimPy given mdasim's distances to the air bases, and, with python3-geographiclib,
# solving them itself as mdasim does). Builds what it needs with the release preset, runs everything once, and prints a
# table of ratios with their targets, the Erlang C agreement of the three M/M/c runs and how many SAR
# incidents SimPy and mdasim agree on. A few minutes on two cores.
#
#   benchmarks/run-peers.sh              # JSON outputs in a temporary folder, removed at the end
#   benchmarks/run-peers.sh --keep DIR   # keep them in DIR
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1  # keep __pycache__ out of the source tree
if ! "$python" -c 'import SimPy.Simulation' 2>/dev/null; then
  echo "run-peers: $python cannot import SimPy 2 (package python3-simpy): run tools/install-deps.sh" >&2
  exit 2
fi

# Sizes of the runs: enough for stable figures and tight intervals, small enough for minutes.
hold_events=1000000        # SimPy hold events per size (about)
mmc_kernel_reps=1000       # M/M/c on mdasim's event kernel (366 d, about 19,700 customers each)
mmc_mdasim_reps=100        # M/M/c on mdasim's whole SAR engine
mmc_simpy_reps=30          # SimPy's
sar_reps=20                # SAR replications exported and run by both sides
sar_mdasim_min_s=2         # mdasim repeats the SAR replications for at least this long
sar_rounds=5               # SAR: mdasim and SimPy taken in turn this many times; medians reported

# shellcheck source=benchmarks/output_folder.sh
source benchmarks/output_folder.sh "$@"

echo "run-peers: building (release preset)" >&2
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target bench_event_queue peer_mdasim peer_export >/dev/null
bin=build/release/benchmarks
# ns-3's schedulers on the hold model, where the build has them (BM_HoldNs3Map, ...Heap,
# ...Calendar in bench_ns3_scheduler, built when libns3-dev is found); the table shows n/a otherwise.
ns3=""
if grep -q 'bench_ns3_scheduler' build/release/build.ninja 2>/dev/null &&
   cmake --build --preset release -j2 --target bench_ns3_scheduler >/dev/null 2>&1; then
  ns3="$bin/bench_ns3_scheduler"
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "run-peers: hold model, mdasim (bench_event_queue)" >&2
"$bin/bench_event_queue" --benchmark_filter='^BM_Hold[A-Za-z0-9]*/(1000|100000|1000000)$' \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json \
  >"$out/hold_mdasim.json"
if [ -n "$ns3" ]; then
  echo "run-peers: hold model, ns-3 schedulers (bench_ns3_scheduler)" >&2
  "$ns3" --benchmark_filter='^BM_HoldNs3(Map|Heap|Calendar)/(1000|100000|1000000)$' \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json >"$out/hold_ns3.json"
fi
echo "run-peers: hold model, SimPy (10^3, 10^5, 10^6 pending)" >&2
"$python" benchmarks/peers/hold_simpy.py --sizes 1000,100000,1000000 --events "$hold_events" >"$out/hold_simpy.json"
echo "run-peers: M/M/c, mdasim's event kernel" >&2
"$bin/peer_mdasim" mmc-kernel --replications "$mmc_kernel_reps" >"$out/mmc_kernel.json"
echo "run-peers: M/M/c, mdasim's whole SAR engine" >&2
"$bin/peer_mdasim" mmc tests/validation/scenarios/mmc-heavy.yaml --replications "$mmc_mdasim_reps" >"$out/mmc_mdasim.json"
echo "run-peers: M/M/c, SimPy" >&2
"$python" benchmarks/peers/mmc_simpy.py --replications "$mmc_simpy_reps" >"$out/mmc_simpy.json"
echo "run-peers: SAR, exporting mdasim's incidents and records" >&2
"$bin/peer_export" benchmarks/peers/sar-reduced.yaml --replications "$sar_reps" -o "$out/sar_export.json"
geodesics=yes  # SimPy solving its own geodesics too, where python3-geographiclib is installed
"$python" -c 'import geographiclib.geodesic' 2>/dev/null || geodesics=no
for round in $(seq 1 "$sar_rounds"); do
  echo "run-peers: SAR, round $round of $sar_rounds: mdasim, then SimPy (distances given$([ $geodesics = yes ] && echo ', then solved'))" >&2
  "$bin/peer_mdasim" sar benchmarks/peers/sar-reduced.yaml --replications "$sar_reps" --min-time "$sar_mdasim_min_s" \
    >"$out/sar_mdasim_$round.json"
  "$python" benchmarks/peers/sar_simpy.py "$out/sar_export.json" >"$out/sar_simpy_$round.json"
  if [ $geodesics = yes ]; then
    "$python" benchmarks/peers/sar_simpy.py "$out/sar_export.json" --geodesics >"$out/sar_simpy_geodesics_$round.json"
  fi
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

"$python" benchmarks/peers/report.py "$out" --load-start "$load_start" --load-end "$load_end"

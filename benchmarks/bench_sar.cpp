// Cost of the SAR simulation on the shipped ASEAN baseline (scenarios/asean-baseline.yaml: one
// simulated year, 346 SAR units): one replication on one core, the one-off setup (the ports'
// over-water distance fields) on 1 and 2 threads, and 16 replications through run_replications
// on 1 and 2 threads. The scenario and its geography are loaded and built once per process,
// outside every timed loop. Results and the commands that produced them: benchmarks/README.md.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/geography.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "run/replication_runner.hpp"
#include "scenario/load.hpp"
#include "baseline_scenario.hpp"
#include "process_usage.hpp"

namespace {

using mdasim::bench::baseline;

using mdasim::bench::baseline_geography;
using mdasim::bench::process_cpu_s;

// Process CPU time over wall time across the timed loop: about the number of threads kept busy
// (near 2 for two threads on an otherwise idle 2-core machine; lower when other work competes).
// The benchmark's own CPU column counts only the main thread, which here mostly waits.
void report_parallelism(benchmark::State& state, double cpu_s, double wall_s) {
  state.counters["cpu_per_wall"] = wall_s > 0.0 ? cpu_s / wall_s : 0.0;
}

// The baseline's setup, built once per process (on one thread: the result does not depend on it).
const mdasim::SarSetup& baseline_setup() {
  static const mdasim::SarSetup setup(baseline(), baseline_geography(), 1);
  return setup;
}

// One replication of the baseline year on the calling thread. The replication index advances
// every iteration, so each iteration simulates a different year (nothing can be reused).
void BM_BaselineReplication(benchmark::State& state) {
  const mdasim::SarSetup& setup = baseline_setup();
  const std::uint64_t seed = baseline().run.seed;
  std::uint64_t replication = 0;
  std::uint64_t events = 0;
  std::uint64_t incidents = 0;
  for (auto _ : state) {
    mdasim::SarReplicationResult result =
        mdasim::run_sar_replication(setup, mdasim::ReplicationKey{seed, 0, replication++});
    events += result.events;
    incidents += result.incidents.size();
    benchmark::DoNotOptimize(result);
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events_per_rep"] = static_cast<double>(events) / n;
  state.counters["incidents_per_rep"] = static_cast<double>(incidents) / n;
  state.counters["units"] = static_cast<double>(setup.units().size());
}
BENCHMARK(BM_BaselineReplication)->Unit(benchmark::kMillisecond);

// The one-off setup: SAR units, sweep widths, delay matrices, placement samplers and, above all,
// the over-water distance field of every port that SAR vessels sail from, on `threads` threads.
void BM_BaselineSetup(benchmark::State& state) {
  const auto threads = static_cast<unsigned>(state.range(0));
  const mdasim::Scenario& scenario = baseline();
  const mdasim::Geography& geography = baseline_geography();
  std::size_t fields = 0;
  std::size_t units = 0;
  const double cpu0 = process_cpu_s();
  const auto wall0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const mdasim::SarSetup setup(scenario, geography, threads);
    fields = setup.sea_fields().size();
    units = setup.units().size();
    benchmark::DoNotOptimize(&setup);
  }
  report_parallelism(state, process_cpu_s() - cpu0,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count());
  state.counters["port_fields"] = static_cast<double>(fields);
  state.counters["units"] = static_cast<double>(units);
}
BENCHMARK(BM_BaselineSetup)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// 16 replications of the baseline year through run_replications on `threads` threads (wall
// time). Each iteration takes the next 16 replication indices.
void BM_ReplicationsScaling(benchmark::State& state) {
  constexpr std::size_t kReplications = 16;
  const auto threads = static_cast<unsigned>(state.range(0));
  const mdasim::SarSetup& setup = baseline_setup();
  const std::uint64_t seed = baseline().run.seed;
  std::uint64_t first = 0;
  std::uint64_t events = 0;
  const double cpu0 = process_cpu_s();
  const auto wall0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const std::uint64_t base = first;
    std::vector<mdasim::SarReplicationResult> results =
        mdasim::run_replications<mdasim::SarReplicationResult>(kReplications, threads, [&](std::size_t i) {
          return mdasim::run_sar_replication(setup, mdasim::ReplicationKey{seed, 0, base + i});
        });
    first += kReplications;
    for (const auto& r : results) events += r.events;
    benchmark::DoNotOptimize(results);
  }
  report_parallelism(state, process_cpu_s() - cpu0,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count());
  state.counters["replications_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(kReplications), benchmark::Counter::kIsRate);
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReplicationsScaling)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

// Cost of the map fields on the shipped ASEAN baseline: the analytic SAR response-time field
// (every sea cell against every SAR asset entry) on 1 and 2 threads, one replication of the
// fixed sensors' coverage (outage periods, footprints, the accumulator), and the accumulator's
// raw throughput in cell updates per second. Results and commands: benchmarks/README.md.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "baseline_scenario.hpp"
#include "core/random_stream.hpp"
#include "metrics/coverage.hpp"
#include "model/fixed_sensors.hpp"
#include "model/response_field.hpp"
#include "model/sar_setup.hpp"

namespace {

using mdasim::bench::baseline;
using mdasim::bench::baseline_geography;

const mdasim::SarSetup& baseline_setup() {
  static const mdasim::SarSetup setup(baseline(), baseline_geography(), 2);
  return setup;
}

void BM_ResponseField(benchmark::State& state) {
  const mdasim::SarSetup& setup = baseline_setup();
  mdasim::ResponseFieldOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::size_t sea = 0;
  for (auto _ : state) {
    const mdasim::ResponseField f = mdasim::analytic_response_field(setup, options);
    benchmark::DoNotOptimize(f.expected_response_h.data());
  }
  sea = baseline_geography().sea.sea_cell_count();
  state.counters["sea_cells"] = static_cast<double>(sea);
  state.counters["cells_per_s"] = benchmark::Counter(static_cast<double>(sea), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ResponseField)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FixedSensorCoverageReplication(benchmark::State& state) {
  const mdasim::Scenario& sc = baseline();
  const mdasim::Geography& geo = baseline_geography();
  const mdasim::FixedSensorSetup sensors(sc, geo, mdasim::coverage_target_height_m(sc));
  std::uint64_t r = 0;
  for (auto _ : state) {
    mdasim::CoverageAccumulator radar(geo.grid().size(), sc.run.warmup_h, sc.run.duration_h);
    mdasim::CoverageAccumulator ais(geo.grid().size(), sc.run.warmup_h, sc.run.duration_h);
    mdasim::add_fixed_sensor_coverage(sensors, {sc.run.seed, 0, r++}, radar, ais);
    benchmark::DoNotOptimize(radar.covered_seconds(0));
  }
  std::size_t cells = 0;
  for (const auto& f : sensors.footprints()) cells += f.cells.size();
  state.counters["footprint_cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_FixedSensorCoverageReplication)->Unit(benchmark::kMillisecond);

// Intervals for 10,000 cells, 50 per cell, in start order per cell (as a sensor delivers them).
void BM_CoverageAdd(benchmark::State& state) {
  constexpr std::size_t kCells = 10000;
  constexpr std::size_t kPerCell = 50;
  std::vector<mdasim::CoverageInterval> intervals;
  intervals.reserve(kCells * kPerCell);
  mdasim::RandomStream rng(1, 0, 0, mdasim::StreamPurpose::kTest);
  for (std::size_t k = 0; k < kPerCell; ++k) {
    for (std::size_t c = 0; c < kCells; ++c) {
      const double start = 170.0 * static_cast<double>(k) + 100.0 * rng.uniform();
      intervals.push_back({c, start, start + 100.0 * rng.uniform()});
    }
  }
  for (auto _ : state) {
    mdasim::CoverageAccumulator acc(kCells, 0.0, 8760.0);
    for (const auto& i : intervals) acc.add(i);
    acc.finish();
    benchmark::DoNotOptimize(acc.covered_seconds(0));
  }
  state.counters["cell_updates_per_s"] =
      benchmark::Counter(static_cast<double>(intervals.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CoverageAdd)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Cost of the map fields on the shipped ASEAN baseline: the analytic SAR response-time field
// (every sea cell against every SAR asset entry) on 1 and 2 threads, one replication of the
// fixed sensors' coverage (outage periods, footprints, the accumulator), and the accumulator's
// throughput in cell updates per second: on the engine's path (a replication grouped by cell,
// add_replication), on the one-by-one paths before it, and the grouping by cell. Results and
// commands: benchmarks/README.md.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "baseline_scenario.hpp"
#include "core/random_stream.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
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

// The accumulator's input: 10,000 cells, 50 intervals per cell in start order per cell (as a
// sensor delivers them), cell after cell within each round: 500,000 intervals in hours.
std::vector<mdasim::CoverageInterval> accumulator_intervals() {
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
  return intervals;
}
constexpr std::size_t kAccumulatorCells = 10000;
constexpr double kAccumulatorWindowH = 8760.0;

// The same intervals in window seconds, in the order given (unsorted by cell).
std::vector<mdasim::CoverageSeconds> accumulator_seconds(const mdasim::CoverageAccumulator& window) {
  std::vector<mdasim::CoverageSeconds> seconds;
  window.append_clipped(accumulator_intervals(), seconds);
  return seconds;
}

void set_rate(benchmark::State& state, std::size_t intervals) {
  state.counters["cell_updates_per_s"] =
      benchmark::Counter(static_cast<double>(intervals), benchmark::Counter::kIsIterationInvariantRate);
}

// The engine's path (run/isr_fields.cpp): a replication's intervals, grouped by cell and start
// (untimed), added as one replication to the run's accumulator (add_replication). One cell
// update is one interval.
void BM_CoverageAdd(benchmark::State& state) {
  mdasim::CoverageAccumulator acc(kAccumulatorCells, 0.0, kAccumulatorWindowH);
  mdasim::CoverageByCell by_cell;
  mdasim::CoverageSorter sorter;
  sorter.sort(accumulator_seconds(acc), by_cell);
  for (auto _ : state) {
    acc.add_replication(by_cell);
    benchmark::DoNotOptimize(acc.covered_seconds(0));
  }
  set_rate(state, by_cell.size());
}
BENCHMARK(BM_CoverageAdd)->Unit(benchmark::kMillisecond);

// The engine's path before add_replication: the intervals in seconds sorted by cell (untimed),
// added one by one (add_seconds) to a replication's accumulator, reset first, then finished and
// merged into the run's.
void BM_CoverageAddSeconds(benchmark::State& state) {
  mdasim::CoverageAccumulator run(kAccumulatorCells, 0.0, kAccumulatorWindowH);
  mdasim::CoverageAccumulator replication(kAccumulatorCells, 0.0, kAccumulatorWindowH);
  std::vector<mdasim::CoverageSeconds> seconds = accumulator_seconds(run);
  mdasim::CoverageSorter sorter;
  sorter.sort(seconds);
  for (auto _ : state) {
    replication.reset();
    replication.add_seconds(seconds);
    replication.finish();
    run.merge(replication);
    benchmark::DoNotOptimize(run.covered_seconds(0));
  }
  set_rate(state, seconds.size());
}
BENCHMARK(BM_CoverageAddSeconds)->Unit(benchmark::kMillisecond);

// Single add() calls in hours, into a fresh accumulator, then finish (the benchmark of this name
// before add_replication, as BM_CoverageAdd).
void BM_CoverageAddSingle(benchmark::State& state) {
  const std::vector<mdasim::CoverageInterval> intervals = accumulator_intervals();
  for (auto _ : state) {
    mdasim::CoverageAccumulator acc(kAccumulatorCells, 0.0, kAccumulatorWindowH);
    for (const auto& i : intervals) acc.add(i);
    acc.finish();
    benchmark::DoNotOptimize(acc.covered_seconds(0));
  }
  set_rate(state, intervals.size());
}
BENCHMARK(BM_CoverageAddSingle)->Unit(benchmark::kMillisecond);

// Grouping the intervals in seconds, in the order given, by cell and start (CoverageSorter into a
// CoverageByCell): what the engine does before add_replication. Intervals per second.
void BM_CoverageSortByCell(benchmark::State& state) {
  const mdasim::CoverageAccumulator window(kAccumulatorCells, 0.0, kAccumulatorWindowH);
  const std::vector<mdasim::CoverageSeconds> seconds = accumulator_seconds(window);
  mdasim::CoverageByCell by_cell;
  mdasim::CoverageSorter sorter;
  for (auto _ : state) {
    sorter.sort(seconds, by_cell);
    benchmark::DoNotOptimize(by_cell.size());
  }
  state.counters["intervals_per_s"] =
      benchmark::Counter(static_cast<double>(seconds.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CoverageSortByCell)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

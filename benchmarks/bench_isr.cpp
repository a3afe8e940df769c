// Cost of ISR in a replication of the shipped ASEAN baseline (scenarios/asean-baseline.yaml):
// the SAR replication alone (no patrols) as the reference, one whole replication as `mdasim run`
// does it (SAR with patrols, ISR targets drawn and detected, fixed-sensor and patrol coverage,
// target maps), the whole replication's ratio to the reference, and its pieces, at the
// scenario's 0.1 degree grid and at 0.05 degree. Setups are built once per grid, outside every
// timed loop. Results and the commands that produced them: benchmarks/README.md.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "baseline_scenario.hpp"
#include "process_usage.hpp"
#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
#include "model/fixed_sensors.hpp"
#include "model/isr_replication.hpp"
#include "model/patrol_coverage.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "model/target_detection.hpp"
#include "model/targets.hpp"
#include "run/isr_fields.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using mdasim::bench::peak_rss_kb;
using mdasim::bench::process_cpu_s;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

mdasim::Geography built_geography(const mdasim::Scenario& scenario) {
  mdasim::Diagnostics diagnostics;
  std::optional<mdasim::Geography> geo = mdasim::build_geography(scenario, diagnostics);
  if (!geo) {
    diagnostics.print(std::cerr);
    std::abort();
  }
  return std::move(*geo);
}

// Everything `mdasim run` prepares before its replications, for the baseline on a grid of
// `cell_deg`: the scenario (a copy with that grid), its geography, the SAR, patrol and ISR setups
// and the run's ISR fields. Built in place and never moved (the setups point into it).
struct World {
  explicit World(double cell_deg)
      : scenario(with_grid(cell_deg)),
        geography(built_geography(scenario)),
        sar(scenario, geography, 2),  // the ports' fields on both cores; the result does not depend on it
        patrols(scenario, geography, sar),
        isr(scenario, geography, sar, &patrols),
        fields(scenario, geography, patrols),
        coverage(patrols, geography, mdasim::coverage_search_object(scenario)),
        peak_rss_after_setup_kb(peak_rss_kb()) {}
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  static mdasim::Scenario with_grid(double cell_deg) {
    mdasim::Scenario s = mdasim::bench::baseline();
    s.region.cell_deg = cell_deg;
    return s;
  }

  [[nodiscard]] mdasim::ReplicationKey key(std::uint64_t replication) const {
    return {scenario.run.seed, 0, replication};
  }

  mdasim::Scenario scenario;
  mdasim::Geography geography;
  mdasim::SarSetup sar;
  mdasim::PatrolSetup patrols;
  mdasim::IsrSetup isr;
  mdasim::IsrFields fields;
  mdasim::PatrolCoverageSetup coverage;
  double peak_rss_after_setup_kb;
};

// The world of grid `centi_deg` hundredths of a degree (10 or 5), built on first use.
World& world(std::int64_t centi_deg) {
  if (centi_deg == 10) {
    static World w(0.1);
    return w;
  }
  static World w(0.05);
  return w;
}

// One replication as `mdasim run` does it; returns (targets, sorties) for the counters.
std::pair<std::size_t, std::size_t> whole_replication(World& w, const mdasim::ReplicationKey& key) {
  mdasim::SarReplicationResult result = mdasim::run_sar_replication(w.sar, &w.patrols, key);
  mdasim::IsrReplicationResult targets = mdasim::run_isr_replication(w.isr, key, result.sorties);
  w.fields.add_replication(key, result.sorties, targets.records);
  benchmark::DoNotOptimize(result);
  benchmark::DoNotOptimize(targets);
  return {targets.records.size(), result.sorties.size()};
}

// (a) The reference: the SAR replication alone (no patrols, no ISR).
void BM_SarReplication(benchmark::State& state) {
  World& w = world(state.range(0));
  std::uint64_t r = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    mdasim::SarReplicationResult result = mdasim::run_sar_replication(w.sar, w.key(r++));
    events += result.events;
    benchmark::DoNotOptimize(result);
  }
  state.counters["events_per_rep"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SarReplication)->Arg(10)->Arg(5)->Unit(benchmark::kMillisecond);

// (b) One whole replication, as `mdasim run` does it. After each timed replication the reference
// (a) runs untimed on the same key, so that `ratio_to_sar`, the whole replication's wall time
// over the reference's, compares the two under the same load on the machine.
void BM_WholeReplication(benchmark::State& state) {
  World& w = world(state.range(0));
  std::uint64_t r = 0;
  double whole_s = 0.0;
  double sar_s = 0.0;
  std::size_t targets = 0;
  std::size_t sorties = 0;
  const double cpu0 = process_cpu_s();
  const auto wall0 = Clock::now();
  for (auto _ : state) {
    const mdasim::ReplicationKey key = w.key(r++);
    const auto t0 = Clock::now();
    const auto [n_targets, n_sorties] = whole_replication(w, key);
    whole_s += seconds_since(t0);
    targets += n_targets;
    sorties += n_sorties;
    state.PauseTiming();
    const auto t1 = Clock::now();
    mdasim::SarReplicationResult reference = mdasim::run_sar_replication(w.sar, key);
    sar_s += seconds_since(t1);
    benchmark::DoNotOptimize(reference);
    state.ResumeTiming();
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["ratio_to_sar"] = sar_s > 0.0 ? whole_s / sar_s : 0.0;
  state.counters["sar_ms"] = 1000.0 * sar_s / n;
  state.counters["targets_per_rep"] = static_cast<double>(targets) / n;
  state.counters["sorties_per_rep"] = static_cast<double>(sorties) / n;
  state.counters["cpu_per_wall"] = (process_cpu_s() - cpu0) / seconds_since(wall0);
  state.counters["grid_cells"] = static_cast<double>(w.geography.grid().size());
  state.counters["peak_rss_setup_kB"] = w.peak_rss_after_setup_kb;
  state.counters["peak_rss_kB"] = peak_rss_kb();
}
BENCHMARK(BM_WholeReplication)->Arg(10)->Arg(5)->Unit(benchmark::kMillisecond);

// The inputs of the pieces, for a few replications of the 0.1 degree world: the sorties the SAR
// world flew, the targets drawn, the fixed sensors' up periods and the sorties' tracks.
struct PieceInputs {
  mdasim::ReplicationKey key;
  std::vector<mdasim::PatrolSortie> sorties;
  std::vector<mdasim::Target> targets;
  std::vector<mdasim::UpPeriods> up;
  std::vector<mdasim::SortieTrack> tracks;
};
constexpr std::size_t kPieceReplications = 4;

const std::vector<PieceInputs>& piece_inputs() {
  static const std::vector<PieceInputs> inputs = [] {
    World& w = world(10);
    std::vector<PieceInputs> out;
    for (std::uint64_t r = 0; r < kPieceReplications; ++r) {
      PieceInputs in;
      in.key = w.key(r);
      in.sorties = mdasim::run_sar_replication(w.sar, &w.patrols, in.key).sorties;
      in.targets = mdasim::draw_targets(w.isr.targets(), in.key);
      in.up = mdasim::fixed_sensors_up_periods(w.scenario, in.key,
                                               std::max(w.scenario.run.duration_h, mdasim::latest_leave_h(in.targets)));
      in.tracks = mdasim::sortie_tracks(w.patrols, in.sorties);
      out.push_back(std::move(in));
    }
    return out;
  }();
  return inputs;
}

// The SAR world with patrols flying (sorties, retasking, ISR alerts of incidents).
void BM_SarWithPatrols(benchmark::State& state) {
  World& w = world(10);
  std::uint64_t r = 0;
  for (auto _ : state) {
    mdasim::SarReplicationResult result = mdasim::run_sar_replication(w.sar, &w.patrols, w.key(r++));
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_SarWithPatrols)->Unit(benchmark::kMillisecond);

// The ISR model of a replication: targets drawn, detected by fixed sensors and patrols, measures.
void BM_IsrReplication(benchmark::State& state) {
  World& w = world(10);
  const std::vector<PieceInputs>& inputs = piece_inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const PieceInputs& in = inputs[i++ % inputs.size()];
    mdasim::IsrReplicationResult result = mdasim::run_isr_replication(w.isr, in.key, in.sorties);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_IsrReplication)->Unit(benchmark::kMillisecond);

// Drawing the targets and their tracks (draw_targets).
void BM_DrawTargets(benchmark::State& state) {
  World& w = world(10);
  std::uint64_t r = 0;
  std::size_t targets = 0;
  std::size_t points = 0;
  for (auto _ : state) {
    const std::vector<mdasim::Target> drawn = mdasim::draw_targets(w.isr.targets(), w.key(r++));
    targets += drawn.size();
    for (const mdasim::Target& t : drawn) points += t.track.size();
    benchmark::DoNotOptimize(drawn.data());
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["targets_per_rep"] = static_cast<double>(targets) / n;
  state.counters["track_points_per_rep"] = static_cast<double>(points) / n;
}
BENCHMARK(BM_DrawTargets)->Unit(benchmark::kMillisecond);

// Detection of the drawn targets by the fixed sensors (their up periods drawn, then every target).
void BM_FixedTargetDetection(benchmark::State& state) {
  World& w = world(10);
  const std::vector<PieceInputs>& inputs = piece_inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const PieceInputs& in = inputs[i++ % inputs.size()];
    const std::vector<mdasim::UpPeriods> up = mdasim::fixed_sensors_up_periods(
        w.scenario, in.key, std::max(w.scenario.run.duration_h, mdasim::latest_leave_h(in.targets)));
    std::size_t detected = 0;
    for (const mdasim::Target& t : in.targets) {
      detected += mdasim::first_fixed_detection(t, w.isr.sensors(), up, w.isr.routing()).detected ? 1u : 0u;
    }
    benchmark::DoNotOptimize(detected);
  }
}
BENCHMARK(BM_FixedTargetDetection)->Unit(benchmark::kMillisecond);

// Detection of the drawn targets by the patrol sorties (the sorties' tracks and schedule built,
// then every target against the sorties on station while it is out).
void BM_PatrolTargetDetection(benchmark::State& state) {
  World& w = world(10);
  const std::vector<PieceInputs>& inputs = piece_inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    const PieceInputs& in = inputs[i++ % inputs.size()];
    const std::vector<mdasim::SortieTrack> tracks = mdasim::sortie_tracks(w.patrols, in.sorties);
    const mdasim::SortieSchedule schedule(in.sorties);
    std::vector<std::uint32_t> candidates;
    std::size_t detected = 0;
    for (std::size_t n = 0; n < in.targets.size(); ++n) {
      const mdasim::Target& t = in.targets[n];
      const int object = w.scenario.target_classes[static_cast<std::size_t>(t.class_index)].search_object_index;
      schedule.on_station(t.appear_h, t.leave_h, candidates);
      detected += mdasim::first_patrol_detection(w.patrols, in.sorties, tracks, candidates, t,
                                                 static_cast<std::uint32_t>(n), in.key, object)
                          .detected
                      ? 1u
                      : 0u;
    }
    benchmark::DoNotOptimize(detected);
  }
}
BENCHMARK(BM_PatrolTargetDetection)->Unit(benchmark::kMillisecond);

// Coverage of the grid by one replication's patrol sorties (add_patrol_coverage).
void BM_PatrolCoverage(benchmark::State& state) {
  World& w = world(10);
  const std::vector<PieceInputs>& inputs = piece_inputs();
  const mdasim::Scenario& sc = w.scenario;
  std::size_t i = 0;
  for (auto _ : state) {
    const PieceInputs& in = inputs[i++ % inputs.size()];
    mdasim::CoverageAccumulator acc(w.geography.grid().size(), sc.run.warmup_h, sc.run.duration_h);
    mdasim::add_patrol_coverage(w.coverage, in.sorties, acc);
    benchmark::DoNotOptimize(acc.covered_seconds(0));
  }
}
BENCHMARK(BM_PatrolCoverage)->Unit(benchmark::kMillisecond);

// The run's ISR fields for one replication (IsrFields::add_replication: fixed-sensor and patrol
// coverage, target maps, merged into the totals).
void BM_IsrFields(benchmark::State& state) {
  World& w = world(10);
  const std::vector<PieceInputs>& inputs = piece_inputs();
  std::vector<std::vector<mdasim::TargetRecord>> records;
  for (const PieceInputs& in : inputs) records.push_back(mdasim::run_isr_replication(w.isr, in.key, in.sorties).records);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % inputs.size();
    w.fields.add_replication(inputs[k].key, inputs[k].sorties, records[k]);
  }
}
BENCHMARK(BM_IsrFields)->Unit(benchmark::kMillisecond);

// The coverage accumulator on the baseline's own intervals: per replication (of the 4 prepared),
// the radars', AIS receivers' and patrols' intervals in window seconds, grouped by cell (untimed),
// added as IsrFields::add_replication adds them (radar, AIS, patrol, and radar or patrol), into
// the run's accumulators. Arg 0: add_replication (the engine's path); arg 1: the same intervals
// one by one (add_seconds, add_seconds_union, then finish), the path before add_replication.
// One cell update is one interval added to one accumulator.
void BM_CoverageAccumulation(benchmark::State& state) {
  World& w = world(10);
  const mdasim::Scenario& sc = w.scenario;
  const std::size_t cells = w.geography.grid().size();
  const mdasim::FixedSensorSetup sensors(sc, w.geography, mdasim::coverage_target_height_m(sc));
  struct Lists {
    mdasim::CoverageByCell radar, ais, patrol;
    std::vector<mdasim::CoverageSeconds> radar_s, ais_s, patrol_s;
  };
  std::vector<Lists> lists(kPieceReplications);
  const auto flat = [](const mdasim::CoverageByCell& by_cell) {
    std::vector<mdasim::CoverageSeconds> out;
    for (std::size_t k = 0; k < by_cell.cell_count(); ++k) {
      for (std::size_t i = 0; i < by_cell.starts(k).size(); ++i) {
        out.push_back({by_cell.cell(k), by_cell.starts(k)[i], by_cell.ends(k)[i]});
      }
    }
    return out;
  };
  std::size_t updates = 0;
  {
    const mdasim::CoverageAccumulator window(cells, sc.run.warmup_h, sc.run.duration_h);
    std::vector<mdasim::CoverageSeconds> seconds;
    mdasim::PatrolCoverageBuffers buffers;
    mdasim::CoverageSorter sorter;
    for (std::size_t r = 0; r < kPieceReplications; ++r) {
      Lists& l = lists[r];
      mdasim::fixed_sensor_coverage_seconds(sensors, piece_inputs()[r].key, window, l.radar, l.ais, seconds, sorter);
      mdasim::patrol_coverage_seconds(w.coverage, piece_inputs()[r].sorties, window, l.patrol, buffers, sorter);
      l.radar_s = flat(l.radar);
      l.ais_s = flat(l.ais);
      l.patrol_s = flat(l.patrol);
      updates += 2 * l.radar.size() + l.ais.size() + 2 * l.patrol.size();
    }
  }
  std::vector<mdasim::CoverageAccumulator> run(4, mdasim::CoverageAccumulator(cells, sc.run.warmup_h, sc.run.duration_h));
  const bool one_by_one = state.range(0) == 1;
  for (auto _ : state) {
    for (const Lists& l : lists) {
      if (one_by_one) {
        run[0].add_seconds(l.radar_s);
        run[1].add_seconds(l.ais_s);
        run[2].add_seconds(l.patrol_s);
        run[3].add_seconds_union(l.radar_s, l.patrol_s);
        for (mdasim::CoverageAccumulator& a : run) a.finish();
      } else {
        run[0].add_replication(l.radar);
        run[1].add_replication(l.ais);
        run[2].add_replication(l.patrol);
        run[3].add_replication(l.radar, l.patrol);
      }
    }
    benchmark::DoNotOptimize(run[3].covered_seconds(0));
  }
  state.counters["cell_updates_per_rep"] = static_cast<double>(updates) / kPieceReplications;
  state.counters["cell_updates_per_s"] =
      benchmark::Counter(static_cast<double>(updates), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CoverageAccumulation)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

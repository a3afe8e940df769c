// Presenting one variant's SAR results: the summary of its replications (measures per replication,
// their means with 95% intervals, overall and per incident class), written into a results file,
// as a JSON summary with stable keys, and as a readable table. Everything is computed from the
// run's totals (metrics/sar_run_totals.hpp), added in replication order, so it is the same, bit
// for bit, for any number of threads; nothing here records how many threads ran.
//
// Results-file layout for variant V (e.g. "baseline"; every column carries units):
//   V/tables/incidents         (written while the run goes on: io/incidents_table.hpp)
//                              one row per incident of every replication, by replication then
//                              occurrence: replication, id, class, lon_deg, lat_deg, state,
//                              persons, beacon (0/1), occurred_h, alerted_h, ready_h,
//                              dispatched_h, on_scene_h, found_h, closed_h, response_h, wait_h
//                              (NaN where the time never came), outcome ("found", "not-found",
//                              "unreachable"), persons_saved, first_unit ("" if none), sorties,
//                              foreign_first (0/1)
//   V/tables/replications      one row per replication: replication, one column per measure
//                              (its key; NaN where undefined), events
//   V/tables/summary           one row per measure: metric, mean, ci_low, ci_high, sd, n, units,
//                              long_name
//   V/tables/summary_by_class  one row per (incident class, measure), utilisation excepted (it is
//                              the whole replication's): class, metric, mean, ci_low, ci_high, n,
//                              units
//   V/tables/units             one row per SAR unit: unit, asset_type, base, state, sorties
//                              (mean per replication), busy_h (mean per replication),
//                              utilisation and unavailable (fractions of the measured window)
// Root attributes (write_sar_run_attributes): scenario_name, scenario_path, scenario_text,
// option_text (for an option), seed, replications, duration_h, warmup_h; the file's own
// engine_version stays.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "io/results_file.hpp"
#include "metrics/sar_metrics.hpp"
#include "metrics/sar_run_totals.hpp"
#include "metrics/statistics.hpp"
#include "model/sar_records.hpp"
#include "model/sar_setup.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

using SarEstimates = std::array<Estimate, kSarMeasureCount>;

// One variant's measures across replications (the per-replication ones are in SarRunTotals).
struct SarSummary {
  SarEstimates overall;
  std::vector<SarEstimates> by_class;  // per incident class of the scenario
};

// What a run used, recorded with its results (never the thread count: it changes nothing).
struct SarRunInfo {
  std::uint64_t seed = 0;
  std::size_t replications = 0;
};

// Whether a measure is reported per incident class (all but utilisation, a property of the
// units rather than of the incidents).
[[nodiscard]] bool reported_per_class(SarMeasure measure);

// The 95% estimates of the measures, overall and per incident class.
[[nodiscard]] SarSummary summarise_sar(const SarRunTotals& totals);

// The root attributes describing the scenario and the run (see above).
void write_sar_run_attributes(ResultsFile& file, const Scenario& scenario, const SarRunInfo& run);

// The tables of one variant under group `variant`, but for the incidents (streamed during the
// run). `totals` and `summary` are that variant's, `setup` the one it ran with. Throws as
// ResultsFile does (std::invalid_argument for a bad variant name or a group written twice,
// std::runtime_error when HDF5 fails).
void write_sar_results(ResultsFile& file, const std::string& variant, const SarSetup& setup, const SarRunTotals& totals,
                       const SarSummary& summary);

// One JSON object with stable keys:
//   {"scenario": name, "variant": V, "replications": N, "seed": S,
//    "metrics": [{"name": key, "mean": m, "ci_low": l, "ci_high": h, "n": n, "units": u,
//                 "description": long name}, ...],          (every measure, in SarMeasure order)
//    "by_class": {class name: [same objects], ...}}            (the measures reported per class)
// NaN and infinite numbers are written as null. Ends without a newline.
[[nodiscard]] std::string sar_summary_json(const Scenario& scenario, const std::string& variant, const SarRunInfo& run,
                                           const SarSummary& summary);

// A readable table of the measures (description, mean, 95% interval, units), then one line per
// incident class (incidents, median response, within 6 h, persons saved: means over
// replications). Fixed-width columns, for a terminal or a log.
void print_sar_summary(std::ostream& out, const Scenario& scenario, const SarSummary& summary);
// The patrols' sorties per replication (means): planned, flown, retasked to SAR incidents, hours
// on station. Prints nothing when no patrol flew.
void print_patrol_summary(std::ostream& out, const Scenario& scenario, const SarRunTotals& totals);

}  // namespace mdasim

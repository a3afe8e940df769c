// A validation case: a small scenario run end to end through the engine and compared with a
// value known in closed form. Each case is a function returning its checks, so that the tests
// (tests/validation/validation_test.cpp) assert them and the report program
// (tests/validation/report_main.cpp) writes them into docs/validation.md from the same runs.
//
// A check compares an analytic value with a simulated estimate and its 95% interval, and passes
// when the interval contains the analytic value and is narrower than the stated tolerance (its
// half-width below `tolerance`); or, for a statistic (a chi-square, a count of cases that break a
// rule), when the statistic is within its stated bound.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "geo/geography.hpp"
#include "io/map_layers.hpp"
#include "metrics/statistics.hpp"
#include "run/variant_run.hpp"
#include "scenario/scenario.hpp"

namespace mdasim::validation {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Check {
  std::string what;          // the quantity, e.g. "mean incidents per replication"
  std::string criterion;     // how it is judged, in words
  double analytic = kNaN;    // the value known in closed form (or the bound of a statistic)
  double simulated = kNaN;   // the simulation's estimate (or the statistic)
  double ci_low = kNaN;      // its 95% interval (NaN for a statistic)
  double ci_high = kNaN;
  double tolerance = kNaN;   // the largest half-width accepted (NaN for a statistic)
  bool passed = false;
};

// analytic in [ci_low, ci_high] and (ci_high - ci_low) / 2 < tolerance.
[[nodiscard]] Check interval_check(std::string what, double analytic, const Estimate& simulated, double tolerance);
// statistic <= bound (with `criterion` saying what the bound is).
[[nodiscard]] Check bound_check(std::string what, std::string criterion, double statistic, double bound);

// A plot of simulated values with intervals on analytic curves (optional per case).
struct PlotCurve {
  std::string label;
  std::vector<double> x, y;
  bool dashed = false;
};
struct PlotSeries {
  std::string label;
  std::vector<double> x, y, y_low, y_high;
};
struct CasePlot {
  std::string title, x_label, y_label, file_stem;
  std::vector<PlotCurve> curves;
  std::vector<PlotSeries> series;
};

struct CaseResult {
  std::string id;          // e.g. "random-search"
  std::string title;       // e.g. "Random search in a closed area"
  std::string formula;     // the closed form, in plain text
  std::string parameters;  // in words, with units
  std::vector<std::string> scenarios;  // the scenario (and option) files, relative to the repository
  std::string problem;     // why the case could not run ("" when it ran)
  std::vector<Check> checks;
  std::optional<CasePlot> plot;
  [[nodiscard]] bool passed() const;
};

// A case's scenario (tests/validation/scenarios/FILE) with its geography, as `mdasim run`
// loads it; nothing (and `problem` set) when it does not load without errors and warnings.
struct Loaded {
  Scenario scenario;
  Geography geography;
};
[[nodiscard]] std::optional<Loaded> load_case(const std::string& file, std::string& problem);
// The same for a scenario anywhere in the repository (`relative` to its root).
[[nodiscard]] std::optional<Loaded> load_repository_scenario(const std::string& relative, std::string& problem);

// A variant's run with the SAR records of every replication kept (VariantSimulation::run keeps
// only their totals), for cases that look at individual incidents.
struct RunWithRecords {
  VariantResults results;
  std::vector<SarReplicationResult> records;  // per replication, in order
};
[[nodiscard]] RunWithRecords run_keeping_records(VariantSimulation& simulation, const SarRunInfo& info, unsigned threads);

// The layer of `layers` named `name` (as `mdasim run` writes it), or null.
[[nodiscard]] const MapLayer* find_layer(const std::vector<MapLayer>& layers, const std::string& name);

// `v` with 4 significant digits ("153.4", "0.7064"), for the texts of checks.
[[nodiscard]] std::string digits4(double v);
// `v` with `decimals` decimals ("0.5236"), for the texts of checks.
[[nodiscard]] std::string fixed(double v, int decimals);

// The cases, in the order of the report.
[[nodiscard]] CaseResult poisson_lanes_case();
[[nodiscard]] CaseResult radar_coverage_case();
[[nodiscard]] CaseResult patrol_revisit_case();
[[nodiscard]] CaseResult random_search_case();
[[nodiscard]] CaseResult parallel_sweep_case();
[[nodiscard]] CaseResult distances_case();
[[nodiscard]] CaseResult mm_c_queue_case();

}  // namespace mdasim::validation

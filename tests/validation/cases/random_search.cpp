// Validation case: random search, POD = 1 - exp(-W V t / A), at four coverages. Scenario
// tests/validation/scenarios/random-search.yaml (20 replications of a year, seed 3) run through
// VariantSimulation as `mdasim run` runs a scenario: incidents are placed, alerted and
// dispatched, units fly out and search, and the records say when each search began and whether
// the object was found.
//
// Expected value, per incident: its search runs from the first unit's arrival (on_scene_h) to
// the suspension of the search at occurred_h + S, S = 1 h x ln 100 (the 99th percentile of the
// exponential survival time of mean 1 h), unless the object is found first; so it is found with
// probability P_i = 1 - exp(-C_i), C_i = W V (occurred_h + S - on_scene_h) / (pi E0^2), W = 2 nm,
// V = 150 kt and E0 the class's position error. Per class the expected fraction found is the
// mean of the P_i.
// Checks, per class: the expected fraction found lies in the 95% Wilson interval of the
// simulated fraction found, half-width below 0.02; and every incident was searched.
#include <cmath>
#include <string>
#include <vector>

#include "run/variant_run.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kSweepWidthNm = 2.0;
constexpr double kSearchSpeedKt = 150.0;
constexpr std::size_t kReplications = 20;

}  // namespace

CaseResult random_search_case() {
  CaseResult out;
  out.id = "random-search";
  out.title = "Random search in a closed area";
  out.formula = "POD = 1 - exp(-C), C = W V t / A, A = pi E0^2 (no drift)";
  out.parameters = "W = 2 nm, V = 150 kt, E0 = 12, 20, 30 and 50 nm; t from the first unit's arrival to the "
                   "suspension 4.605 h after the occurrence; 300 incidents a year per class, 20 replications of a "
                   "year, seed 3";
  out.scenarios = {"tests/validation/scenarios/random-search.yaml"};
  std::optional<Loaded> w = load_case("random-search.yaml", out.problem);
  if (!w) return out;
  const double suspension_h = std::log(100.0);  // 99th percentile of an exponential of mean 1 h
  VariantSimulation simulation(w->scenario, w->geography, 2);
  const RunWithRecords run = run_keeping_records(simulation, {w->scenario.run.seed, kReplications}, 2);

  CasePlot plot;
  plot.title = "Random search: probability of detection against coverage";
  plot.x_label = "coverage C = W V t / A";
  plot.y_label = "probability of detection";
  plot.file_stem = "validation-random-search";
  PlotCurve curve{"1 - exp(-C)", {}, {}, false};
  for (int i = 0; i <= 200; ++i) {
    const double c = 3.5 * i / 200.0;
    curve.x.push_back(c);
    curve.y.push_back(1.0 - std::exp(-c));
  }
  plot.curves.push_back(std::move(curve));
  PlotSeries points{"simulated, with 95% interval", {}, {}, {}, {}};
  std::size_t unsearched = 0;
  for (std::size_t k = 0; k < w->scenario.incident_classes.size(); ++k) {
    const double e0_nm = w->scenario.incident_classes[k].position_error_nm;
    const double area_nm2 = kPi * e0_nm * e0_nm;
    std::size_t trials = 0;
    std::size_t found = 0;
    double expected = 0.0;
    double coverage = 0.0;
    for (const SarReplicationResult& r : run.records) {
      for (const IncidentRecord& inc : r.incidents) {
        if (inc.class_index != static_cast<int>(k)) continue;
        const double search_h = inc.occurred_h + suspension_h - inc.on_scene_h;
        if (!(search_h > 0.0)) {
          ++unsearched;
          continue;
        }
        const double c_i = kSweepWidthNm * kSearchSpeedKt * search_h / area_nm2;
        ++trials;
        if (inc.outcome == IncidentOutcome::kFound) ++found;
        expected += 1.0 - std::exp(-c_i);
        coverage += c_i;
      }
    }
    if (trials == 0) {
      out.problem = "no incident of class " + w->scenario.incident_classes[k].name;
      return out;
    }
    expected /= static_cast<double>(trials);
    coverage /= static_cast<double>(trials);
    const Estimate simulated = proportion_with_ci(found, trials);
    out.checks.push_back(interval_check("fraction found, E0 = " + fixed(e0_nm, 0) + " nm (mean coverage " +
                                            fixed(coverage, 3) + ", " + std::to_string(trials) + " incidents)",
                                        expected, simulated, 0.02));
    points.x.push_back(coverage);
    points.y.push_back(simulated.mean);
    points.y_low.push_back(simulated.ci_low);
    points.y_high.push_back(simulated.ci_high);
  }
  out.checks.push_back(bound_check("incidents never searched", "none", static_cast<double>(unsearched), 0.0));
  plot.series.push_back(std::move(points));
  out.plot = std::move(plot);
  return out;
}

}  // namespace mdasim::validation

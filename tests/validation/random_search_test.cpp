// Validation: random search, POD = 1 - exp(-W V t / A), at four coverages. Run end to end on
// tests/validation/scenarios/random-search.yaml (20 replications of a year, seed 3) through
// VariantSimulation, as `mdasim run` runs a scenario: incidents are placed, alerted and
// dispatched, units fly out and search, and the records say when each search began and whether
// the object was found.
//
// Expected value, per incident: its search runs from the first unit's arrival (on_scene_h) to
// the suspension of the search at occurred_h + S, S = 1 h x ln 100 (the 99th percentile of the
// exponential survival time of mean 1 h), unless the object is found first; so it is found with
// probability P_i = 1 - exp(-W V (occurred_h + S - on_scene_h) / (pi E0^2)), W = 2 nm, V = 150
// kt and E0 the class's position error. Per class the expected fraction found is the mean of the
// P_i, and the mean coverage that of the C_i.
// Tests, per class: the expected fraction found lies in the 95% Wilson interval of the simulated
// fraction found, which is narrower than +-0.02; no incident waits so long that its search
// does not start; the four classes' mean coverages span 0.1 to 3 (several points on the curve).
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "metrics/statistics.hpp"
#include "run/variant_run.hpp"
#include "validation_support.hpp"

namespace mdasim::validation {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kSweepWidthNm = 2.0;
constexpr double kSearchSpeedKt = 150.0;
const double kSuspensionH = std::log(100.0);  // 99th percentile of an exponential of mean 1 h

TEST(RandomSearch, FoundFractionFollowsTheRandomSearchLaw) {
  std::optional<Case> c = load_case("random-search.yaml");
  ASSERT_TRUE(c);
  ASSERT_EQ(c->scenario.incident_classes.size(), 4u);
  VariantSimulation simulation(c->scenario, c->geography, 2);
  const VariantResults results = simulation.run({c->scenario.run.seed, 20}, 2, {});

  double previous_coverage = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < 4; ++k) {
    const double e0_nm = c->scenario.incident_classes[k].position_error_nm;
    const double area_nm2 = kPi * e0_nm * e0_nm;
    std::size_t trials = 0;
    std::size_t found = 0;
    double expected = 0.0;
    double coverage = 0.0;
    for (const SarReplicationResult& r : results.sar) {
      for (const IncidentRecord& inc : r.incidents) {
        if (inc.class_index != static_cast<int>(k)) continue;
        ASSERT_FALSE(std::isnan(inc.on_scene_h)) << "incident " << inc.id << " never searched";
        const double search_h = inc.occurred_h + kSuspensionH - inc.on_scene_h;
        ASSERT_GT(search_h, 0.0);
        const double c_i = kSweepWidthNm * kSearchSpeedKt * search_h / area_nm2;
        ++trials;
        if (inc.outcome == IncidentOutcome::kFound) ++found;
        expected += 1.0 - std::exp(-c_i);
        coverage += c_i;
      }
    }
    ASSERT_GT(trials, 5000u);
    expected /= static_cast<double>(trials);
    coverage /= static_cast<double>(trials);
    const Estimate simulated = proportion_with_ci(found, trials);
    const std::string name = c->scenario.incident_classes[k].name;
    EXPECT_LE(simulated.ci_low, expected) << name << ": coverage " << coverage;
    EXPECT_GE(simulated.ci_high, expected) << name << ": coverage " << coverage;
    EXPECT_LT(simulated.ci_high - simulated.ci_low, 2.0 * 0.02) << name;
    EXPECT_LT(coverage, previous_coverage);
    previous_coverage = coverage;
    RecordProperty(name + "_coverage", std::to_string(coverage));
    RecordProperty(name + "_expected", std::to_string(expected));
    RecordProperty(name + "_simulated", std::to_string(simulated.mean));
    RecordProperty(name + "_ci", std::to_string(simulated.ci_low) + " " + std::to_string(simulated.ci_high));
  }
  EXPECT_GT(previous_coverage, 0.1);
}

}  // namespace
}  // namespace mdasim::validation

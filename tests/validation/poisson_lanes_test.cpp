// Validation: incidents arrive as a Poisson process (the count in the measured window has mean
// and variance rate x window) and are placed along the lanes in proportion to traffic weight x
// length. Run end to end on tests/validation/scenarios/poisson-lanes.yaml (200 replications,
// seed 11) through VariantSimulation, as `mdasim run` runs a scenario.
//
// Expected values:
//   count      lambda = 2000/yr x 672 h / 8760 h = 153.42466 per replication (mean and variance);
//   placement  the south lane (weight 3) and the north lane (weight 1), each cut into equal
//              lengths of longitude, get shares w L / sum(w L), with L the geodesic length of
//              the lane on WGS84 (GeographicLib, independently of the engine's lane network).
// Tests: the mean's 95% interval contains lambda and is narrower than +-2% of it; the dispersion
// statistic (n - 1) s^2 / lambda lies between the 0.5% and 99.5% quantiles of chi-square with
// n - 1 degrees of freedom; Pearson's chi-square of the counts by lane piece against the
// expected shares lies below the 99.9% quantile of chi-square with (pieces - 1) degrees of
// freedom, and every incident lies on one of the lanes.
#include <cmath>
#include <vector>

#include <GeographicLib/Geodesic.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <gtest/gtest.h>

#include "metrics/statistics.hpp"
#include "run/variant_run.hpp"
#include "validation_support.hpp"

namespace mdasim::validation {
namespace {

constexpr double kRatePerH = 2000.0 / 8760.0;
constexpr double kWindowH = 28.0 * 24.0;

struct Lane {
  double lat_deg, lon_west_deg, lon_east_deg, weight;
  int pieces;
};
constexpr Lane kLanes[] = {{1.0, 100.8, 103.2, 3.0, 4}, {3.0, 101.0, 102.2, 1.0, 2}};

class PoissonLanes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::optional<Case> c = load_case("poisson-lanes.yaml");
    ASSERT_TRUE(c);
    world_ = new Case(std::move(*c));
    VariantSimulation simulation(world_->scenario, world_->geography, 2);
    results_ = new VariantResults(simulation.run({world_->scenario.run.seed, 200}, 2, {}));
  }
  static void TearDownTestSuite() {
    delete results_;
    delete world_;
  }
  static Case* world_;
  static VariantResults* results_;
};
Case* PoissonLanes::world_ = nullptr;
VariantResults* PoissonLanes::results_ = nullptr;

TEST_F(PoissonLanes, CountsHaveThePoissonMeanAndVariance) {
  const double lambda = kRatePerH * kWindowH;
  std::vector<double> counts;
  for (const SarReplicationResult& r : results_->sar) counts.push_back(static_cast<double>(r.incidents.size()));
  ASSERT_EQ(counts.size(), 200u);
  const Estimate e = mean_with_ci(counts);
  EXPECT_LE(e.ci_low, lambda);
  EXPECT_GE(e.ci_high, lambda);
  EXPECT_LT(e.ci_high - e.ci_low, 2.0 * 0.02 * lambda) << "the interval is not tight enough to validate";
  const double n = static_cast<double>(counts.size());
  const double dispersion = (n - 1.0) * e.sd * e.sd / lambda;
  const boost::math::chi_squared chi(n - 1.0);
  EXPECT_GT(dispersion, boost::math::quantile(chi, 0.005));
  EXPECT_LT(dispersion, boost::math::quantile(chi, 0.995));
  RecordProperty("lambda", std::to_string(lambda));
  RecordProperty("mean", std::to_string(e.mean));
  RecordProperty("variance", std::to_string(e.sd * e.sd));
}

TEST_F(PoissonLanes, PlacementFollowsTrafficTimesLength) {
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  std::vector<double> expected;
  for (const Lane& lane : kLanes) {
    double length_m = 0.0;
    wgs84.Inverse(lane.lat_deg, lane.lon_west_deg, lane.lat_deg, lane.lon_east_deg, length_m);
    for (int k = 0; k < lane.pieces; ++k) expected.push_back(lane.weight * length_m / lane.pieces);
  }
  double total_weight = 0.0;
  for (double w : expected) total_weight += w;
  std::vector<double> observed(expected.size(), 0.0);
  std::size_t incidents = 0;
  for (const SarReplicationResult& r : results_->sar) {
    for (const IncidentRecord& inc : r.incidents) {
      ++incidents;
      std::size_t bin = 0;
      bool placed = false;
      for (const Lane& lane : kLanes) {
        // A geodesic this short near the equator stays within 1e-4 degree of its parallel.
        if (std::abs(inc.position.lat_deg - lane.lat_deg) < 1e-3 && inc.position.lon_deg >= lane.lon_west_deg - 1e-9 &&
            inc.position.lon_deg <= lane.lon_east_deg + 1e-9) {
          const double t = (inc.position.lon_deg - lane.lon_west_deg) / (lane.lon_east_deg - lane.lon_west_deg);
          bin += static_cast<std::size_t>(std::min(lane.pieces - 1, static_cast<int>(t * lane.pieces)));
          placed = true;
          break;
        }
        bin += static_cast<std::size_t>(lane.pieces);
      }
      ASSERT_TRUE(placed) << "an incident off the lanes at " << inc.position.lon_deg << ", " << inc.position.lat_deg;
      observed[bin] += 1.0;
    }
  }
  double chi_square = 0.0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const double e = static_cast<double>(incidents) * expected[i] / total_weight;
    chi_square += (observed[i] - e) * (observed[i] - e) / e;
  }
  const boost::math::chi_squared chi(static_cast<double>(expected.size() - 1));
  EXPECT_LT(chi_square, boost::math::quantile(chi, 0.999)) << "Pearson chi-square " << chi_square;
  // The south lane's share, weight 3 against 1 over twice the length: 6/7 nearly.
  double south = 0.0;
  for (int k = 0; k < kLanes[0].pieces; ++k) south += observed[static_cast<std::size_t>(k)];
  RecordProperty("south_share", std::to_string(south / static_cast<double>(incidents)));
  RecordProperty("chi_square", std::to_string(chi_square));
}

}  // namespace
}  // namespace mdasim::validation

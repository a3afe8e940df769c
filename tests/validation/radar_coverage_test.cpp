// Validation: a fixed radar's time-averaged coverage equals its availability over its footprint,
// the sea cells whose centre lies within its radar horizon. Run end to end on
// tests/validation/scenarios/radar-availability.yaml through VariantSimulation and its map
// layers, as `mdasim run` writes them, with 60 seeds of one 199-day window each.
//
// Expected values:
//   footprint  horizon d = 4.12 (sqrt(100 m) + sqrt(2 m)) km = 47.0266 km = 25.3923 nm (below the
//              40 nm range), cell centres measured by geodesic distance on WGS84 (GeographicLib);
//   coverage   availability a = 0.7 inside, exactly 0 outside.
// Tests: in every run, every sea cell inside the horizon has the same covered fraction (the
// radar's time up in that window) and every one outside has 0; over the seeds the mean of that
// fraction has a 95% interval containing 0.7 and narrower than +-0.02.
#include <cmath>
#include <vector>

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include "metrics/statistics.hpp"
#include "run/variant_run.hpp"
#include "validation_support.hpp"

namespace mdasim::validation {
namespace {

constexpr double kAvailability = 0.7;
constexpr double kHorizonNm = 4.12 * (10.0 + 1.4142135623730951) * 1000.0 / 1852.0;  // sqrt 100, sqrt 2
constexpr double kSiteLon = 100.5;
constexpr double kSiteLat = 2.0;

TEST(RadarCoverage, AvailabilityOverTheHorizonFootprint) {
  std::optional<Case> c = load_case("radar-availability.yaml");
  ASSERT_TRUE(c);
  const Grid& grid = c->geography.grid();
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  std::vector<double> distance_nm(grid.size(), 0.0);
  std::size_t inside = 0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const GeoPoint p = grid.center(i);
    double d_m = 0.0;
    wgs84.Inverse(kSiteLat, kSiteLon, p.lat_deg, p.lon_deg, d_m);
    distance_nm[i] = d_m / 1852.0;
    if (c->geography.sea.is_sea(i) && distance_nm[i] < kHorizonNm) ++inside;
  }
  ASSERT_GT(inside, 20u);  // about half a disc of 25 nm radius (1013 nm2) in cells of 6 nm (36 nm2)

  std::vector<double> up_fractions;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    VariantSimulation simulation(c->scenario, c->geography, 1);
    const VariantResults results = simulation.run({seed, 1}, 1, {});
    std::vector<MapLayer> layers = simulation.map_layers(results, 1);
    const MapLayer* radar = nullptr;
    for (const MapLayer& l : layers) {
      if (l.name == "radar_covered_fraction") radar = &l;
    }
    ASSERT_NE(radar, nullptr);
    double up = std::nan("");
    for (std::size_t i = 0; i < grid.size(); ++i) {
      if (!c->geography.sea.is_sea(i)) continue;
      const double v = radar->values[i];
      if (distance_nm[i] < kHorizonNm - 1e-6) {
        if (std::isnan(up)) up = v;
        ASSERT_EQ(v, up) << "seed " << seed << ": cell " << i << " inside the horizon";
      } else if (distance_nm[i] > kHorizonNm + 1e-6) {
        ASSERT_EQ(v, 0.0) << "seed " << seed << ": cell " << i << " at " << distance_nm[i] << " nm";
      }
    }
    ASSERT_GT(up, 0.0);
    up_fractions.push_back(up);
  }
  const Estimate e = mean_with_ci(up_fractions);
  EXPECT_LE(e.ci_low, kAvailability);
  EXPECT_GE(e.ci_high, kAvailability);
  EXPECT_LT(e.ci_high - e.ci_low, 2.0 * 0.02) << "the interval is not tight enough to validate";
  RecordProperty("mean", std::to_string(e.mean));
  RecordProperty("ci_low", std::to_string(e.ci_low));
  RecordProperty("ci_high", std::to_string(e.ci_high));
  RecordProperty("cells_inside", std::to_string(inside));
}

}  // namespace
}  // namespace mdasim::validation

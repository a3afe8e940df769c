// The distance-only inverse geodesic against GeographicLib's published example, closed forms,
// and GeographicLib itself over random pairs; which cases it solves and which it hands over.
#include "geo/geodesic_inverse.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

namespace mdasim {
namespace {

double reference_m(double lat1, double lon1, double lat2, double lon2) {
  double s12_m = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12_m);
  return s12_m;
}

// GeographicLib's documented example of Geodesic::Inverse: JFK (40.6, -73.8) to LHR
// (51.6, -0.5) is 5551.759400 km.
TEST(GeodesicInverse, PublishedJfkToHeathrow) {
  const GeodesicInverseSolution s = solve_geodesic_inverse(40.6, -73.8, 51.6, -0.5);
  EXPECT_TRUE(s.solved_here);
  EXPECT_NEAR(s.distance_m, 5551759.400, 0.001);
  EXPECT_NEAR(s.distance_m, reference_m(40.6, -73.8, 51.6, -0.5), 1e-8);
}

// Along the equator, short of the antipode, the geodesic is the arc a * dlambda; on a meridian
// the quadrant is 10 001 965.729 m (WGS84). Both are handed over, and come back exact.
TEST(GeodesicInverse, EquatorAndMeridianAreHandedOverExactly) {
  const GeodesicInverseSolution equator = solve_geodesic_inverse(0.0, 100.0, 0.0, 110.0);
  EXPECT_FALSE(equator.solved_here);
  EXPECT_NEAR(equator.distance_m, 6378137.0 * 10.0 * M_PI / 180.0, 1e-6);
  const GeodesicInverseSolution meridian = solve_geodesic_inverse(0.0, 105.0, 90.0, 105.0);
  EXPECT_FALSE(meridian.solved_here);
  EXPECT_NEAR(meridian.distance_m, 10001965.729, 0.001);
}

TEST(GeodesicInverse, SpecialCasesGoToGeographicLib) {
  EXPECT_EQ(solve_geodesic_inverse(5.0, 110.0, 5.0, 110.0).distance_m, 0.0);         // one point
  EXPECT_FALSE(solve_geodesic_inverse(5.0, 110.0, 5.0, 110.0).solved_here);
  EXPECT_FALSE(solve_geodesic_inverse(5.0, 110.0, 5.000001, 110.000001).solved_here);  // ~0.16 m
  EXPECT_FALSE(solve_geodesic_inverse(-30.0, 0.0, 29.5, 179.5).solved_here);           // nearly antipodal
  EXPECT_FALSE(solve_geodesic_inverse(10.0, 0.0, 20.0, 120.0).solved_here);            // over 90 degrees
  EXPECT_FALSE(solve_geodesic_inverse(-90.0, 0.0, 10.0, 45.0).solved_here);            // a pole
  EXPECT_TRUE(solve_geodesic_inverse(5.0, 110.0, 5.001, 110.001).solved_here);        // ~160 m
  EXPECT_TRUE(solve_geodesic_inverse(10.0, 0.0, 20.0, 90.0).solved_here);
}

// Across the antimeridian the longitude difference is the short one.
TEST(GeodesicInverse, AcrossTheAntimeridian) {
  const GeodesicInverseSolution s = solve_geodesic_inverse(10.0, 179.5, 12.0, -179.5);
  EXPECT_TRUE(s.solved_here);
  EXPECT_NEAR(s.distance_m, reference_m(10.0, 179.5, 12.0, -179.5), 1e-8);
  EXPECT_LT(s.distance_m, 300000.0);
}

// Over the region the simulations use, every pair is solved here, in at most 3 Newton steps,
// within 10 nm (nanometres) of GeographicLib, and the same both ways round.
TEST(GeodesicInverse, SoutheastAsiaAgreesWithGeographicLib) {
  std::mt19937_64 rng(20261201);
  std::uniform_real_distribution<double> lat(-15.0, 25.0);
  std::uniform_real_distribution<double> lon(90.0, 135.0);
  double worst_m = 0.0;
  int most_steps = 0;
  for (int i = 0; i < 20000; ++i) {
    const double lat1 = lat(rng), lon1 = lon(rng), lat2 = lat(rng), lon2 = lon(rng);
    const GeodesicInverseSolution s = solve_geodesic_inverse(lat1, lon1, lat2, lon2);
    ASSERT_TRUE(s.solved_here) << lat1 << " " << lon1 << " " << lat2 << " " << lon2;
    worst_m = std::max(worst_m, std::abs(s.distance_m - reference_m(lat1, lon1, lat2, lon2)));
    most_steps = std::max(most_steps, s.newton_steps);
    ASSERT_EQ(s.distance_m, geodesic_inverse_m(lat2, lon2, lat1, lon1));
  }
  EXPECT_LT(worst_m, 1e-8);
  EXPECT_LE(most_steps, 3);
}

// Over the whole globe, solved here or handed over, within 20 nm of GeographicLib; short lines
// (1 m to 10 km) within 5 nm: both are then at the rounding of the angles (1e-16 rad is 0.6 nm).
TEST(GeodesicInverse, WholeGlobeAndShortLinesAgreeWithGeographicLib) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(-90.0, 90.0);
  std::uniform_real_distribution<double> lon(-180.0, 180.0);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  double worst_m = 0.0;
  int solved_here = 0;
  for (int i = 0; i < 20000; ++i) {
    const double lat1 = lat(rng), lon1 = lon(rng), lat2 = lat(rng), lon2 = lon(rng);
    const GeodesicInverseSolution s = solve_geodesic_inverse(lat1, lon1, lat2, lon2);
    solved_here += s.solved_here ? 1 : 0;
    worst_m = std::max(worst_m, std::abs(s.distance_m - reference_m(lat1, lon1, lat2, lon2)));
  }
  EXPECT_LT(worst_m, 2e-8);
  EXPECT_GT(solved_here, 8000);  // half the pairs are within 90 degrees of longitude
  double worst_short_m = 0.0;
  for (int i = 0; i < 20000; ++i) {
    const double lat1 = 0.95 * lat(rng), lon1 = lon(rng);
    const double scale_deg = std::pow(10.0, -5.0 + 4.0 * (0.5 + 0.5 * unit(rng)));
    const double lat2 = lat1 + scale_deg * unit(rng), lon2 = lon1 + scale_deg * unit(rng);
    worst_short_m = std::max(worst_short_m, std::abs(geodesic_inverse_m(lat1, lon1, lat2, lon2) -
                                                     reference_m(lat1, lon1, lat2, lon2)));
  }
  EXPECT_LT(worst_short_m, 5e-9);
}

}  // namespace
}  // namespace mdasim

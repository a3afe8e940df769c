// Nearest points: every answer agrees with a scan of all points by the geodesic, over the whole
// globe (poles and the antimeridian included), and the radius is inclusive.
#include "geo/nearest_points.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

// A small deterministic generator (splitmix64) for points spread over the globe.
struct Points {
  std::uint64_t state = 12345;
  double unit() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
  GeoPoint next(double lat_span) { return {-180.0 + 360.0 * unit(), -lat_span + 2.0 * lat_span * unit()}; }
};

double brute_nearest_nm(const std::vector<GeoPoint>& points, const GeoPoint& p) {
  double best = std::numeric_limits<double>::infinity();
  for (const GeoPoint& q : points) best = std::min(best, geodesic_nm(p, q));
  return best;
}

TEST(NearestPoints, AgreesWithAScanOfAllPoints) {
  Points gen;
  std::vector<GeoPoint> points;
  for (int i = 0; i < 400; ++i) points.push_back(gen.next(89.9));
  const NearestPoints index(points);
  for (int k = 0; k < 300; ++k) {
    const GeoPoint p = gen.next(90.0);
    const double expected = brute_nearest_nm(points, p);
    const auto found = index.nearest(p);
    ASSERT_TRUE(found.has_value());
    EXPECT_DOUBLE_EQ(found->distance_nm, expected) << p.lon_deg << " " << p.lat_deg;
    EXPECT_DOUBLE_EQ(geodesic_nm(p, points[found->index]), expected);
    // any_within holds just above the nearest distance and not just below it.
    EXPECT_TRUE(index.any_within(p, expected * (1.0 + 1e-12)));
    EXPECT_FALSE(index.any_within(p, expected * (1.0 - 1e-9)));
    EXPECT_FALSE(index.nearest_within(p, expected * (1.0 - 1e-9)).has_value());
  }
}

TEST(NearestPoints, AcrossTheAntimeridianAndNearThePoles) {
  const std::vector<GeoPoint> points{{179.95, 10.0}, {-120.0, 89.95}, {0.0, -89.99}};
  const NearestPoints index(points);
  // 0.1 degree of longitude apart across 180 at 10N: 60.1 x 0.1 x cos(10) = 5.9 nm.
  const GeoPoint west{-179.95, 10.0};
  ASSERT_TRUE(index.any_within(west, 6.0));
  EXPECT_EQ(index.nearest(west)->index, 0u);
  EXPECT_NEAR(index.nearest(west)->distance_nm, geodesic_nm(west, points[0]), 1e-9);
  // Near the north pole every longitude is close: a point on the other side is 6 nm away.
  const GeoPoint other_side{60.0, 89.95};
  EXPECT_TRUE(index.any_within(other_side, 6.1));
  EXPECT_EQ(index.nearest(other_side)->index, 1u);
  EXPECT_TRUE(index.any_within({100.0, -89.99}, 1.3));
}

TEST(NearestPoints, EmptySet) {
  const NearestPoints index(std::vector<GeoPoint>{});
  EXPECT_TRUE(index.empty());
  EXPECT_FALSE(index.nearest({0.0, 0.0}).has_value());
  EXPECT_FALSE(index.any_within({0.0, 0.0}, 1e9));
}

}  // namespace
}  // namespace mdasim

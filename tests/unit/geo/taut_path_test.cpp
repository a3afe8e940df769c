// Pulling over-water paths taut: the staircase of a grid path round an island's corner becomes
// the few legs that must go round it, never touching land, never longer, ends kept.
#include "geo/taut_path.hpp"

#include <gtest/gtest.h>

#include "geo/geodesy.hpp"
#include "synthetic_sea.hpp"

namespace mdasim {
namespace {

TEST(TautPath, StraightensAStaircaseRoundACorner) {
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 1.0, 102.0, 2.0}});
  // From west of the island to south of it, by a staircase of cell centres round its corner.
  const std::vector<GeoPoint> path{{100.55, 1.55}, {100.65, 1.45}, {100.75, 1.35}, {100.85, 1.25}, {100.85, 1.15},
                                   {100.85, 1.05}, {100.85, 0.95}, {100.95, 0.85}, {101.05, 0.85}, {101.15, 0.85},
                                   {101.25, 0.75}, {101.35, 0.65}, {101.55, 0.55}};
  for (const GeoPoint& p : path) ASSERT_FALSE(w.land.contains(p));
  const std::vector<GeoPoint> taut = taut_path(w.land, path);
  ASSERT_GE(taut.size(), 2u);
  EXPECT_EQ(taut.front().lon_deg, path.front().lon_deg);
  EXPECT_EQ(taut.back().lat_deg, path.back().lat_deg);
  EXPECT_LT(taut.size(), path.size());
  EXPECT_LE(polyline_nm(taut), polyline_nm(path));
  for (std::size_t i = 1; i < taut.size(); ++i) EXPECT_FALSE(w.land.touches_segment(taut[i - 1], taut[i]));
  // The straight line from start to end would cross the island's corner: it is not taken.
  EXPECT_TRUE(w.land.touches_segment(path.front(), path.back()));
  EXPECT_GT(taut.size(), 2u);
}

TEST(TautPath, KeepsALegFromLandAsItIs) {
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 1.0, 102.0, 2.0}});
  // A start on the island (a port), then open water.
  const std::vector<GeoPoint> path{{101.05, 1.05}, {100.95, 0.95}, {100.85, 0.85}, {100.75, 0.75}};
  const std::vector<GeoPoint> taut = taut_path(w.land, path);
  ASSERT_EQ(taut.size(), 3u);
  EXPECT_EQ(taut[1].lon_deg, 100.95);
  EXPECT_NEAR(polyline_nm(taut), geodesic_nm(path[0], path[1]) + geodesic_nm(path[1], path[3]), 1e-9);
}

}  // namespace
}  // namespace mdasim

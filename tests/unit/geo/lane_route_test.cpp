// Routes along the lanes: by hand on synthetic lanes (an L, a shortcut, a gap crossed by a join,
// an access leg round an island), and on the real marnet lanes the route invariants, access legs
// that never cross land (the straight legs to the nearest edge did, across Cavite and Bohol),
// and Singapore to Manila at about the published sailing distance.
#include "geo/lane_route.hpp"

#include <cstdint>

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"
#include "synthetic_sea.hpp"

namespace mdasim {
namespace {

LaneRouter::RouteResult route(const LaneRouter& router, const GeoPoint& a, const GeoPoint& b) { return router.route(a, b); }

// No segment of a path touches land, except a first leg from a point on land (as a port leaves).
void expect_at_sea(const PolygonIndex& land, const std::vector<GeoPoint>& path) {
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (i == 1 && land.contains(path[0])) continue;
    EXPECT_FALSE(land.touches_segment(path[i - 1], path[i]))
        << "leg " << i << " from " << path[i - 1].lon_deg << "," << path[i - 1].lat_deg << " to " << path[i].lon_deg
        << "," << path[i].lat_deg;
  }
}

TEST(LaneRoute, AlongAnLShapeByHand) {
  const test::SyntheticSea w = test::synthetic_sea({});
  const LaneNetwork lanes(test::line_layer({{{100.2, 0.2}, {102.2, 0.2}, {102.2, 2.2}}}));
  const LaneRouter router(lanes, w.sea, w.land);
  const auto r = route(router, {100.7, 0.2}, {102.2, 1.7});
  ASSERT_TRUE(r.route.has_value()) << r.error;
  // Partial edges are measured in proportion to the fraction along them.
  const double expected = 0.75 * geodesic_nm({100.2, 0.2}, {102.2, 0.2}) + 0.75 * geodesic_nm({102.2, 0.2}, {102.2, 2.2});
  EXPECT_NEAR(r.route->lanes_nm, expected, 1e-9);
  EXPECT_NEAR(r.route->from.length_nm, 0.0, 1e-9);
  EXPECT_NEAR(r.route->to.length_nm, 0.0, 1e-9);
  EXPECT_EQ(r.route->joins_nm, 0.0);
  ASSERT_EQ(r.route->path.size(), 3u);  // start, the corner, end
  EXPECT_DOUBLE_EQ(r.route->path[1].lon_deg, 102.2);
}

TEST(LaneRoute, ShortcutBetweenTwoPathsIsTaken) {
  const test::SyntheticSea w = test::synthetic_sea({});
  const LaneNetwork lanes(test::line_layer({{{100.5, 0.5}, {101.5, 0.5}, {101.5, 1.5}},
                                            {{100.5, 0.5}, {100.5, 1.5}, {101.5, 1.5}},
                                            {{100.5, 0.5}, {101.5, 1.5}}}));
  const LaneRouter router(lanes, w.sea, w.land);
  const auto r = route(router, {100.5, 0.5}, {101.5, 1.5});
  ASSERT_TRUE(r.route.has_value());
  EXPECT_NEAR(r.route->total_nm(), geodesic_nm({100.5, 0.5}, {101.5, 1.5}), 1e-6);
}

TEST(LaneRoute, SeparatePartsAreCrossedByAJoin) {
  // Before joins this was an error: "they lie on separate parts of the lane network".
  const test::SyntheticSea w = test::synthetic_sea({});
  const LaneNetwork lanes(test::line_layer({{{100.2, 0.25}, {100.8, 0.25}}, {{101.2, 0.25}, {101.8, 0.25}}}));
  ASSERT_EQ(lanes.component_count(), 2);
  const LaneRouter router(lanes, w.sea, w.land);
  EXPECT_EQ(router.part_count(), 1);
  const auto r = route(router, {100.4, 0.25}, {101.6, 0.25});
  ASSERT_TRUE(r.route.has_value()) << r.error;
  EXPECT_NEAR(r.route->joins_nm, geodesic_nm({100.8, 0.25}, {101.2, 0.25}), 1e-6);
  EXPECT_NEAR(r.route->lanes_nm, geodesic_nm({100.4, 0.25}, {100.8, 0.25}) + geodesic_nm({101.2, 0.25}, {101.6, 0.25}), 1e-6);
  EXPECT_NEAR(r.route->total_nm(), geodesic_nm({100.4, 0.25}, {101.6, 0.25}), 1e-3);
}

TEST(LaneRoute, AccessLegGoesRoundAnIsland) {
  // A lane down 102.0E; west of it an island between the point and the lane's nearest point.
  const test::SyntheticSea w = test::synthetic_sea({{101.2, 0.8, 101.8, 1.4}});
  const LaneNetwork lanes(test::line_layer({{{102.0, 0.2}, {102.0, 2.8}}}));
  const LaneRouter router(lanes, w.sea, w.land);
  const GeoPoint p{101.1, 1.1};
  ASSERT_TRUE(w.land.touches_segment(p, lanes.snap(p)->point));  // the straight leg crosses the island
  const auto a = router.access(p);
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(a->over_water);
  expect_at_sea(w.land, a->path);
  EXPECT_DOUBLE_EQ(a->path.back().lon_deg, 102.0);
  // Round a corner of the island: at least p to the corner to the lane.
  const double round = geodesic_nm(p, {101.2, 0.8}) + geodesic_nm({101.2, 0.8}, {101.8, 0.8}) + geodesic_nm({101.8, 0.8}, {102.0, 0.8});
  EXPECT_GE(a->length_nm, round * 0.99);
  EXPECT_LE(a->length_nm, round * 1.1);
}

TEST(LaneRoute, ClosedWaterAndEmptyNetworkAreClearErrors) {
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 1.0, 102.0, 1.2}, {101.0, 1.8, 102.0, 2.0},
                                                   {101.0, 1.2, 101.2, 1.8}, {101.8, 1.2, 102.0, 1.8}});
  const LaneNetwork lanes(test::line_layer({{{100.2, 0.3}, {102.8, 0.3}}}));
  const LaneRouter router(lanes, w.sea, w.land);
  const auto r = route(router, {100.5, 0.5}, {101.5, 1.5});
  EXPECT_FALSE(r.route.has_value());
  EXPECT_NE(r.error.find("no lane is reachable over water from the end point"), std::string::npos) << r.error;
  const LaneNetwork none(test::line_layer({}));
  const LaneRouter empty(none, w.sea, w.land);
  EXPECT_EQ(route(empty, {100.5, 0.5}, {100.6, 0.5}).error, "the lane network is empty");
}

// Sea points of the baseline, chosen deterministically.
std::vector<GeoPoint> sea_points(const Geography& g, std::size_t n) {
  std::vector<GeoPoint> out;
  std::uint64_t s = 12345;
  auto next = [&] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  };
  while (out.size() < n) {
    const GeoPoint p{90.0 + 45.0 * next(), -12.0 + 37.0 * next()};
    if (!g.is_land(p)) out.push_back(p);
  }
  return out;
}

TEST(LaneRoute, InvariantsAndAccessLegsAtSeaOnRealLanes) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  const LaneRouter router(g.lanes, g.sea, g.land);
  const std::vector<GeoPoint> pts = sea_points(g, 18);
  auto between = [&](std::size_t i, std::size_t j) { return router.route(pts[i], pts[j]); };
  std::size_t routed = 0;
  for (std::size_t i = 0; i + 2 < pts.size(); i += 3) {
    const auto ac = between(i, i + 2);
    const auto ca = between(i + 2, i);
    const auto am = between(i, i + 1);
    const auto mc = between(i + 1, i + 2);
    // Points in closed waters (lagoons at the grid's resolution) reach no lane; all others route.
    if (!ac.route || !am.route || !mc.route) continue;
    ASSERT_TRUE(ca.route.has_value());
    ++routed;
    EXPECT_GE(ac.route->total_nm(), geodesic_nm(pts[i], pts[i + 2]) - 1e-6);
    EXPECT_NEAR(ac.route->total_nm(), ca.route->total_nm(), 1e-6 * ac.route->total_nm());
    EXPECT_LE(ac.route->total_nm(), am.route->total_nm() + mc.route->total_nm() + 1e-6);
    for (const auto* r : {&ac, &am, &mc}) {
      expect_at_sea(g.land, r->route->from.path);
      expect_at_sea(g.land, r->route->to.path);
    }
  }
  EXPECT_GE(routed, 5u);
}

TEST(LaneRoute, AccessLegsGoRoundCaviteAndBoholNotAcross) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  const LaneRouter router(g.lanes, g.sea, g.land);
  // At sea in Manila Bay off Pasay, and off Cebu City: the straight legs to the nearest edge
  // cross Cavite (43.4 nm, the route reported) and Bohol (58.7 nm).
  for (const GeoPoint& p : {GeoPoint{120.95, 14.6}, GeoPoint{123.95, 10.3}}) {
    ASSERT_FALSE(g.is_land(p));
    ASSERT_TRUE(g.land.touches_segment(p, g.lanes.snap(p)->point));
    const auto a = router.access(p);
    ASSERT_TRUE(a.has_value());
    EXPECT_TRUE(a->over_water);
    expect_at_sea(g.land, a->path);
  }
}

TEST(LaneRoute, SingaporeToManilaIsAboutThirteenHundredMiles) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  const LaneRouter router(g.lanes, g.sea, g.land);
  const auto r = route(router, {104.0, 1.2}, {120.6, 14.4});
  ASSERT_TRUE(r.route.has_value()) << r.error;
  // Published Singapore-Manila sailing distances are about 1,310 to 1,330 nm; the geodesic is 1,290 nm.
  EXPECT_GT(r.route->total_nm(), geodesic_nm({104.0, 1.2}, {120.6, 14.4}));
  EXPECT_NEAR(r.route->total_nm(), 1330.0, 70.0);
}

}  // namespace
}  // namespace mdasim

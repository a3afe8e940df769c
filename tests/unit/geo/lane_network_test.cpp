// The sea-lane network: joining, components, snapping and routes on synthetic lanes with
// hand-computed answers, and the route invariants on the real marnet lanes.
#include "geo/lane_network.hpp"

#include <cstdint>

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

LineLayer lines(std::vector<std::vector<GeoPoint>> l) {
  LineLayer layer;
  layer.lines = std::move(l);
  layer.feature_of.assign(layer.lines.size(), 0);
  layer.features.resize(1);
  return layer;
}

// Along the equator a degree of longitude is 60.107716 nm (6378137 m * pi / 180).
constexpr double kNmPerDegreeAtEquator = 6378137.0 * M_PI / 180.0 / 1852.0;

TEST(LaneNetwork, JoinsLinesWhereTheyMeetWithinTheTolerance) {
  // Two lines meeting at (101, 0) within 0.5 nm, and a third far away.
  const LaneNetwork net(lines({{{100, 0}, {101, 0}}, {{101.005, 0}, {102, 0}}, {{110, 5}, {111, 5}}}), 1.0);
  EXPECT_EQ(net.vertex_count(), 5u);
  EXPECT_EQ(net.edges().size(), 3u);
  EXPECT_EQ(net.component_count(), 2);
  EXPECT_NEAR(net.edges()[0].length_nm, kNmPerDegreeAtEquator, 1e-6);
}

TEST(LaneNetwork, JoinsAtInteriorVerticesToo) {
  // A line ending on the middle vertex of another.
  const LaneNetwork net(lines({{{100, 0}, {101, 0}, {102, 0}}, {{101, 1}, {101, 0}}}));
  EXPECT_EQ(net.vertex_count(), 4u);
  EXPECT_EQ(net.component_count(), 1);
}

TEST(LaneNetwork, SnapsToTheNearestPointOfAnEdge) {
  const LaneNetwork net(lines({{{100, 0}, {102, 0}}, {{100, 3}, {102, 3}}}));
  const auto s = net.snap({101.0, 0.5});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->edge, 0u);
  EXPECT_NEAR(s->point.lon_deg, 101.0, 1e-9);
  EXPECT_NEAR(s->point.lat_deg, 0.0, 1e-9);
  EXPECT_NEAR(s->t, 0.5, 1e-9);
  EXPECT_NEAR(s->distance_nm, geodesic_nm({101.0, 0.5}, {101.0, 0.0}), 1e-9);
}

TEST(LaneNetwork, RouteAlongAnLShapeByHand) {
  // (100,0) -> (102,0) -> (102,2): from near (100.5, 0) to near (102, 1.5).
  const LaneNetwork net(lines({{{100, 0}, {102, 0}, {102, 2}}}));
  const auto r = net.route({100.5, 0.0}, {102.0, 1.5});
  ASSERT_TRUE(r.route.has_value()) << r.error;
  const double expected = 1.5 * kNmPerDegreeAtEquator + geodesic_nm({102, 0}, {102, 1.5});
  EXPECT_NEAR(r.route->network_nm, expected, 0.05);  // partial edges are measured in proportion
  EXPECT_NEAR(r.route->access_from_nm, 0.0, 1e-9);
  EXPECT_NEAR(r.route->access_to_nm, 0.0, 1e-9);
  ASSERT_EQ(r.route->path.size(), 3u);  // start, the corner, end
  EXPECT_DOUBLE_EQ(r.route->path[1].lon_deg, 102.0);
}

TEST(LaneNetwork, ShortcutBetweenTwoPathsIsTaken) {
  // A square with a diagonal: the diagonal is shorter than going round.
  const LaneNetwork net(lines({{{100, 0}, {101, 0}, {101, 1}}, {{100, 0}, {100, 1}, {101, 1}}, {{100, 0}, {101, 1}}}));
  const auto r = net.route({100.0, 0.0}, {101.0, 1.0});
  ASSERT_TRUE(r.route.has_value());
  EXPECT_NEAR(r.route->network_nm, geodesic_nm({100, 0}, {101, 1}), 1e-6);
}

TEST(LaneNetwork, DisconnectedPartsAreAClearError) {
  const LaneNetwork net(lines({{{100, 0}, {101, 0}}, {{110, 5}, {111, 5}}}));
  const auto r = net.route({100.5, 0.1}, {110.5, 5.1});
  EXPECT_FALSE(r.route.has_value());
  EXPECT_NE(r.error.find("separate parts of the lane network"), std::string::npos);
}

TEST(LaneNetwork, EmptyNetwork) {
  const LaneNetwork net(lines({}));
  EXPECT_FALSE(net.snap({100, 0}).has_value());
  EXPECT_FALSE(net.route({100, 0}, {101, 0}).route.has_value());
}

TEST(LaneNetwork, TrafficWeightsByArea) {
  LaneNetwork net(lines({{{100, 0}, {101, 0}}, {{110, 5}, {111, 5}}}));
  LaneTraffic t;
  t.weight = 8.0;
  t.area = {{99, -1}, {102, -1}, {102, 1}, {99, 1}};
  net.set_traffic({t});
  EXPECT_DOUBLE_EQ(net.edges()[0].weight, 8.0);
  EXPECT_DOUBLE_EQ(net.edges()[1].weight, 1.0);
}

// Sea points of the baseline whose routes succeed, chosen deterministically.
std::vector<GeoPoint> routable_points(const Geography& g, std::size_t n) {
  std::vector<GeoPoint> out;
  std::uint64_t s = 12345;
  auto next = [&] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  };
  const auto main_part = g.lanes.snap({104.0, 1.2});  // the Singapore Strait is on the main network
  while (out.size() < n) {
    const GeoPoint p{90.0 + 45.0 * next(), -12.0 + 37.0 * next()};
    if (g.is_land(p)) continue;
    const auto snap = g.lanes.snap(p);
    if (!snap || g.lanes.component_of(g.lanes.edges()[snap->edge].u) !=
                     g.lanes.component_of(g.lanes.edges()[main_part->edge].u)) {
      continue;
    }
    out.push_back(p);
  }
  return out;
}

TEST(LaneNetwork, RouteInvariantsOnRealLanes) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  const std::vector<GeoPoint> pts = routable_points(g, 24);
  for (std::size_t i = 0; i + 2 < pts.size(); i += 3) {
    const GeoPoint& a = pts[i];
    const GeoPoint& m = pts[i + 1];
    const GeoPoint& c = pts[i + 2];
    const auto ac = g.lanes.route(a, c);
    const auto ca = g.lanes.route(c, a);
    const auto am = g.lanes.route(a, m);
    const auto mc = g.lanes.route(m, c);
    ASSERT_TRUE(ac.route && ca.route && am.route && mc.route);
    // With its access legs, a route is never shorter than the geodesic.
    EXPECT_GE(ac.route->total_nm(), geodesic_nm(a, c) - 1e-6);
    // Symmetric.
    EXPECT_NEAR(ac.route->total_nm(), ca.route->total_nm(), 1e-6 * ac.route->total_nm());
    // Triangle inequality through any third point.
    EXPECT_LE(ac.route->total_nm(), am.route->total_nm() + mc.route->total_nm() + 1e-6);
  }
}

TEST(LaneNetwork, SingaporeToManilaIsAboutThirteenHundredMiles) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const auto r = b->geography.lanes.route({104.0, 1.2}, {120.6, 14.4});
  ASSERT_TRUE(r.route.has_value()) << r.error;
  // Published Singapore-Manila sailing distances are about 1,330 nm; the geodesic is 1,290 nm.
  EXPECT_GT(r.route->total_nm(), geodesic_nm({104.0, 1.2}, {120.6, 14.4}));
  EXPECT_NEAR(r.route->total_nm(), 1330.0, 70.0);
}

TEST(LaneNetwork, SurabayaAndMakassarAreNotJoined) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const auto r = b->geography.lanes.route({112.9, -6.8}, {119.3, -5.2});
  EXPECT_FALSE(r.route.has_value());
}

}  // namespace
}  // namespace mdasim

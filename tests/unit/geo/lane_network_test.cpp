// The sea-lane network: joining, components and snapping on synthetic lanes with hand-computed
// answers (routes on it are tested in lane_route_test.cpp).
#include "geo/lane_network.hpp"

#include <gtest/gtest.h>

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

TEST(LaneNetwork, TrafficWeightsByArea) {
  LaneNetwork net(lines({{{100, 0}, {101, 0}}, {{110, 5}, {111, 5}}}));
  LaneTraffic t;
  t.weight = 8.0;
  t.area = {{99, -1}, {102, -1}, {102, 1}, {99, 1}};
  net.set_traffic({t});
  EXPECT_DOUBLE_EQ(net.edges()[0].weight, 8.0);
  EXPECT_DOUBLE_EQ(net.edges()[1].weight, 1.0);
}

TEST(LaneNetwork, SnapToOneEdgeAndPointsAlongIt) {
  const LaneNetwork net(lines({{{100, 0}, {102, 0}}, {{100, 3}, {102, 3}}}));
  const LaneNetwork::Snap s = net.snap_to_edge({101.0, 2.0}, 0);  // not the nearest edge, but this one
  EXPECT_EQ(s.edge, 0u);
  EXPECT_NEAR(s.t, 0.5, 1e-12);
  EXPECT_NEAR(s.distance_nm, geodesic_nm({101.0, 2.0}, {101.0, 0.0}), 1e-9);
  EXPECT_DOUBLE_EQ(net.point_on(1, 0.25).lon_deg, 100.5);
  // 2 degrees in pieces of at most 0.3: 7 pieces, 8 points.
  const std::vector<double> t = net.fractions_along(0, 0.3);
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t.front(), 0.0);
  EXPECT_EQ(t.back(), 1.0);
  EXPECT_NEAR(t[1], 1.0 / 7.0, 1e-15);
}

}  // namespace
}  // namespace mdasim

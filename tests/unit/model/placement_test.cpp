// Placement of incidents and targets on the baseline's real geography: never on land, inside
// the areas, spread over areas by weight, over lanes by traffic x length, and over the sea by
// area; and Poisson counts of arrivals.
#include "model/placement.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "../geo/baseline_geography.hpp"
#include "geo/polygon.hpp"

namespace mdasim {
namespace {

Placement areas(std::vector<std::pair<Polygon, double>> list) {
  Placement p;
  p.kind = Placement::Kind::kAreas;
  for (auto& [poly, w] : list) {
    Placement::Area a;
    a.polygon = poly;
    a.weight = w;
    p.areas.push_back(a);
  }
  return p;
}

// Two boxes of open water: Sulu Sea and South China Sea, weights 1 and 3.
const Polygon kSulu{{119.5, 7.5}, {121.5, 7.5}, {121.5, 9.0}, {119.5, 9.0}};
const Polygon kScs{{112.0, 10.0}, {114.0, 10.0}, {114.0, 12.0}, {112.0, 12.0}};

TEST(Placement, AreasByWeightInsideAndAtSea) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const PlacementSampler sampler(areas({{kSulu, 1.0}, {kScs, 3.0}}), b->geography);
  RandomStream rng(1, 0, 0, StreamPurpose::kIncidents);
  constexpr int kN = 20000;
  int in_sulu = 0;
  for (int i = 0; i < kN; ++i) {
    const GeoPoint p = sampler.sample(rng);
    ASSERT_FALSE(b->geography.is_land(p));
    const bool sulu = polygon_contains(kSulu, p);
    ASSERT_TRUE(sulu || polygon_contains(kScs, p));
    in_sulu += sulu ? 1 : 0;
  }
  EXPECT_NEAR(in_sulu / static_cast<double>(kN), 0.25, 5.0 * std::sqrt(0.25 * 0.75 / kN));
}

TEST(Placement, UniformByTrueAreaWithinAnArea) {
  // A tall box of open sea from 0N to 20N in the SCS west of Luzon... open water from 10N to
  // 18N at 115-117E. Uniform by area puts fewer points per degree of latitude further north,
  // in proportion to cos(latitude).
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Polygon box{{115.0, 10.0}, {117.0, 10.0}, {117.0, 18.0}, {115.0, 18.0}};
  const PlacementSampler sampler(areas({{box, 1.0}}), b->geography);
  RandomStream rng(2, 0, 0, StreamPurpose::kIncidents);
  constexpr int kN = 40000;
  int south = 0;
  for (int i = 0; i < kN; ++i) south += sampler.sample(rng).lat_deg < 14.0 ? 1 : 0;
  // Share of area south of 14N: (sin 14 - sin 10) / (sin 18 - sin 10) = 0.5139 (less any land:
  // the box is open sea apart from a few reefs, too small for the land mask).
  const double d2r = std::numbers::pi / 180.0;
  const double expected = (std::sin(14 * d2r) - std::sin(10 * d2r)) / (std::sin(18 * d2r) - std::sin(10 * d2r));
  EXPECT_NEAR(south / static_cast<double>(kN), expected, 5.0 * std::sqrt(expected * (1 - expected) / kN));
}

TEST(Placement, LanesByTrafficTimesLength) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  Placement lanes;
  lanes.kind = Placement::Kind::kLanes;
  const PlacementSampler sampler(lanes, g);
  // The expected share of the Malacca-Singapore traffic area (weight 9.4 in the baseline).
  const Polygon& malacca = b->scenario.lane_traffic.front().area;
  double inside = 0.0;
  double total = 0.0;
  double inside_length = 0.0;
  double total_length = 0.0;
  for (const LaneEdge& e : g.lanes.edges()) {
    const GeoPoint mid{(g.lanes.position(e.u).lon_deg + g.lanes.position(e.v).lon_deg) / 2,
                       (g.lanes.position(e.u).lat_deg + g.lanes.position(e.v).lat_deg) / 2};
    total += e.weight * e.length_nm;
    total_length += e.length_nm;
    if (polygon_contains(malacca, mid)) {
      inside += e.weight * e.length_nm;
      inside_length += e.length_nm;
    }
  }
  ASSERT_GT(inside, 0.0);
  RandomStream rng(3, 0, 0, StreamPurpose::kTargets);
  constexpr int kN = 20000;
  int hits = 0;
  for (int i = 0; i < kN; ++i) {
    const GeoPoint p = sampler.sample(rng);
    ASSERT_FALSE(g.is_land(p));
    const auto snap = g.lanes.snap(p);
    ASSERT_LT(snap->distance_nm, 0.01);  // on a lane
    hits += polygon_contains(malacca, p) ? 1 : 0;
  }
  // Points on edges that cross the area's boundary count where they fall, so allow a little
  // more than sampling error.
  const double share = inside / total;
  EXPECT_NEAR(hits / static_cast<double>(kN), share, 0.02);
  // The traffic weight (9.4 against 1 elsewhere, 6 on the SCS trunk) raises the strait's share
  // well above its share of lane length.
  EXPECT_GT(share, 2.0 * inside_length / total_length);
}

TEST(Placement, UniformOverTheSea) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  Placement uniform;
  uniform.kind = Placement::Kind::kUniform;
  const PlacementSampler sampler(uniform, b->geography);
  RandomStream rng(4, 0, 0, StreamPurpose::kIncidents);
  for (int i = 0; i < 5000; ++i) {
    const GeoPoint p = sampler.sample(rng);
    ASSERT_FALSE(b->geography.is_land(p));
    ASSERT_TRUE(b->scenario.region.contains(p));
  }
}

TEST(Placement, AnAreaWithoutSeaIsRefused) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Polygon borneo{{113.0, 0.0}, {114.0, 0.0}, {114.0, 1.0}, {113.0, 1.0}};
  EXPECT_THROW(PlacementSampler(areas({{borneo, 1.0}}), b->geography), std::invalid_argument);
}

TEST(Placement, SameStreamSamePoints) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const PlacementSampler sampler(areas({{kSulu, 1.0}, {kScs, 3.0}}), b->geography);
  RandomStream r1(5, 0, 3, StreamPurpose::kIncidents);
  RandomStream r2(5, 0, 3, StreamPurpose::kIncidents);
  for (int i = 0; i < 100; ++i) {
    const GeoPoint a = sampler.sample(r1);
    const GeoPoint c = sampler.sample(r2);
    ASSERT_EQ(a.lon_deg, c.lon_deg);
    ASSERT_EQ(a.lat_deg, c.lat_deg);
  }
}

// A point on the lanes comes with its edge and place on it: the same point sample() draws from
// the same stream, at that fraction of the edge's straight lon/lat line.
TEST(Placement, LanePointsNameTheirEdge) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const LaneNetwork& net = b->geography.lanes;
  Placement lanes;
  lanes.kind = Placement::Kind::kLanes;
  const PlacementSampler sampler(lanes, b->geography);
  RandomStream r1(6, 0, 1, StreamPurpose::kTargets);
  RandomStream r2(6, 0, 1, StreamPurpose::kTargets);
  for (int i = 0; i < 500; ++i) {
    const PlacementSampler::LanePoint p = sampler.sample_lane(r1);
    const GeoPoint q = sampler.sample(r2);
    ASSERT_EQ(p.position.lon_deg, q.lon_deg);
    ASSERT_EQ(p.position.lat_deg, q.lat_deg);
    ASSERT_LT(p.on.edge, net.edges().size());
    ASSERT_GE(p.on.fraction, 0.0);
    ASSERT_LT(p.on.fraction, 1.0);
    const GeoPoint& u = net.position(net.edges()[p.on.edge].u);
    const GeoPoint& v = net.position(net.edges()[p.on.edge].v);
    EXPECT_NEAR(p.position.lon_deg, u.lon_deg + p.on.fraction * (v.lon_deg - u.lon_deg), 1e-12);
    EXPECT_NEAR(p.position.lat_deg, u.lat_deg + p.on.fraction * (v.lat_deg - u.lat_deg), 1e-12);
  }
}

}  // namespace
}  // namespace mdasim

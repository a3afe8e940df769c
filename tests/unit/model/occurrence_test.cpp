// Where incidents and targets occur, as the reach and foreign-coast checks see it: on the small
// strait world (tests/data/valid/sar/small-sar.yaml: sea from 100.5E to 103.5E, 0-4N, 0.1 degree
// cells; a lane from 100.6E 1.0N through 102.0E 2.0N to 103.4E 3.0N).
#include "model/occurrence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <numeric>

#include "geo/geodesy.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

double total(const Occurrence& o) { return std::accumulate(o.mass.begin(), o.mass.end(), 0.0); }

TEST(Occurrence, AreasAreTheirSeaCellsByWeightAndArea) {
  const auto& w = test::small_world();
  IncidentClass c;
  c.where_placed.kind = Placement::Kind::kAreas;
  // 3 x 2 cell centres (101.05..101.25E, 1.05..1.15N) weight 1; 2 x 1 (102.05..102.15E, 2.05N) weight 3.
  c.where_placed.areas.push_back({"a", 1.0, {{101.0, 1.0}, {101.3, 1.0}, {101.3, 1.2}, {101.0, 1.2}}, {}, {}});
  c.where_placed.areas.push_back({"b", 3.0, {{102.0, 2.0}, {102.2, 2.0}, {102.2, 2.1}, {102.0, 2.1}}, {}, {}});
  const Occurrence o = incident_occurrence(c, w.geography);
  ASSERT_EQ(o.points.size(), 8u);
  EXPECT_NEAR(total(o), 1.0, 1e-12);
  // Area a holds a quarter, shared by its six cells in proportion to cos(latitude).
  double a = 0.0;
  for (std::size_t i = 0; i < 6; ++i) a += o.mass[i];
  EXPECT_NEAR(a, 0.25, 1e-12);
  EXPECT_NEAR(o.mass[0] / o.mass[3], std::cos(1.05 * std::numbers::pi / 180.0) / std::cos(1.15 * std::numbers::pi / 180.0), 1e-12);
  EXPECT_NEAR(o.mass[6], 0.375, 1e-12);
  // Half the diagonal of a 0.1 degree cell, at most 60.4 nm a degree: 0.5 x sqrt(2) x 6.04.
  EXPECT_NEAR(o.spread_nm, 4.2709, 1e-4);
}

TEST(Occurrence, UniformIsEverySeaCell) {
  const auto& w = test::small_world();
  IncidentClass c;
  c.where_placed.kind = Placement::Kind::kUniform;
  const Occurrence o = incident_occurrence(c, w.geography);
  EXPECT_EQ(o.points.size(), 30u * 40u);  // columns 100.55..103.45, rows 0.05..3.95
  EXPECT_NEAR(total(o), 1.0, 1e-12);
}

TEST(Occurrence, LanesArePointsAlongEveryEdge) {
  const auto& w = test::small_world();
  TargetClass c;
  c.where_placed.kind = Placement::Kind::kLanes;
  c.motion = TargetMotion::kTransit;
  c.speed_kt = 10.0;
  const Occurrence o = target_occurrence(c, w.geography);
  EXPECT_NEAR(total(o), 1.0, 1e-12);
  // Each edge in pieces of at most 4 nm, a point in the middle of each.
  std::size_t expected = 0;
  for (const LaneEdge& e : w.geography.lanes.edges()) expected += static_cast<std::size_t>(std::ceil(e.length_nm / 4.0));
  EXPECT_EQ(o.points.size(), expected);
  EXPECT_DOUBLE_EQ(o.spread_nm, 2.0);  // a transit along the lanes stays on them
}

TEST(Occurrence, TargetsSpreadAsTheyMove) {
  const auto& w = test::small_world();
  TargetClass c;
  c.where_placed.kind = Placement::Kind::kAreas;
  c.where_placed.areas.push_back({"a", 1.0, {{101.0, 1.0}, {101.3, 1.0}, {101.3, 1.2}, {101.0, 1.2}}, {}, {}});
  c.motion = TargetMotion::kLoiter;
  c.loiter_radius_nm = 15.0;
  EXPECT_NEAR(target_occurrence(c, w.geography).spread_nm, 4.2709 + 15.0, 1e-4);
  // A transit off the lanes: 25 kt for the 99th percentile of an exponential dwell of mean 6 h,
  // 6 ln 100 = 27.63 h: 690.8 nm.
  c.motion = TargetMotion::kTransit;
  c.speed_kt = 25.0;
  c.dwell.kind = Distribution::Kind::kExponential;
  c.dwell.a = 6.0;
  EXPECT_NEAR(target_occurrence(c, w.geography).spread_nm, 4.2709 + 25.0 * 6.0 * std::log(100.0), 1e-3);
}

}  // namespace
}  // namespace mdasim

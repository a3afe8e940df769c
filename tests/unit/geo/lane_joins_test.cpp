// Joins over water between parts of a lane network: by hand across open water and round an
// island, none where the water does not reach, and on the baseline the 13 parts of the marnet
// lanes joined into one within the scenario's region.
#include "geo/lane_joins.hpp"

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"
#include "geo/lane_route.hpp"
#include "synthetic_sea.hpp"

namespace mdasim {
namespace {

TEST(LaneJoins, AcrossOpenWaterTheGapBetweenTheEnds) {
  const test::SyntheticSea w = test::synthetic_sea({});
  const LaneNetwork lanes(test::line_layer({{{100.2, 0.25}, {100.8, 0.25}}, {{101.2, 0.25}, {101.8, 0.25}}}));
  ASSERT_EQ(lanes.component_count(), 2);
  const std::vector<LaneJoin> joins = lane_joins(lanes, w.sea, w.land);
  ASSERT_EQ(joins.size(), 1u);
  const LaneJoin& j = joins[0];
  EXPECT_EQ(j.part_a, 0);
  EXPECT_EQ(j.part_b, 1);
  // From the end of one line to the start of the other, straight once pulled taut.
  EXPECT_NEAR(lanes.point_on(j.at_a.edge, j.at_a.fraction).lon_deg, 100.8, 1e-9);
  EXPECT_NEAR(lanes.point_on(j.at_b.edge, j.at_b.fraction).lon_deg, 101.2, 1e-9);
  EXPECT_NEAR(j.length_nm, geodesic_nm({100.8, 0.25}, {101.2, 0.25}), 1e-6);
  EXPECT_EQ(j.path.size(), 2u);
}

TEST(LaneJoins, RoundAnIslandNeverOverIt) {
  // Two lines facing each other across an island.
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 0.6, 101.4, 2.4}});
  const LaneNetwork lanes(test::line_layer({{{100.8, 0.6}, {100.8, 2.4}}, {{101.6, 0.6}, {101.6, 2.4}}}));
  const std::vector<LaneJoin> joins = lane_joins(lanes, w.sea, w.land);
  ASSERT_EQ(joins.size(), 1u);
  const LaneJoin& j = joins[0];
  for (std::size_t i = 1; i < j.path.size(); ++i) EXPECT_FALSE(w.land.touches_segment(j.path[i - 1], j.path[i]));
  // Round the end of the island: more than the 0.8 degrees straight across.
  EXPECT_GT(j.length_nm, geodesic_nm({100.8, 0.6}, {101.6, 0.6}));
  EXPECT_LT(j.length_nm, 1.3 * geodesic_nm({100.8, 0.5}, {101.6, 0.5}) + 2 * 0.2 * 60.0);
}

TEST(LaneJoins, NoneToAPartOffTheGrid) {
  const test::SyntheticSea w = test::synthetic_sea({});
  const LaneNetwork lanes(test::line_layer({{{100.2, 0.25}, {100.8, 0.25}}, {{110.0, 5.0}, {111.0, 5.0}}}));
  EXPECT_TRUE(lane_joins(lanes, w.sea, w.land).empty());
  const LaneRouter router(lanes, w.sea, w.land);
  EXPECT_EQ(router.part_count(), 2);
  EXPECT_EQ(router.parts_off_the_grid(), 1);
}

TEST(LaneJoins, TheBaselineLanesBecomeOnePartInTheRegion) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  // marnet clipped to 85-140E, 17S-30N: 13 parts (scenarios/data/README.md).
  EXPECT_EQ(g.lanes.component_count(), 13);
  const LaneRouter router(g.lanes, g.sea, g.land);
  // Five pieces lie wholly outside the grid's 90-135E, 12S-25N (two north of 28N, one at
  // 85-86E 16-17S, Gove at 136.7E and one at 139-140E); every other part is joined to the main
  // network over water.
  EXPECT_EQ(router.parts_off_the_grid(), 5);
  EXPECT_EQ(router.part_count(), 6);
  for (const LaneJoin& j : router.joins()) {
    EXPECT_GT(j.length_nm, 0.0);
    EXPECT_GE(j.length_nm, geodesic_nm(j.path.front(), j.path.back()) - 1e-9);
    for (std::size_t i = 1; i < j.path.size(); ++i) {
      EXPECT_FALSE(g.land.touches_segment(j.path[i - 1], j.path[i])) << "join " << j.part_a << "-" << j.part_b;
    }
  }
}

}  // namespace
}  // namespace mdasim

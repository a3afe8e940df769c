// The analytic response-time field on the small two-state world (tests/data/valid/sar), worked
// out by hand for one cell: four candidates sorted by arrival, the first up one responds.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
#include "model/response_field.hpp"
#include "scenario/load.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

using test::small_world;

// The cell whose centre is (101.05, 2.05), in the West (MY) region.
std::size_t test_cell() { return small_world().geography.grid().index(20, 10); }

struct Hand {
  double t[4];  // West plane, West boat, East plane, East boat
};

// Arrival times from the alert: processing 0.5 h; foreign: sharing 2 h + coordination 1 h;
// readiness 1 h (plane) / 0.5 h (boat); cruise 200 kt / 20 kt.
Hand hand_times(const SarSetup& setup) {
  const std::size_t cell = test_cell();
  const GeoPoint p = small_world().geography.grid().center(cell);
  EXPECT_NEAR(p.lon_deg, 101.05, 1e-9);
  EXPECT_NEAR(p.lat_deg, 2.05, 1e-9);
  const auto sea = [&](int unit) {
    const SarUnit& u = setup.units()[static_cast<std::size_t>(unit)];
    return static_cast<double>(setup.sea_fields()[static_cast<std::size_t>(u.sea_field)].distance_nm[cell]);
  };
  Hand h{};
  h.t[0] = 0.5 + 1.0 + approx_distance_nm({100.2, 2.0}, p) / 200.0;
  h.t[1] = 0.5 + 0.5 + sea(1) / 20.0;
  h.t[2] = 0.5 + 3.0 + 1.0 + approx_distance_nm({103.8, 2.0}, p) / 200.0;
  h.t[3] = 0.5 + 3.0 + 0.5 + sea(3) / 20.0;
  return h;
}

TEST(ResponseField, FirstUpUnitOfFourSortedCandidates) {
  const SarSetup setup(small_world().scenario, small_world().geography);
  const Hand h = hand_times(setup);
  // About 1.76, 2.6, 5.3 and 11.4 h: already in order.
  ASSERT_LT(h.t[0], h.t[1]);
  ASSERT_LT(h.t[1], h.t[2]);
  ASSERT_LT(h.t[2], h.t[3]);
  // Up probabilities 0.8 (planes) and 0.9 (boats):
  // p = 0.8, 0.2 x 0.9 = 0.18, 0.2 x 0.1 x 0.8 = 0.016, 0.2 x 0.1 x 0.2 x 0.9 = 0.0036; none 0.0004.
  const double expected = (0.8 * h.t[0] + 0.18 * h.t[1] + 0.016 * h.t[2] + 0.0036 * h.t[3]) / 0.9996;
  for (const unsigned threads : {1u, 2u}) {
    const ResponseField f = analytic_response_field(setup, {0, 1.0, threads});
    EXPECT_NEAR(f.expected_response_h[test_cell()], expected, 1e-5);
    EXPECT_NEAR(f.p_none[test_cell()], 0.0004, 1e-7);
  }
}

TEST(ResponseField, CrossBorderDeniedLeavesTheOwnUnits) {
  Scenario s = small_world().scenario;
  s.policies.cross_border_default_allowed = false;
  const SarSetup setup(s, small_world().geography);
  const Hand h = hand_times(setup);
  const ResponseField f = analytic_response_field(setup);
  EXPECT_NEAR(f.expected_response_h[test_cell()], (0.8 * h.t[0] + 0.18 * h.t[1]) / 0.98, 1e-5);
  EXPECT_NEAR(f.p_none[test_cell()], 0.02, 1e-7);
}

TEST(ResponseField, EntriesOfSeveralUnitsAndUnreachableCells) {
  Scenario s = small_world().scenario;
  s.assets.resize(1);  // the West plane only ...
  s.assets[0].count = 3;  // ... three of them: up with probability 1 - 0.2^3 = 0.992
  s.asset_types[0].endurance_h = 2.5;  // 1 h on scene within 2.5 h: reaches (2.5 - 1) / 2 x 200 = 150 nm
  const SarSetup setup(s, small_world().geography);
  const ResponseField f = analytic_response_field(setup);
  const GeoPoint p = small_world().geography.grid().center(test_cell());
  EXPECT_NEAR(f.expected_response_h[test_cell()], 0.5 + 1.0 + approx_distance_nm({100.2, 2.0}, p) / 200.0, 1e-5);
  EXPECT_NEAR(f.p_none[test_cell()], 0.008, 1e-7);
  // Land is NaN; a sea cell out of reach has no expected response and p_none = 1.
  const Grid& grid = small_world().geography.grid();
  const std::size_t land = grid.index(20, 2);  // (100.25, 2.05) on the western coast
  EXPECT_TRUE(std::isnan(f.expected_response_h[land]));
  EXPECT_TRUE(std::isnan(f.p_none[land]));
  const std::size_t far = grid.index(20, 34);  // (103.45, 2.05): 195 nm away
  EXPECT_TRUE(std::isnan(f.expected_response_h[far]));
  EXPECT_FLOAT_EQ(f.p_none[far], 1.0f);
}

}  // namespace
}  // namespace mdasim

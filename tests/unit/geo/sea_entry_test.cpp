// Where a point joins the sea: the nearest sea cell by hand on a synthetic island, points on
// land taken within the port rule's reach and refused beyond it, and the published positions of
// ports that lie on land at the baseline's 0.1 degree resolution.
#include "geo/sea_entry.hpp"

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"
#include "synthetic_sea.hpp"

namespace mdasim {
namespace {

TEST(SeaEntry, NearestSeaCellByHand) {
  // Island 100.5..101.5 x 0.5..1.5: cells with centres inside are land.
  const test::SyntheticSea w = test::synthetic_sea({{100.5, 0.5, 101.5, 1.5}});
  const Grid& g = w.sea.grid();
  const GeoPoint p{100.62, 1.0};  // 0.12 degrees in from the west shore
  const auto nearest = nearest_sea_cell(w.sea, p);
  ASSERT_TRUE(nearest.has_value());
  // The first centres at sea west of the shore are at 100.45; of 0.95 and 1.05 N the northern
  // is nearer (a degree of longitude is shorter there).
  EXPECT_NEAR(g.center(nearest->cell).lon_deg, 100.45, 1e-9);
  EXPECT_NEAR(g.center(nearest->cell).lat_deg, 1.05, 1e-9);
  EXPECT_NEAR(nearest->distance_nm, geodesic_nm(p, {100.45, 1.05}), 1e-9);
}

TEST(SeaEntry, AtSeaIsTakenAsItIs) {
  const test::SyntheticSea w = test::synthetic_sea({{100.5, 0.5, 101.5, 1.5}});
  const SeaEntry e = sea_entry(w.sea, w.land, {100.2, 0.2});
  EXPECT_FALSE(e.on_land);
  EXPECT_TRUE(e.accepted);
}

TEST(SeaEntry, LandWithinFiveCellsIsTakenFartherIsRefusedWithTheDistance) {
  // An island 1.6 degrees wide: its middle is 8 cells from the sea.
  const test::SyntheticSea w = test::synthetic_sea({{100.7, 0.7, 102.3, 2.3}});
  const SeaEntry near = sea_entry(w.sea, w.land, {100.9, 1.5});  // 2 cells in
  EXPECT_TRUE(near.on_land);
  EXPECT_TRUE(near.accepted);
  const SeaEntry far = sea_entry(w.sea, w.land, {101.5, 1.5});
  EXPECT_TRUE(far.on_land);
  EXPECT_FALSE(far.accepted);
  ASSERT_TRUE(far.nearest.has_value());
  // Against every sea cell of the grid.
  double least = 1e9;
  for (std::size_t c = 0; c < w.sea.grid().size(); ++c) {
    if (w.sea.is_sea(c)) least = std::min(least, geodesic_nm({101.5, 1.5}, w.sea.grid().center(c)));
  }
  EXPECT_DOUBLE_EQ(far.nearest->distance_nm, least);
  EXPECT_NEAR(least, 0.85 * 59.7, 1.0);  // 8.5 cells
}

TEST(SeaEntry, PublishedPortPositionsOnLandAreTakenAsPorts) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  // Positions that lie on land at 0.1 degrees (WPI and public sources; see tests/cli/route_peer.py).
  const std::vector<GeoPoint> ports{{120.97, 14.58},  {123.90, 10.30}, {106.88, -6.10},
                                    {101.40, 3.00},   {115.07, 5.03}};
  for (const GeoPoint& p : ports) {
    const SeaEntry e = sea_entry(g.sea, g.land, p);
    EXPECT_TRUE(e.on_land) << p.lon_deg << "," << p.lat_deg;
    EXPECT_TRUE(e.accepted) << p.lon_deg << "," << p.lat_deg;
    ASSERT_TRUE(e.nearest.has_value());
    EXPECT_LT(e.nearest->distance_nm, 15.0);
  }
  // The middle of Borneo is far from any sea.
  const SeaEntry inland = sea_entry(g.sea, g.land, {114.5, 1.0});
  EXPECT_FALSE(inland.accepted);
  ASSERT_TRUE(inland.nearest.has_value());
  EXPECT_GT(inland.nearest->distance_nm, 100.0);
}

}  // namespace
}  // namespace mdasim

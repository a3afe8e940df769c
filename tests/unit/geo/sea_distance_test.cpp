// Over-water distance fields: hand-checked on small synthetic grids (walls, gaps, corners), and
// the invariants on real coasts: never below the geodesic, within the stated discretisation
// error in open water, and several times the geodesic across Palawan.
#include "geo/sea_distance.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

// A 10 x 10 grid of 0.1 deg cells at the equator; `land` lists (row, col) cells.
SeaGrid small_grid(const std::vector<std::pair<int, int>>& land) {
  const Grid g(100.0, 0.0, 101.0, 1.0, 0.1);
  std::vector<std::uint8_t> sea(g.size(), 1);
  for (const auto& [r, c] : land) sea[g.index(r, c)] = 0;
  return SeaGrid(g, sea);
}

TEST(SeaDistance, OpenWaterAlongARowIsTheSumOfGeodesicSteps) {
  const SeaGrid sea = small_grid({});
  const Grid& g = sea.grid();
  const GeoPoint source = g.center(g.index(0, 0));
  const auto field = sea_distance_field(sea, {{source}});
  // Along row 0, eastward: exactly the geodesic between the centres (it is the equator band).
  for (int c = 1; c < 10; ++c) {
    EXPECT_NEAR(field.distance_nm[g.index(0, c)], geodesic_nm(source, g.center(g.index(0, c))), 1e-6 * c);
  }
  EXPECT_DOUBLE_EQ(field.distance_nm[g.index(0, 0)], 0.0);
  EXPECT_EQ(field.nearest_source[g.index(5, 5)], 0);
}

TEST(SeaDistance, GoesRoundAWallThroughItsGap) {
  // A wall down column 5 from row 0 to row 8; the gap is row 9.
  std::vector<std::pair<int, int>> wall;
  for (int r = 0; r <= 8; ++r) wall.emplace_back(r, 5);
  const SeaGrid sea = small_grid(wall);
  const Grid& g = sea.grid();
  const GeoPoint source = g.center(g.index(0, 4));
  const auto field = sea_distance_field(sea, {{source}});
  const double across = field.distance_nm[g.index(0, 6)];
  EXPECT_TRUE(std::isinf(field.distance_nm[g.index(3, 5)]));  // land
  // Up to the gap (9 rows) and back down: at least 2 * 8.5 cells of 6 nm.
  EXPECT_GT(across, 2 * 8.5 * 6.0);
  EXPECT_GT(across, 8.0 * geodesic_nm(source, g.center(g.index(0, 6))));
}

TEST(SeaDistance, DoesNotCutCornersBetweenDiagonalLand) {
  // Land at (1,0) and (0,1): the diagonal step from (0,0) to (1,1) would pass between them.
  const SeaGrid sea = small_grid({{1, 0}, {0, 1}});
  const Grid& g = sea.grid();
  const auto field = sea_distance_field(sea, {{g.center(g.index(0, 0))}});
  EXPECT_DOUBLE_EQ(field.distance_nm[g.index(0, 0)], 0.0);
  // The pocket's only way out is the corner, so nothing beyond it is reached.
  EXPECT_TRUE(std::isinf(field.distance_nm[g.index(1, 1)]));
  EXPECT_TRUE(std::isinf(field.distance_nm[g.index(5, 5)]));
}

TEST(SeaDistance, NearestSourceWinsAndTiesGoToTheLowerIndex) {
  const SeaGrid sea = small_grid({});
  const Grid& g = sea.grid();
  const auto field = sea_distance_field(sea, {{g.center(g.index(0, 0))}, {g.center(g.index(0, 9))}});
  EXPECT_EQ(field.nearest_source[g.index(0, 1)], 0);
  EXPECT_EQ(field.nearest_source[g.index(0, 8)], 1);
}

TEST(SeaDistance, SourceFarFromTheSeaIsReported) {
  std::vector<std::pair<int, int>> all_land;
  for (int r = 0; r < 10; ++r) {
    for (int c = 0; c < 10; ++c) all_land.emplace_back(r, c);
  }
  const SeaGrid sea = small_grid(all_land);
  std::vector<std::size_t> unreachable;
  const auto field = sea_distance_field(sea, {{{100.5, 0.5}}}, &unreachable);
  ASSERT_EQ(unreachable.size(), 1u);
  EXPECT_EQ(unreachable[0], 0u);
}

double field_at(const Geography& g, const SeaDistanceField& f, const GeoPoint& p) {
  return f.distance_nm[*g.grid().cell_of(p)];
}

TEST(SeaDistance, NeverBelowTheGeodesicOnRealCoasts) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  std::vector<SeaSource> ports;
  for (const Base& base : b->scenario.bases) {
    if (base.kind == BaseKind::kPort) ports.push_back({base.position});
  }
  const auto field = sea_distance_field(g.sea, ports);
  std::size_t reached = 0;
  for (std::size_t cell = 0; cell < g.grid().size(); ++cell) {
    if (field.nearest_source[cell] < 0) continue;
    ++reached;
    const GeoPoint& port = ports[static_cast<std::size_t>(field.nearest_source[cell])].position;
    ASSERT_GE(field.distance_nm[cell], geodesic_nm(port, g.grid().center(cell)) - 1e-6);
  }
  EXPECT_GT(reached, g.sea.sea_cell_count() * 9 / 10);  // nearly all the sea is reached
}

TEST(SeaDistance, OpenWaterIsWithinTheDiscretisationError) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  // A source in the open South China Sea; points 100-300 nm away in open water, all directions.
  const GeoPoint source{113.05, 12.05};
  const auto field = sea_distance_field(g.sea, {{source}});
  for (int bearing = 0; bearing < 360; bearing += 15) {
    for (double d : {100.0, 200.0, 300.0}) {
      const GeoPoint p = geodesic_destination(source, bearing, d);
      if (g.is_land(p)) continue;
      const double geo = geodesic_nm(source, g.grid().center(*g.grid().cell_of(p)));
      const double over_water = field_at(g, field, p);
      EXPECT_GE(over_water, geo - 1e-6);
      // 2.75% for the 16-neighbour metric, plus the skew of cells at this latitude (cos 12 deg).
      EXPECT_LE(over_water / geo, 1.035) << "bearing " << bearing << ", " << d << " nm";
    }
  }
}

TEST(SeaDistance, AcrossPalawanIsSeveralTimesTheGeodesic) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  const GeoPoint sulu{119.0, 9.6};   // off Puerto Princesa, Sulu Sea
  const GeoPoint west{118.2, 9.9};   // off Palawan's west coast, South China Sea
  ASSERT_FALSE(g.is_land(sulu));
  ASSERT_FALSE(g.is_land(west));
  const auto field = sea_distance_field(g.sea, {{sulu}});
  const double geo = geodesic_nm(sulu, west);
  const double over_water = field_at(g, field, west);
  EXPECT_GT(over_water, 3.0 * geo) << "geodesic " << geo << " nm, over water " << over_water << " nm";
}

}  // namespace
}  // namespace mdasim

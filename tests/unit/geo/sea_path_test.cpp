// Over-water paths read back from distance fields: on synthetic grids the path is a chain of
// legal moves from the source's cell whose lengths add up to the field's distance, and it goes
// round walls through their gaps; its polyline keeps one point per run of the same move.
#include "geo/sea_path.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

SeaGrid grid_with_land(const std::vector<std::pair<int, int>>& land) {
  const Grid g(100.0, 0.0, 101.0, 1.0, 0.1);
  std::vector<std::uint8_t> sea(g.size(), 1);
  for (const auto& [r, c] : land) sea[g.index(r, c)] = 0;
  return SeaGrid(g, sea);
}

// The length of a cell path by its moves, checking each is one of the 16 over water.
double moves_nm(const SeaGrid& sea, const std::vector<std::size_t>& cells) {
  const Grid& g = sea.grid();
  double sum = 0.0;
  for (std::size_t i = 1; i < cells.size(); ++i) {
    const int r = g.row_of(cells[i - 1]);
    const int c = g.col_of(cells[i - 1]);
    const int dr = g.row_of(cells[i]) - r;
    const int dc = g.col_of(cells[i]) - c;
    bool found = false;
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      const GridMove& mv = kGridMoves[m];
      if (mv.d_row != dr || mv.d_col != dc) continue;
      found = true;
      EXPECT_TRUE(sea.is_sea(cells[i]));
      for (int k = 0; k < mv.n_via; ++k) {
        EXPECT_TRUE(sea.is_sea(g.index(r + mv.via[static_cast<std::size_t>(k)][0], c + mv.via[static_cast<std::size_t>(k)][1])))
            << "the move from " << cells[i - 1] << " cuts a corner of land";
      }
      sum += sea.move_nm(r, m);
    }
    EXPECT_TRUE(found) << "cells " << cells[i - 1] << " and " << cells[i] << " are not one move apart";
  }
  return sum;
}

// The field from the centre of cell (row, col) and the path it gives to `target`.
struct Solved {
  std::vector<SeaSource> sources;
  SeaDistanceField field;
  std::vector<std::size_t> cells;
};
Solved path_from(const SeaGrid& sea, int row, int col, std::size_t target) {
  Solved out;
  out.sources = {{sea.grid().center(sea.grid().index(row, col))}};
  out.field = sea_distance_field(sea, out.sources);
  out.cells = sea_path_cells(sea, out.field, out.sources, target);
  return out;
}

TEST(SeaPath, AddsUpToTheFieldAndGoesThroughTheGap) {
  // A wall down column 5 from row 0 to row 8; the gap is row 9.
  std::vector<std::pair<int, int>> wall;
  for (int r = 0; r <= 8; ++r) wall.emplace_back(r, 5);
  const SeaGrid sea = grid_with_land(wall);
  const Grid& g = sea.grid();
  const std::size_t target = g.index(0, 6);
  const auto [sources, field, cells] = path_from(sea, 0, 4, target);
  ASSERT_GE(cells.size(), 3u);
  EXPECT_EQ(cells.front(), g.index(0, 4));
  EXPECT_EQ(cells.back(), target);
  bool through_gap = false;
  for (const std::size_t c : cells) through_gap = through_gap || (g.row_of(c) == 9 && g.col_of(c) == 5);
  EXPECT_TRUE(through_gap);
  // The source sits on its cell's centre, so the field is the moves alone.
  EXPECT_NEAR(moves_nm(sea, cells), field.distance_nm[target], 1e-9);
}

TEST(SeaPath, FromAPortInALandCellStartsAtOneOfItsSeaCells) {
  // A land block of 3 x 3 cells with the port at its centre: it starts from the ring around.
  std::vector<std::pair<int, int>> block;
  for (int r = 3; r <= 5; ++r) {
    for (int c = 3; c <= 5; ++c) block.emplace_back(r, c);
  }
  const SeaGrid sea = grid_with_land(block);
  const Grid& g = sea.grid();
  const std::size_t target = g.index(8, 8);
  const auto [sources, field, cells] = path_from(sea, 4, 4, target);
  ASSERT_FALSE(cells.empty());
  const std::size_t first = cells.front();
  EXPECT_TRUE(sea.is_sea(first));
  // The first ring with sea (2 cells out) or the ring beyond, as the field seeds a port.
  const int ring = std::max(std::abs(g.row_of(first) - 4), std::abs(g.col_of(first) - 4));
  EXPECT_TRUE(ring == 2 || ring == 3) << ring;
  const double leg = geodesic_nm(sources[0].position, g.center(first));
  EXPECT_NEAR(leg + moves_nm(sea, cells), field.distance_nm[target], 1e-9);
}

TEST(SeaPath, UnreachedCellHasNoPath) {
  const SeaGrid sea = grid_with_land({{1, 0}, {0, 1}});
  const Grid& g = sea.grid();
  EXPECT_TRUE(path_from(sea, 0, 0, g.index(5, 5)).cells.empty());
  const std::vector<SeaSource> sources{{g.center(g.index(0, 0))}};
  const SeaDistanceField field = sea_distance_field(sea, sources);
  EXPECT_EQ(sea_path_cells(sea, field, sources, g.index(0, 0)).size(), 1u);
}

TEST(SeaPath, PolylineKeepsOnePointPerRunOfTheSameMove) {
  const SeaGrid sea = grid_with_land({});
  const Grid& g = sea.grid();
  // East 3 cells, then north-east 2 cells.
  const std::vector<std::size_t> cells{g.index(0, 0), g.index(0, 1), g.index(0, 2), g.index(0, 3), g.index(1, 4), g.index(2, 5)};
  const SeaPolyline line = sea_path_polyline(sea, cells);
  ASSERT_EQ(line.points.size(), 3u);
  ASSERT_EQ(line.leg_nm.size(), 2u);
  EXPECT_DOUBLE_EQ(line.points[1].lon_deg, g.center(g.index(0, 3)).lon_deg);
  EXPECT_NEAR(line.leg_nm[0], 3 * sea.move_nm(0, 0), 1e-12);
  EXPECT_NEAR(line.leg_nm[0] + line.leg_nm[1], moves_nm(sea, cells), 1e-12);
}

}  // namespace
}  // namespace mdasim

// Bodies of water on small hand-drawn sea grids: a cell joins a body only by a move the distance
// fields could make (no corner cut across land), and the sizes add up to the sea cells.
#include "geo/sea_bodies.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

// A grid of `rows` strings ('~' sea, '#' land), the first string the southernmost row.
SeaGrid drawn(const std::vector<std::string>& rows) {
  const Grid grid(0.0, 0.0, static_cast<double>(rows.front().size()), static_cast<double>(rows.size()), 1.0);
  std::vector<std::uint8_t> sea(grid.size(), 0);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) sea[grid.index(static_cast<int>(r), static_cast<int>(c))] = rows[r][c] == '~';
  }
  return SeaGrid(grid, std::move(sea));
}

TEST(SeaBodies, NumbersTheWatersTheMovesJoin) {
  const SeaGrid sea = drawn({
      "~~~~#~~",  // row 0: the open sea (left) and a pocket (right) behind a wall of land
      "~~~~#~~",
      "~~~~###",
      "###~#~#",  // row 3: the single cell at column 5 touches row 2 only at a corner of land
      "#~#####",  // row 4: column 1 reaches the inlet (3, 3) only by a knight's move across land
  });
  const SeaBodies b = sea_bodies(sea);
  const Grid& g = sea.grid();
  const auto body = [&](int r, int c) { return b.body[g.index(r, c)]; };
  EXPECT_EQ(body(0, 0), body(2, 3));   // the open sea
  EXPECT_EQ(body(3, 3), body(0, 0));   // its inlet
  EXPECT_NE(body(0, 5), body(0, 0));   // the pocket behind the wall
  EXPECT_EQ(body(0, 5), body(1, 6));
  EXPECT_NE(body(3, 5), body(1, 5));   // no corner cut: (2, 4) and (2, 5), (2, 6) are land
  EXPECT_NE(body(4, 1), body(3, 3));   // a knight's move from (3, 3) to (4, 1) crosses land
  EXPECT_EQ(body(0, 4), -1);           // land
  ASSERT_EQ(b.cells.size(), 4u);
  EXPECT_EQ(b.cells[static_cast<std::size_t>(body(0, 0))], 13u);
  EXPECT_EQ(b.cells[static_cast<std::size_t>(body(0, 5))], 4u);
  EXPECT_EQ(b.cells[static_cast<std::size_t>(body(3, 5))], 1u);
  EXPECT_EQ(b.cells[static_cast<std::size_t>(body(4, 1))], 1u);
  EXPECT_EQ(b.largest(), 13u);
}

TEST(SeaBodies, CellsTouchingAtACornerOnlyAreApart) {
  // A diagonal move needs both cells beside it at sea, so the two cells stay apart.
  const SeaGrid sea = drawn({
      "~#",
      "#~",
  });
  const SeaBodies b = sea_bodies(sea);
  EXPECT_EQ(b.cells.size(), 2u);
  EXPECT_EQ(b.largest(), 1u);
  EXPECT_EQ(sea_bodies(drawn({"##"})).largest(), 0u);
}

}  // namespace
}  // namespace mdasim

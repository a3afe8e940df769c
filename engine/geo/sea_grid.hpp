// The scenario grid's sea cells and the geodesic lengths of moves between neighbouring cell
// centres, shared by every shortest-path computation on the grid (over-water distances,
// responsible states). Moves: 16 neighbours (the 8 adjacent cells and the 8 knight's moves), so
// that straight lines in open water are followed within about 3% (see sea_distance.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "geo/grid.hpp"

namespace mdasim {

struct GridMove {
  int d_row;
  int d_col;
  // Cells the straight move passes through besides its ends (relative to the start); a move
  // over water needs them all to be sea (no cutting corners across land).
  int n_via;
  std::array<std::array<int, 2>, 2> via;
};

inline constexpr std::array<GridMove, 16> kGridMoves{{
    {0, 1, 0, {}}, {0, -1, 0, {}}, {1, 0, 0, {}}, {-1, 0, 0, {}},
    {1, 1, 2, {{{0, 1}, {1, 0}}}}, {1, -1, 2, {{{0, -1}, {1, 0}}}},
    {-1, 1, 2, {{{0, 1}, {-1, 0}}}}, {-1, -1, 2, {{{0, -1}, {-1, 0}}}},
    {1, 2, 2, {{{0, 1}, {1, 1}}}}, {1, -2, 2, {{{0, -1}, {1, -1}}}},
    {-1, 2, 2, {{{0, 1}, {-1, 1}}}}, {-1, -2, 2, {{{0, -1}, {-1, -1}}}},
    {2, 1, 2, {{{1, 0}, {1, 1}}}}, {2, -1, 2, {{{1, 0}, {1, -1}}}},
    {-2, 1, 2, {{{-1, 0}, {-1, 1}}}}, {-2, -1, 2, {{{-1, 0}, {-1, -1}}}},
}};

class SeaGrid {
 public:
  SeaGrid() = default;
  // `sea[i]` is nonzero when cell i's centre is at sea.
  SeaGrid(const Grid& grid, std::vector<std::uint8_t> sea);

  [[nodiscard]] const Grid& grid() const { return grid_; }
  [[nodiscard]] bool is_sea(std::size_t cell) const { return sea_[cell] != 0; }
  [[nodiscard]] const std::vector<std::uint8_t>& sea() const { return sea_; }
  [[nodiscard]] std::size_t sea_cell_count() const;
  // Geodesic length (nm) of move `m` from a cell in `row` (independent of the column).
  [[nodiscard]] double move_nm(int row, std::size_t m) const { return move_nm_[static_cast<std::size_t>(row) * kGridMoves.size() + m]; }

 private:
  Grid grid_;
  std::vector<std::uint8_t> sea_;
  std::vector<double> move_nm_;  // rows x 16
};

}  // namespace mdasim

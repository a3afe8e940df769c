// The grid's moves over water, as every shortest-path search on the sea cells takes them: the
// 16 moves of sea_grid.hpp from a cell to a sea cell, each needing the cells its straight line
// passes through to be sea (no corner of land cut); and the cells around a point (its own and
// its 8 neighbours), where searches start and end.
#pragma once

#include <cstddef>
#include <optional>

#include "geo/sea_grid.hpp"

namespace mdasim {

// The cell that move `m` from (row, col) reaches over water, or nothing.
[[nodiscard]] inline std::optional<std::size_t> sea_move(const SeaGrid& sea, int row, int col, std::size_t m) {
  const Grid& g = sea.grid();
  const GridMove& mv = kGridMoves[m];
  const int nr = row + mv.d_row;
  const int nc = col + mv.d_col;
  if (nr < 0 || nc < 0 || nr >= g.rows() || nc >= g.cols()) return std::nullopt;
  const std::size_t next = g.index(nr, nc);
  if (!sea.is_sea(next)) return std::nullopt;
  for (int k = 0; k < mv.n_via; ++k) {
    const auto& via = mv.via[static_cast<std::size_t>(k)];
    if (!sea.is_sea(g.index(row + via[0], col + via[1]))) return std::nullopt;
  }
  return next;
}

// visit(next, m) for every move over water from `cell`.
template <typename Visit>
void for_each_sea_move(const SeaGrid& sea, std::size_t cell, Visit&& visit) {
  const int row = sea.grid().row_of(cell);
  const int col = sea.grid().col_of(cell);
  for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
    if (const auto next = sea_move(sea, row, col, m)) visit(*next, m);
  }
}

// visit(cell) for the cell holding `p` and its 8 neighbours, those in the grid (none when p is
// outside it).
template <typename Visit>
void for_each_cell_around(const Grid& g, const GeoPoint& p, Visit&& visit) {
  const auto own = g.cell_of(p);
  if (!own) return;
  const int row = g.row_of(*own);
  const int col = g.col_of(*own);
  for (int dr = -1; dr <= 1; ++dr) {
    for (int dc = -1; dc <= 1; ++dc) {
      const int r = row + dr;
      const int c = col + dc;
      if (r >= 0 && c >= 0 && r < g.rows() && c < g.cols()) visit(g.index(r, c));
    }
  }
}

}  // namespace mdasim

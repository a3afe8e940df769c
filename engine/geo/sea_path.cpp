// Walking a distance field back from a cell to its source (see sea_path.hpp).
#include "geo/sea_path.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "geo/sea_moves.hpp"

namespace mdasim {

std::vector<std::size_t> sea_path_cells(const SeaGrid& sea, const SeaDistanceField& field,
                                        const std::vector<SeaSource>& sources, std::size_t cell) {
  std::vector<std::size_t> path;
  if (cell >= field.distance_nm.size() || !std::isfinite(field.distance_nm[cell])) return path;
  const int label = field.nearest_source[cell];
  if (label < 0) return path;
  const Grid& g = sea.grid();
  // The source's starting cells, with the distances they were seeded with.
  const std::vector<std::pair<std::size_t, double>> starts =
      source_access(sea, sources[static_cast<std::size_t>(label)].position);
  auto is_start = [&](std::size_t c) {
    return std::any_of(starts.begin(), starts.end(), [&](const auto& s) {
      return s.first == c && s.second == field.distance_nm[c];
    });
  };
  std::size_t here = cell;
  path.push_back(here);
  while (!is_start(here)) {
    const int r = g.row_of(here);
    const int c = g.col_of(here);
    const double d = field.distance_nm[here];
    std::optional<std::size_t> back;
    double best_gap = std::numeric_limits<double>::infinity();  // only when no exact match exists
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      // The cell move m would come from, if it is a move over water from there.
      const int pr = r - kGridMoves[m].d_row;
      const int pc = c - kGridMoves[m].d_col;
      if (pr < 0 || pc < 0 || pr >= g.rows() || pc >= g.cols()) continue;
      const std::size_t prev = g.index(pr, pc);
      if (!sea.is_sea(prev) || !sea_move(sea, pr, pc, m)) continue;
      if (field.nearest_source[prev] != label || !(field.distance_nm[prev] < d)) continue;
      const double via = field.distance_nm[prev] + sea.move_nm(pr, m);
      if (via == d) {
        back = prev;
        break;
      }
      // A field made elsewhere (or rounded) may miss the exact sum; the closest still descends.
      if (std::abs(via - d) < best_gap) {
        best_gap = std::abs(via - d);
        back = prev;
      }
    }
    if (!back) break;  // a starting cell whose seed was not the source's own (cannot happen for a field of `sources`)
    here = *back;
    path.push_back(here);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

SeaPolyline sea_path_polyline(const SeaGrid& sea, const std::vector<std::size_t>& cells) {
  SeaPolyline out;
  if (cells.empty()) return out;
  const Grid& g = sea.grid();
  out.points.push_back(g.center(cells.front()));
  auto move_of = [&](std::size_t i) {
    const int dr = g.row_of(cells[i]) - g.row_of(cells[i - 1]);
    const int dc = g.col_of(cells[i]) - g.col_of(cells[i - 1]);
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      if (kGridMoves[m].d_row == dr && kGridMoves[m].d_col == dc) return m;
    }
    return kGridMoves.size();  // not a grid move: cannot happen for a path of sea_path_cells
  };
  double leg = 0.0;
  for (std::size_t i = 1; i < cells.size(); ++i) {
    const std::size_t m = move_of(i);
    leg += m < kGridMoves.size() ? sea.move_nm(g.row_of(cells[i - 1]), m) : 0.0;
    if (i + 1 == cells.size() || move_of(i + 1) != m) {
      out.points.push_back(g.center(cells[i]));
      out.leg_nm.push_back(leg);
      leg = 0.0;
    }
  }
  return out;
}

}  // namespace mdasim

// Bodies of water of the sea grid, by breadth-first search over the distance fields' moves (see
// sea_bodies.hpp).
#include "geo/sea_bodies.hpp"

#include <algorithm>

namespace mdasim {

std::size_t SeaBodies::largest() const {
  return cells.empty() ? 0 : *std::max_element(cells.begin(), cells.end());
}

SeaBodies sea_bodies(const SeaGrid& sea) {
  const Grid& g = sea.grid();
  SeaBodies out;
  out.body.assign(g.size(), -1);
  std::vector<std::size_t> queue;
  for (std::size_t start = 0; start < g.size(); ++start) {
    if (!sea.is_sea(start) || out.body[start] >= 0) continue;
    const auto id = static_cast<std::int32_t>(out.cells.size());
    out.body[start] = id;
    queue.assign(1, start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::size_t cell = queue[head];
      const int r = g.row_of(cell);
      const int c = g.col_of(cell);
      for (const GridMove& mv : kGridMoves) {
        const int nr = r + mv.d_row;
        const int nc = c + mv.d_col;
        if (nr < 0 || nc < 0 || nr >= g.rows() || nc >= g.cols()) continue;
        const std::size_t next = g.index(nr, nc);
        if (!sea.is_sea(next) || out.body[next] >= 0) continue;
        bool clear = true;
        for (int k = 0; k < mv.n_via && clear; ++k) {
          clear = sea.is_sea(g.index(r + mv.via[static_cast<std::size_t>(k)][0], c + mv.via[static_cast<std::size_t>(k)][1]));
        }
        if (!clear) continue;
        out.body[next] = id;
        queue.push_back(next);
      }
    }
    out.cells.push_back(queue.size());
  }
  return out;
}

}  // namespace mdasim

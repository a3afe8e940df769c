// Multi-source Dijkstra over the grid's sea cells.
#include "geo/sea_distance.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>

#include "geo/geodesy.hpp"

namespace mdasim {

std::vector<std::pair<std::size_t, double>> source_access(const SeaGrid& sea, const GeoPoint& p) {
  const Grid& g = sea.grid();
  std::vector<std::pair<std::size_t, double>> out;
  const int pc = static_cast<int>(std::floor((p.lon_deg - g.lon_min_deg()) / g.cell_deg()));
  const int pr = static_cast<int>(std::floor((p.lat_deg - g.lat_min_deg()) / g.cell_deg()));
  // A source in a sea cell starts there; one on land (a port in a coastal cell) starts from the
  // nearest sea cells around it.
  if (const std::optional<std::size_t> own = g.cell_of(p); own && sea.is_sea(*own)) {
    out.emplace_back(*own, geodesic_nm(p, g.center(*own)));
    return out;
  }
  int first_ring = -1;
  for (int ring = 0; ring <= kMaxSourceAccessCells; ++ring) {
    if (first_ring >= 0 && ring > first_ring + 1) break;
    for (int r = pr - ring; r <= pr + ring; ++r) {
      for (int c = pc - ring; c <= pc + ring; ++c) {
        if (std::max(std::abs(r - pr), std::abs(c - pc)) != ring) continue;
        if (r < 0 || c < 0 || r >= g.rows() || c >= g.cols()) continue;
        const std::size_t cell = g.index(r, c);
        if (!sea.is_sea(cell)) continue;
        if (first_ring < 0) first_ring = ring;
        out.emplace_back(cell, geodesic_nm(p, g.center(cell)));
      }
    }
  }
  return out;
}

SeaDistanceField sea_distance_field(const SeaGrid& sea, const std::vector<SeaSource>& sources,
                                    std::vector<std::size_t>* unreachable) {
  const Grid& g = sea.grid();
  SeaDistanceField field;
  field.distance_nm.assign(g.size(), std::numeric_limits<double>::infinity());
  field.nearest_source.assign(g.size(), -1);

  using Item = std::pair<double, std::uint32_t>;  // (distance, cell): min-heap with lazy deletion
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    const auto access = source_access(sea, sources[s].position);
    if (access.empty() && unreachable != nullptr) unreachable->push_back(s);
    for (const auto& [cell, d] : access) {
      // Ties go to the lower source index, so results do not depend on the order of pushes.
      if (d < field.distance_nm[cell] ||
          (d == field.distance_nm[cell] && static_cast<int>(s) < field.nearest_source[cell])) {
        field.distance_nm[cell] = d;
        field.nearest_source[cell] = static_cast<int>(s);
        heap.emplace(d, static_cast<std::uint32_t>(cell));
      }
    }
  }

  const int rows = g.rows();
  const int cols = g.cols();
  while (!heap.empty()) {
    const auto [d, cell32] = heap.top();
    heap.pop();
    const std::size_t cell = cell32;
    if (d > field.distance_nm[cell]) continue;  // stale entry
    const int r = g.row_of(cell);
    const int c = g.col_of(cell);
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      const GridMove& mv = kGridMoves[m];
      const int nr = r + mv.d_row;
      const int nc = c + mv.d_col;
      if (nr < 0 || nc < 0 || nr >= rows || nc >= cols) continue;
      const std::size_t next = g.index(nr, nc);
      if (!sea.is_sea(next)) continue;
      bool clear = true;
      for (int k = 0; k < mv.n_via && clear; ++k) {
        const int vr = r + mv.via[static_cast<std::size_t>(k)][0];
        const int vc = c + mv.via[static_cast<std::size_t>(k)][1];
        clear = sea.is_sea(g.index(vr, vc));
      }
      if (!clear) continue;
      const double nd = d + sea.move_nm(r, m);
      if (nd < field.distance_nm[next] ||
          (nd == field.distance_nm[next] && field.nearest_source[cell] < field.nearest_source[next])) {
        field.distance_nm[next] = nd;
        field.nearest_source[next] = field.nearest_source[cell];
        heap.emplace(nd, static_cast<std::uint32_t>(next));
      }
    }
  }
  return field;
}

}  // namespace mdasim

// Nearest-coast responsible states on the grid, with polygon overrides.
#include "geo/responsibility.hpp"

#include <cmath>
#include <limits>
#include <queue>

#include "geo/geodesy.hpp"
#include "geo/polygon.hpp"

namespace mdasim {


std::vector<std::int16_t> responsible_states(const SeaGrid& sea, const PolygonIndex& countries,
                                             const std::vector<int>& country_state,
                                             const std::vector<ResponsibilityArea>& overrides) {
  const Grid& g = sea.grid();
  std::vector<double> dist(g.size(), std::numeric_limits<double>::infinity());
  std::vector<std::int16_t> state(g.size(), -1);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  auto seed = [&](std::size_t cell, double d, int s) {
    if (s < 0) return;
    if (d < dist[cell] || (d == dist[cell] && s < state[cell])) {
      dist[cell] = d;
      state[cell] = static_cast<std::int16_t>(s);
      heap.emplace(d, static_cast<std::uint32_t>(cell));
    }
  };
  auto state_of_polygon = [&](int polygon) {
    return polygon >= 0 && static_cast<std::size_t>(polygon) < country_state.size()
               ? country_state[static_cast<std::size_t>(polygon)]
               : -1;
  };
  // Cells whose centre is on a state's land.
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    seed(cell, 0.0, state_of_polygon(countries.locate(g.center(cell))));
  }
  // Coastlines, so that islands smaller than a cell count too: every coast vertex seeds the
  // cell it falls in, at its distance from the cell's centre.
  const Grid& ig = countries.grid();
  for (std::size_t icell = 0; icell < ig.size(); ++icell) {
    for (const PolygonIndex::Edge* e = countries.cell_edges_begin(icell); e != countries.cell_edges_end(icell); ++e) {
      const int s = state_of_polygon(e->polygon);
      if (s < 0) continue;
      const GeoPoint a{e->ax, e->ay};
      if (const std::optional<std::size_t> cell = g.cell_of(a)) seed(*cell, approx_distance_nm(a, g.center(*cell)), s);
    }
  }
  while (!heap.empty()) {
    const auto [d, cell32] = heap.top();
    heap.pop();
    const std::size_t cell = cell32;
    if (d > dist[cell]) continue;
    const int r = g.row_of(cell);
    const int c = g.col_of(cell);
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      const int nr = r + kGridMoves[m].d_row;
      const int nc = c + kGridMoves[m].d_col;
      if (nr < 0 || nc < 0 || nr >= g.rows() || nc >= g.cols()) continue;
      const std::size_t next = g.index(nr, nc);
      const double nd = d + sea.move_nm(r, m);
      if (nd < dist[next] || (nd == dist[next] && state[cell] < state[next])) {
        dist[next] = nd;
        state[next] = state[cell];
        heap.emplace(nd, static_cast<std::uint32_t>(next));
      }
    }
  }
  apply_responsibility_areas(g, overrides, state);
  return state;
}

void apply_responsibility_areas(const Grid& grid, const std::vector<ResponsibilityArea>& areas,
                                std::vector<std::int16_t>& state) {
  for (const ResponsibilityArea& area : areas) {
    if (area.state_index < 0) continue;
    for (std::size_t cell = 0; cell < grid.size(); ++cell) {
      if (polygon_contains(area.area, grid.center(cell))) state[cell] = static_cast<std::int16_t>(area.state_index);
    }
  }
}

}  // namespace mdasim

// Dijkstra over sea cells with moves tested exactly against land (see clear_water.hpp).
#include "geo/clear_water.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

#include "geo/geodesy.hpp"
#include "geo/sea_moves.hpp"

namespace mdasim {

ClearWaterField clear_water_field(const SeaGrid& sea, const PolygonIndex& land, const std::vector<GeoPoint>& sources,
                                  const std::vector<double>& start_nm, double max_nm) {
  const Grid& g = sea.grid();
  ClearWaterField f;
  f.distance_nm.assign(g.size(), std::numeric_limits<double>::infinity());
  f.from.assign(g.size(), ClearWaterField::kStart);
  f.source.assign(g.size(), -1);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  auto seed = [&](std::size_t cell, double d, int s) {
    if (d < f.distance_nm[cell]) {
      f.distance_nm[cell] = d;
      f.from[cell] = ClearWaterField::kStart;
      f.source[cell] = s;
      heap.emplace(d, static_cast<std::uint32_t>(cell));
    }
  };
  for (std::size_t s = 0; s < sources.size(); ++s) {
    const GeoPoint& p = sources[s];
    const double start = s < start_nm.size() ? start_nm[s] : 0.0;
    const bool p_outside = !land.contains(p);
    for_each_cell_around(g, p, [&](std::size_t cell) {
      if (!sea.is_sea(cell)) return;
      const double penalty = land.touches_segment(p, g.center(cell), p_outside) ? kLandTouchPenaltyNm : 0.0;
      seed(cell, start + geodesic_nm(p, g.center(cell)) + penalty, static_cast<int>(s));
    });
  }
  while (!heap.empty()) {
    const auto [d, cell32] = heap.top();
    heap.pop();
    const std::size_t cell = cell32;
    if (d > f.distance_nm[cell]) continue;
    if (d > max_nm) break;
    const int row = g.row_of(cell);
    const GeoPoint here = g.center(cell);
    for_each_sea_move(sea, cell, [&](std::size_t next, std::size_t m) {
      double nd = d + sea.move_nm(row, m);
      if (!(nd < f.distance_nm[next])) return;
      // A sea cell's centre is outside every land polygon, so only crossings are to be found.
      if (land.touches_segment(here, g.center(next), true)) {
        nd += kLandTouchPenaltyNm;
        if (!(nd < f.distance_nm[next])) return;
      }
      f.distance_nm[next] = nd;
      f.from[next] = cell32;
      f.source[next] = f.source[cell];
      heap.emplace(nd, static_cast<std::uint32_t>(next));
    });
  }
  return f;
}

std::vector<std::size_t> clear_water_cells(const ClearWaterField& field, std::size_t cell) {
  std::vector<std::size_t> path;
  if (cell >= field.distance_nm.size() || !std::isfinite(field.distance_nm[cell])) return path;
  for (std::size_t c = cell;; c = field.from[c]) {
    path.push_back(c);
    if (field.from[c] == ClearWaterField::kStart) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

double clear_water_to(const SeaGrid& sea, const PolygonIndex& land, const ClearWaterField& field, const GeoPoint& q,
                      std::size_t& via) {
  const Grid& g = sea.grid();
  double best = std::numeric_limits<double>::infinity();
  if (land.contains(q)) return best;
  for_each_cell_around(g, q, [&](std::size_t cell) {
    if (!std::isfinite(field.distance_nm[cell])) return;
    double d = field.distance_nm[cell] + geodesic_nm(g.center(cell), q);
    if (d >= best) return;
    if (land.touches_segment(g.center(cell), q, true)) d += kLandTouchPenaltyNm;
    if (d >= best) return;
    best = d;
    via = cell;
  });
  return best;
}

}  // namespace mdasim

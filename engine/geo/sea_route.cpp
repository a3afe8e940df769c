// The over-water route between two points (see sea_route.hpp).
#include "geo/sea_route.hpp"

#include <cmath>
#include <limits>

#include "geo/geodesy.hpp"
#include "geo/sea_moves.hpp"
#include "geo/sea_path.hpp"

namespace mdasim {

SeaDistanceField sea_field_from(const SeaGrid& sea, const GeoPoint& from) {
  return sea_distance_field(sea, {SeaSource{from}});
}

std::optional<SeaRoute> sea_route(const SeaGrid& sea, const SeaDistanceField& field, const GeoPoint& from,
                                  const GeoPoint& to) {
  const Grid& g = sea.grid();
  double best = std::numeric_limits<double>::infinity();
  std::size_t best_cell = 0;
  double best_leg = 0.0;
  auto consider = [&](std::size_t cell, double leg_nm) {
    const double d = field.distance_nm[cell] + leg_nm;
    if (d < best) {
      best = d;
      best_cell = cell;
      best_leg = leg_nm;
    }
  };
  // The simulation's rule for a point in a sea cell: its cell and the 8 around it.
  if (const auto own = g.cell_of(to); own && sea.is_sea(*own)) {
    for_each_cell_around(g, to, [&](std::size_t n) {
      if (sea.is_sea(n)) consider(n, approx_distance_nm(g.center(n), to));
    });
  }
  // A point in a land cell (or one the rule above leaves unreached) is reached as a port is left.
  if (!std::isfinite(best)) {
    for (const auto& [cell, leg_nm] : source_access(sea, to)) consider(cell, leg_nm);
  }
  if (!std::isfinite(best)) return std::nullopt;

  const std::vector<std::size_t> cells = sea_path_cells(sea, field, {SeaSource{from}}, best_cell);
  if (cells.empty()) return std::nullopt;
  const SeaPolyline line = sea_path_polyline(sea, cells);
  SeaRoute route;
  route.length_nm = best;
  route.start_cell = cells.front();
  route.end_cell = cells.back();
  route.path.push_back(from);
  route.leg_nm.push_back(field.distance_nm[cells.front()]);  // the seed: the leg from the start to its cell
  route.path.insert(route.path.end(), line.points.begin(), line.points.end());
  route.leg_nm.insert(route.leg_nm.end(), line.leg_nm.begin(), line.leg_nm.end());
  route.path.push_back(to);
  route.leg_nm.push_back(best_leg);
  return route;
}

}  // namespace mdasim

// The nearest sea cell by rings of cells, and the rule for points on land (see sea_entry.hpp).
#include "geo/sea_entry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/geodesy.hpp"
#include "geo/sea_distance.hpp"

namespace mdasim {
namespace {

// Fewer nautical miles than any degree of latitude, or of longitude divided by cos(latitude), on
// WGS84 (59.7 and 60.1 at the equator): a safe scale for the ring bound below.
constexpr double kLeastNmPerDegree = 59.5;

}  // namespace

std::optional<NearestSeaCell> nearest_sea_cell(const SeaGrid& sea, const GeoPoint& p) {
  const Grid& g = sea.grid();
  if (g.size() == 0) return std::nullopt;
  const int pc = std::clamp(static_cast<int>(std::floor((p.lon_deg - g.lon_min_deg()) / g.cell_deg())), 0, g.cols() - 1);
  const int pr = std::clamp(static_cast<int>(std::floor((p.lat_deg - g.lat_min_deg()) / g.cell_deg())), 0, g.rows() - 1);
  std::optional<NearestSeaCell> best;
  const int max_ring = std::max(g.rows(), g.cols());
  for (int ring = 0; ring <= max_ring; ++ring) {
    if (best && ring >= 2) {
      // Every centre in this ring is at least ring - 1 cells from p along one axis; along
      // longitude a cell narrows with the cosine of the farthest latitude the ring reaches.
      const double far_lat = std::min(89.0, std::abs(p.lat_deg) + (ring + 1) * g.cell_deg());
      const double bound_nm = (ring - 1) * g.cell_deg() * kLeastNmPerDegree * std::cos(far_lat * std::numbers::pi / 180.0);
      if (bound_nm > best->distance_nm) break;
    }
    for (int r = pr - ring; r <= pr + ring; ++r) {
      if (r < 0 || r >= g.rows()) continue;
      const bool edge_row = r == pr - ring || r == pr + ring;
      for (int c = pc - ring; c <= pc + ring; c += edge_row ? 1 : 2 * std::max(ring, 1)) {
        if (c < 0 || c >= g.cols()) continue;
        const std::size_t cell = g.index(r, c);
        if (!sea.is_sea(cell)) continue;
        const double d = geodesic_nm(p, g.center(cell));
        if (!best || d < best->distance_nm || (d == best->distance_nm && cell < best->cell)) best = NearestSeaCell{cell, d};
      }
    }
  }
  return best;
}

SeaEntry sea_entry(const SeaGrid& sea, const PolygonIndex& land, const GeoPoint& p) {
  SeaEntry e;
  if (!land.contains(p)) return e;
  e.on_land = true;
  e.nearest = nearest_sea_cell(sea, p);
  e.accepted = e.nearest.has_value() && !source_access(sea, p).empty();
  return e;
}

}  // namespace mdasim

// Marking the sea cells of a window grid (see sea_window.hpp).
#include "geo/sea_window.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mdasim {
namespace {

// Fewer nautical miles than a degree of latitude anywhere on WGS84 (59.7 at the equator).
constexpr double kLeastNmPerDegree = 59.5;

}  // namespace

SeaGrid sea_window(const PolygonIndex& land, const Grid& within, const GeoPoint& center, double radius_nm,
                   double cell_deg, std::size_t max_cells) {
  const double lon_min = within.lon_min_deg();
  const double lat_min = within.lat_min_deg();
  const double lon_max = lon_min + within.cols() * within.cell_deg();
  const double lat_max = lat_min + within.rows() * within.cell_deg();
  const double dlat = radius_nm / kLeastNmPerDegree;
  const double far_lat = std::min(89.0, std::abs(center.lat_deg) + dlat);
  const double dlon = std::min(360.0, dlat / std::cos(far_lat * std::numbers::pi / 180.0));
  // Snap the window to whole cells from the scenario grid's corner, so that windows around
  // different points share cell boundaries.
  auto down = [&](double x, double origin) { return origin + std::floor((x - origin) / cell_deg) * cell_deg; };
  const double w = std::max(lon_min, down(center.lon_deg - dlon, lon_min));
  const double s = std::max(lat_min, down(center.lat_deg - dlat, lat_min));
  const double e = std::min(lon_max, center.lon_deg + dlon + cell_deg);
  const double n = std::min(lat_max, center.lat_deg + dlat + cell_deg);
  if (!(e > w && n > s)) return {};
  const Grid g(w, s, e, n, cell_deg);
  if (g.size() > max_cells) return {};
  std::vector<std::uint8_t> sea(g.size());
  for (std::size_t c = 0; c < g.size(); ++c) sea[c] = land.contains(g.center(c)) ? 0 : 1;
  return SeaGrid(g, std::move(sea));
}

}  // namespace mdasim

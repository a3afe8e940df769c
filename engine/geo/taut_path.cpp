// Pulling a path taut with exact land tests (see taut_path.hpp).
#include "geo/taut_path.hpp"

#include "geo/geodesy.hpp"

namespace mdasim {

std::vector<GeoPoint> taut_path(const PolygonIndex& land, const std::vector<GeoPoint>& path) {
  if (path.size() <= 2) return path;
  std::vector<GeoPoint> out{path.front()};
  std::size_t i = 0;
  while (i + 1 < path.size()) {
    // Scan ahead while the straight line from point i stays clear of land.
    std::size_t j = i + 1;
    while (j + 1 < path.size() && !land.touches_segment(path[i], path[j + 1])) ++j;
    out.push_back(path[j]);
    i = j;
  }
  return out;
}

double polyline_nm(const std::vector<GeoPoint>& path) {
  double sum = 0.0;
  for (std::size_t i = 1; i < path.size(); ++i) sum += geodesic_nm(path[i - 1], path[i]);
  return sum;
}

}  // namespace mdasim

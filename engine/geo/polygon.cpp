// Even-odd point-in-polygon.
#include "geo/polygon.hpp"

namespace mdasim {

bool polygon_contains(const Polygon& poly, const GeoPoint& p) {
  bool inside = false;
  for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const GeoPoint& a = poly[i];
    const GeoPoint& b = poly[j];
    if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
        p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg) {
      inside = !inside;
    }
  }
  return inside;
}

}  // namespace mdasim

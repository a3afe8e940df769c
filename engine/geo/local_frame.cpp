// The flat frame around a point (see local_frame.hpp).
#include "geo/local_frame.hpp"

#include <cmath>
#include <numbers>

#include "core/units.hpp"
#include "geo/wgs84.hpp"

namespace mdasim {

LocalFrame::LocalFrame(const GeoPoint& at) : origin(at) {
  const double phi = at.lat_deg * std::numbers::pi / 180.0;
  const double s = std::sin(phi);
  const double w = 1.0 - kWgs84E2 * s * s;
  const double meridional_m = kWgs84A * (1.0 - kWgs84E2) / (w * std::sqrt(w));
  const double prime_vertical_m = kWgs84A / std::sqrt(w);
  const double per_rad = std::numbers::pi / 180.0 / kMetresPerNauticalMile;
  nm_per_deg_lat = meridional_m * per_rad;
  nm_per_deg_lon = prime_vertical_m * std::cos(phi) * per_rad;
}

}  // namespace mdasim

// A flat frame around a point on WGS84, where short distances and relative motion are solved in
// closed form (target detection, patrol coverage, loitering grounds): nm east and north of the
// frame's origin, x = dlon N cos(lat0) pi/180 and y = dlat M pi/180, with M and N the WGS84
// meridional and prime-vertical radii at the origin's latitude lat0. Its error against the
// geodesic distance from the origin grows with the square of the distance and with the latitude
// (about tan(lat0) d^2 / 17,900 nm, from the meridians' convergence; figures in
// model/target_detection.hpp).
#pragma once

#include "scenario/scenario.hpp"

namespace mdasim {

struct LocalFrame {
  GeoPoint origin;
  double nm_per_deg_lon = 0.0;
  double nm_per_deg_lat = 0.0;

  LocalFrame() = default;
  explicit LocalFrame(const GeoPoint& at);
  [[nodiscard]] double x_nm(const GeoPoint& p) const { return (p.lon_deg - origin.lon_deg) * nm_per_deg_lon; }
  [[nodiscard]] double y_nm(const GeoPoint& p) const { return (p.lat_deg - origin.lat_deg) * nm_per_deg_lat; }
  // The point x_nm east and y_nm north of the origin.
  [[nodiscard]] GeoPoint at(double x_nm, double y_nm) const {
    return {origin.lon_deg + x_nm / nm_per_deg_lon, origin.lat_deg + y_nm / nm_per_deg_lat};
  }
};

}  // namespace mdasim

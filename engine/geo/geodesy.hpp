// Distances and directions on the WGS84 ellipsoid. Exact geodesics come from GeographicLib
// (about 1 µs a call; GeodesicRay gives many points of one geodesic for much less);
// `short_geodesic_destination` is the direct problem for short legs by one Runge-Kutta step of
// the geodesic's equations, within a millimetre of the exact geodesic and several times
// cheaper; `approx_distance_nm` is a spherical (haversine) screen for choosing candidates,
// within about 0.5% of the geodesic. Distances in nautical miles (1852 m), angles in degrees,
// azimuths clockwise from north.
#pragma once

#include <memory>

#include "scenario/scenario.hpp"

namespace GeographicLib {
class GeodesicLine;
}

namespace mdasim {

// Geodesic distance between two points on WGS84 (nm).
[[nodiscard]] double geodesic_nm(const GeoPoint& a, const GeoPoint& b);

// Geodesic distance (nm) and the azimuth at `a` (degrees).
struct GeodesicLeg {
  double distance_nm = 0.0;
  double azimuth_deg = 0.0;
};
[[nodiscard]] GeodesicLeg geodesic_leg(const GeoPoint& a, const GeoPoint& b);

// The point `distance_nm` from `a` along azimuth `azimuth_deg` (WGS84 direct problem).
[[nodiscard]] GeoPoint geodesic_destination(const GeoPoint& a, double azimuth_deg, double distance_nm);

// The geodesic from a point on an azimuth, set up once: at(d) is geodesic_destination(start,
// azimuth_deg, d), bit for bit, for a fraction of the cost of each call after the first.
class GeodesicRay {
 public:
  GeodesicRay(const GeoPoint& start, double azimuth_deg);
  ~GeodesicRay();
  GeodesicRay(GeodesicRay&&) noexcept;
  GeodesicRay& operator=(GeodesicRay&&) noexcept;

  [[nodiscard]] GeoPoint at(double distance_nm) const;

 private:
  std::unique_ptr<GeographicLib::GeodesicLine> line_;
};

// The direct problem for a short leg: the point `distance_nm` (>= 0) from `a` on azimuth
// `azimuth_deg`, by one classical Runge-Kutta step of the geodesic's equations in latitude,
// longitude and azimuth on WGS84 (dphi/ds = cos(alpha)/M, dlambda/ds = sin(alpha)/(N cos(phi)),
// dalpha/ds = sin(alpha) tan(phi)/N). Its error grows as the fifth power of the leg: against
// geodesic_destination, up to kShortGeodesicMaxLatDeg, at most 0.1 micrometre for legs of 4 nm,
// 10 micrometres at 10 nm and 1 mm at kShortGeodesicMaxNm (tests/unit/geo/geodesy_test.cpp).
// Longer legs, or legs from nearer the poles, are handed to geodesic_destination. The longitude
// is not wrapped.
inline constexpr double kShortGeodesicMaxNm = 30.0;
inline constexpr double kShortGeodesicMaxLatDeg = 70.0;
[[nodiscard]] GeoPoint short_geodesic_destination(const GeoPoint& a, double azimuth_deg, double distance_nm);

// The point a fraction `f` of the way from `a` to `b`, straight in longitude and latitude: how
// lanes, tracks and routes run between their vertices.
[[nodiscard]] inline GeoPoint lerp_lonlat(const GeoPoint& a, const GeoPoint& b, double f) {
  return {a.lon_deg + f * (b.lon_deg - a.lon_deg), a.lat_deg + f * (b.lat_deg - a.lat_deg)};
}

// Great-circle distance on a sphere of the Earth's mean radius (6371.0088 km): a fast screen.
[[nodiscard]] double approx_distance_nm(const GeoPoint& a, const GeoPoint& b);

inline constexpr double kEarthMeanRadiusNm = 6371008.8 / 1852.0;

}  // namespace mdasim

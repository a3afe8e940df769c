// Distances and directions on the WGS84 ellipsoid. Exact geodesics come from GeographicLib
// (about 1 µs a call; GeodesicRay gives many points of one geodesic for much less), except the
// distance alone, which geodesic_inverse.hpp solves in about 0.5 µs for all but special cases;
// `short_geodesic_destination` is the direct problem for short legs by one Runge-Kutta step of
// the geodesic's equations, within a millimetre of the exact geodesic and several times
// cheaper; `approx_distance_nm` is a spherical (haversine) screen for choosing candidates,
// within about 0.5% of the geodesic, and `geodesic_floor_nm` a rigorous lower bound of it. Distances in nautical miles (1852 m), angles in degrees,
// azimuths clockwise from north.
#pragma once

#include <memory>

#include "geo/geodesic_inverse.hpp"
#include "scenario/scenario.hpp"

namespace GeographicLib {
class GeodesicLine;
}

namespace mdasim {

// Geodesic distance between two points on WGS84 (nm); the same, to the bit, between the points
// prepared once (prepare_point) for many distances.
[[nodiscard]] double geodesic_nm(const GeoPoint& a, const GeoPoint& b);
[[nodiscard]] double geodesic_nm(const PreparedPoint& a, const PreparedPoint& b);
[[nodiscard]] inline PreparedPoint prepare_point(const GeoPoint& p) { return prepare_point(p.lat_deg, p.lon_deg); }

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

// A rigorous lower bound on geodesic_nm(a, b), for screens that must never reject what the exact
// geodesic would accept, for a small part of its cost; within 0.34% of the geodesic (exact along
// a meridian at the equator, 0.34% short along the equator). Why it is a lower bound: with the
// parametric latitude beta (tan beta = (1 - f) tan phi) a point of WGS84 is
// (a cos beta cos lambda, a cos beta sin lambda, b sin beta), so the length element is
// ds^2 = (a^2 sin^2 beta + b^2 cos^2 beta) dbeta^2 + a^2 cos^2 beta dlambda^2, at least
// b^2 (dbeta^2 + cos^2 beta dlambda^2) since a >= b: the metric of the sphere of radius b in
// (beta, lambda). Any path on the ellipsoid, the geodesic included, is thus no shorter than its
// image on that sphere, which is no shorter than the great circle between the images of its ends:
// geodesic >= b x the central angle between (beta1, lambda1) and (beta2, lambda2), at any
// distance and latitude. The angle is 2 asin(chord / 2) from the points' unit vectors on that
// sphere (FloorPoint), whose rounding errors are a few 1e-16 in each component: an error of at
// most about 1e-15 rad in the angle (1e-11 nm) plus 1e-15 of it. kGeodesicFloorFactor and
// kGeodesicFloorSlackNm leave 1e-6 of the distance (1.9 m per 1000 nm) and 1e-9 nm for that
// rounding and GeographicLib's (15 nanometres at most); the floor is never negative.
inline constexpr double kGeodesicFloorFactor = 1.0 - 1e-6;
inline constexpr double kGeodesicFloorSlackNm = 1e-9;

// A point as geodesic_floor_nm uses it: its unit vector on the sphere of (beta, lambda), three
// products of a prepared point's sines and cosines; each floor is then a few operations and an
// arcsine.
struct FloorPoint {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
};
[[nodiscard]] inline FloorPoint floor_point(const PreparedPoint& p) {
  return {p.cbet * p.clon, p.cbet * p.slon, p.sbet};
}
[[nodiscard]] inline FloorPoint floor_point(const GeoPoint& p) { return floor_point(prepare_point(p)); }
[[nodiscard]] double geodesic_floor_nm(const FloorPoint& a, const FloorPoint& b);
[[nodiscard]] inline double geodesic_floor_nm(const GeoPoint& a, const GeoPoint& b) {
  return geodesic_floor_nm(floor_point(a), floor_point(b));
}

}  // namespace mdasim

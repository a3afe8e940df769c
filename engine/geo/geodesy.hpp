// Distances and directions on the WGS84 ellipsoid. Exact geodesics come from GeographicLib
// (about 1 µs a call); `approx_distance_nm` is a spherical (haversine) screen for choosing
// candidates, within about 0.5% of the geodesic. Distances in nautical miles (1852 m), angles
// in degrees, azimuths clockwise from north.
#pragma once

#include "scenario/scenario.hpp"

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

// Great-circle distance on a sphere of the Earth's mean radius (6371.0088 km): a fast screen.
[[nodiscard]] double approx_distance_nm(const GeoPoint& a, const GeoPoint& b);

inline constexpr double kEarthMeanRadiusNm = 6371008.8 / 1852.0;

}  // namespace mdasim

// The WGS84 ellipsoid's defining constants (NIMA TR8350.2, as GeographicLib's Geodesic::WGS84()),
// for the closed forms that do not go through GeographicLib.
#pragma once

namespace mdasim {

inline constexpr double kWgs84A = 6378137.0;                 // equatorial radius, m
inline constexpr double kWgs84F = 1.0 / 298.257223563;       // flattening
inline constexpr double kWgs84E2 = kWgs84F * (2.0 - kWgs84F);  // first eccentricity squared

}  // namespace mdasim

// WGS84 geodesics through GeographicLib, and a spherical screen.
#include "geo/geodesy.hpp"

#include <cmath>
#include <numbers>

#include <GeographicLib/Geodesic.hpp>

#include "core/units.hpp"

namespace mdasim {
namespace {
// GeographicLib's WGS84 instance is an immutable library constant.
const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }
constexpr double kDegToRad = std::numbers::pi / 180.0;
}  // namespace

double geodesic_nm(const GeoPoint& a, const GeoPoint& b) {
  double s12_m = 0.0;
  wgs84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12_m);
  return s12_m / kMetresPerNauticalMile;
}

GeodesicLeg geodesic_leg(const GeoPoint& a, const GeoPoint& b) {
  double s12_m = 0.0;
  double azi1 = 0.0;
  double azi2 = 0.0;
  wgs84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12_m, azi1, azi2);
  return {s12_m / kMetresPerNauticalMile, azi1};
}

GeoPoint geodesic_destination(const GeoPoint& a, double azimuth_deg, double distance_nm) {
  GeoPoint out;
  wgs84().Direct(a.lat_deg, a.lon_deg, azimuth_deg, distance_nm * kMetresPerNauticalMile, out.lat_deg,
                 out.lon_deg);
  return out;
}

double approx_distance_nm(const GeoPoint& a, const GeoPoint& b) {
  const double phi1 = a.lat_deg * kDegToRad;
  const double phi2 = b.lat_deg * kDegToRad;
  const double dphi = phi2 - phi1;
  const double dlambda = (b.lon_deg - a.lon_deg) * kDegToRad;
  const double h = std::sin(0.5 * dphi) * std::sin(0.5 * dphi) +
                   std::cos(phi1) * std::cos(phi2) * std::sin(0.5 * dlambda) * std::sin(0.5 * dlambda);
  return 2.0 * kEarthMeanRadiusNm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace mdasim

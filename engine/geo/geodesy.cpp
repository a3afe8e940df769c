// WGS84 geodesics through GeographicLib, short legs by a Runge-Kutta step, and a spherical screen.
#include "geo/geodesy.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>

#include "core/units.hpp"
#include "geo/geodesic_inverse.hpp"
#include "geo/wgs84.hpp"

namespace mdasim {
namespace {
// GeographicLib's WGS84 instance is an immutable library constant.
const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;
// What Geodesic::Direct asks of the line it sets up for a latitude and longitude from a distance.
constexpr unsigned kDirectCaps =
    GeographicLib::Geodesic::LATITUDE | GeographicLib::Geodesic::LONGITUDE | GeographicLib::Geodesic::DISTANCE_IN;


// sin and cos of a small angle d (|d| < 0.03 rad) by their Taylor series, to double precision.
double sin_small(double d) {
  const double d2 = d * d;
  return d - d * d2 * ((1.0 / 6.0) - d2 * (1.0 / 120.0));
}
double cos_small(double d) {
  const double d2 = d * d;
  return 1.0 - d2 * (0.5 - d2 * ((1.0 / 24.0) - d2 * (1.0 / 720.0)));
}
}  // namespace

double geodesic_nm(const GeoPoint& a, const GeoPoint& b) { return geodesic_nm(prepare_point(a), prepare_point(b)); }

double geodesic_nm(const PreparedPoint& a, const PreparedPoint& b) {
  return geodesic_inverse_m(a, b) / kMetresPerNauticalMile;
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

GeodesicRay::GeodesicRay(const GeoPoint& start, double azimuth_deg)
    : line_(std::make_unique<GeographicLib::GeodesicLine>(wgs84(), start.lat_deg, start.lon_deg, azimuth_deg,
                                                          kDirectCaps)) {}
GeodesicRay::~GeodesicRay() = default;
GeodesicRay::GeodesicRay(GeodesicRay&&) noexcept = default;
GeodesicRay& GeodesicRay::operator=(GeodesicRay&&) noexcept = default;

GeoPoint GeodesicRay::at(double distance_nm) const {
  GeoPoint out;
  line_->Position(distance_nm * kMetresPerNauticalMile, out.lat_deg, out.lon_deg);
  return out;
}

GeoPoint short_geodesic_destination(const GeoPoint& a, double azimuth_deg, double distance_nm) {
  if (!(distance_nm <= kShortGeodesicMaxNm) || !(std::abs(a.lat_deg) <= kShortGeodesicMaxLatDeg)) {
    return geodesic_destination(a, azimuth_deg, distance_nm);
  }
  const double s_m = distance_nm * kMetresPerNauticalMile;
  const double phi = a.lat_deg * kDegToRad;
  const double alpha = azimuth_deg * kDegToRad;
  const double sin_phi = std::sin(phi);
  const double cos_phi = std::cos(phi);
  const double sin_alpha = std::sin(alpha);
  const double cos_alpha = std::cos(alpha);
  // The increments over the leg of latitude, longitude and azimuth (radians) at the latitude and
  // azimuth moved by (dphi, dalpha) from the start; sines and cosines of the moved angles by
  // the addition formulas, the moves being small.
  struct Slope {
    double phi, lambda, alpha;
  };
  const auto slope = [&](double dphi, double dalpha) {
    const double cd = cos_small(dphi);
    const double sd = sin_small(dphi);
    const double sp = sin_phi * cd + cos_phi * sd;
    const double cp = cos_phi * cd - sin_phi * sd;
    const double ca_d = cos_small(dalpha);
    const double sa_d = sin_small(dalpha);
    const double sa = sin_alpha * ca_d + cos_alpha * sa_d;
    const double ca = cos_alpha * ca_d - sin_alpha * sa_d;
    const double w = 1.0 - kWgs84E2 * sp * sp;
    const double root_w = std::sqrt(w);
    const double inv_n = root_w * (1.0 / kWgs84A);                          // 1 / prime-vertical radius
    const double inv_m = w * root_w * (1.0 / (kWgs84A * (1.0 - kWgs84E2)));  // 1 / meridional radius
    const double lambda = s_m * sa * inv_n / cp;
    return Slope{s_m * ca * inv_m, lambda, lambda * sp};
  };
  const Slope k1 = slope(0.0, 0.0);
  const Slope k2 = slope(0.5 * k1.phi, 0.5 * k1.alpha);
  const Slope k3 = slope(0.5 * k2.phi, 0.5 * k2.alpha);
  const Slope k4 = slope(k3.phi, k3.alpha);
  const double dphi = (k1.phi + 2.0 * (k2.phi + k3.phi) + k4.phi) * (1.0 / 6.0);
  const double dlambda = (k1.lambda + 2.0 * (k2.lambda + k3.lambda) + k4.lambda) * (1.0 / 6.0);
  return {a.lon_deg + dlambda * kRadToDeg, a.lat_deg + dphi * kRadToDeg};
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

double geodesic_floor_nm(const FloorPoint& a, const FloorPoint& b) {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  const double dz = a.z - b.z;
  const double half_chord = 0.5 * std::sqrt(dx * dx + dy * dy + dz * dz);
  const double angle_rad = 2.0 * std::asin(std::min(1.0, half_chord));
  const double polar_radius_nm = kWgs84A * (1.0 - kWgs84F) / kMetresPerNauticalMile;
  return std::max(0.0, kGeodesicFloorFactor * polar_radius_nm * angle_rad - kGeodesicFloorSlackNm);
}

}  // namespace mdasim

// Bucketed points and the nearest-distance questions of the reach checks.
//
// Which buckets a question must scan. A point within R of p (geodesic) is within R of it on the
// floor's sphere too (radius b, the polar radius, in parametric latitude beta and longitude:
// geo/geodesy.hpp), so its central angle from p there is at most rho = R / b. On that sphere the
// points within rho of p lie between parametric latitudes beta_p - rho and beta_p + rho, and, when
// the circle does not reach a pole (sin rho < cos beta_p), within asin(sin rho / cos beta_p) of
// p's longitude. Parametric latitudes convert back to geodetic ones by tan phi = tan beta / (1 - f);
// a small margin covers rounding.
#include "geo/nearest_points.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/units.hpp"
#include "geo/wgs84.hpp"

namespace mdasim {
namespace {

constexpr int kRows = 180;  // 1-degree buckets of latitude from -90
constexpr int kCols = 360;  // and of longitude from -180
constexpr double kDegPerRad = 180.0 / std::numbers::pi;
constexpr double kMarginDeg = 1e-6;

int row_of(double lat_deg) { return std::clamp(static_cast<int>(std::floor(lat_deg + 90.0)), 0, kRows - 1); }
int col_of(double lon_deg) {
  const int c = static_cast<int>(std::floor(lon_deg + 180.0)) % kCols;
  return c < 0 ? c + kCols : c;
}

double parametric_deg(double lat_deg) {
  return std::atan((1.0 - kWgs84F) * std::tan(lat_deg / kDegPerRad)) * kDegPerRad;
}
double geodetic_deg(double beta_deg) {
  if (beta_deg >= 90.0) return 90.0;
  if (beta_deg <= -90.0) return -90.0;
  return std::atan(std::tan(beta_deg / kDegPerRad) / (1.0 - kWgs84F)) * kDegPerRad;
}

}  // namespace

NearestPoints::NearestPoints(const std::vector<GeoPoint>& points) : points_(points) {
  floors_.reserve(points_.size());
  for (const GeoPoint& p : points_) floors_.push_back(floor_point(p));
  std::vector<std::uint32_t> count(static_cast<std::size_t>(kRows) * kCols + 1, 0);
  std::vector<std::size_t> bucket(points_.size());
  for (std::size_t i = 0; i < points_.size(); ++i) {
    bucket[i] = static_cast<std::size_t>(row_of(points_[i].lat_deg)) * kCols + static_cast<std::size_t>(col_of(points_[i].lon_deg));
    ++count[bucket[i] + 1];
  }
  for (std::size_t b = 1; b < count.size(); ++b) count[b] += count[b - 1];
  bucket_start_ = count;
  order_.resize(points_.size());
  for (std::size_t i = 0; i < points_.size(); ++i) order_[count[bucket[i]]++] = static_cast<std::uint32_t>(i);
}

template <typename Visit>
void NearestPoints::scan(const GeoPoint& p, double radius_nm, Visit visit) const {
  const double polar_radius_nm = kWgs84A * (1.0 - kWgs84F) / kMetresPerNauticalMile;
  const double rho_deg = (radius_nm + 1e-6) / (kGeodesicFloorFactor * polar_radius_nm) * kDegPerRad + kMarginDeg;
  const double beta_deg = parametric_deg(p.lat_deg);
  const int row_lo = row_of(geodetic_deg(beta_deg - rho_deg) - kMarginDeg);
  const int row_hi = row_of(geodetic_deg(beta_deg + rho_deg) + kMarginDeg);
  const double s = std::sin(std::min(rho_deg, 90.0) / kDegPerRad);
  const double c = std::cos(beta_deg / kDegPerRad);
  int col_lo = 0;
  int col_count = kCols;
  if (rho_deg < 90.0 && s < c) {
    const double half_deg = std::asin(s / c) * kDegPerRad + kMarginDeg;
    if (half_deg < 179.0) {
      col_lo = static_cast<int>(std::floor(p.lon_deg - half_deg + 180.0));
      col_count = std::min(kCols, static_cast<int>(std::floor(p.lon_deg + half_deg + 180.0)) - col_lo + 1);
    }
  }
  for (int r = row_lo; r <= row_hi; ++r) {
    for (int k = 0; k < col_count; ++k) {
      const int col = ((col_lo + k) % kCols + kCols) % kCols;
      const std::size_t b = static_cast<std::size_t>(r) * kCols + static_cast<std::size_t>(col);
      for (std::uint32_t j = bucket_start_[b]; j < bucket_start_[b + 1]; ++j) {
        if (!visit(static_cast<std::size_t>(order_[j]))) return;
      }
    }
  }
}

bool NearestPoints::any_within(const GeoPoint& p, double radius_nm) const {
  const FloorPoint fp = floor_point(p);
  bool found = false;
  scan(p, radius_nm, [&](std::size_t i) {
    found = geodesic_floor_nm(fp, floors_[i]) <= radius_nm && geodesic_nm(p, points_[i]) <= radius_nm;
    return !found;
  });
  return found;
}

std::optional<NearestPoints::Nearest> NearestPoints::nearest_within(const GeoPoint& p, double radius_nm) const {
  const FloorPoint fp = floor_point(p);
  std::optional<Nearest> best;
  double best_nm = radius_nm;
  scan(p, radius_nm, [&](std::size_t i) {
    if (geodesic_floor_nm(fp, floors_[i]) <= best_nm) {
      const double d = geodesic_nm(p, points_[i]);
      if (d <= best_nm && (!best || d < best->distance_nm)) {
        best = Nearest{i, d};
        best_nm = d;
      }
    }
    return true;
  });
  return best;
}

std::optional<NearestPoints::Nearest> NearestPoints::nearest(const GeoPoint& p) const {
  if (points_.empty()) return std::nullopt;
  // Circles of doubling radius; the last takes in the whole earth.
  for (double radius_nm = 64.0;; radius_nm *= 2.0) {
    if (const auto found = nearest_within(p, radius_nm)) return found;
    if (radius_nm > 20000.0) return nearest_within(p, std::numeric_limits<double>::max());
  }
}

}  // namespace mdasim

// The flat frame's scales against the WGS84 radii computed by hand.
#include "geo/local_frame.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(LocalFrame, ScalesAreTheRadiiOfCurvature) {
  // On the equator: N = a = 6378137 m, M = a (1 - e^2) = 6335439.327 m; per degree in nm,
  // a pi / 180 / 1852 = 60.107716 and 59.705333.
  const LocalFrame equator({117.0, 0.0});
  EXPECT_NEAR(equator.nm_per_deg_lon, 60.107716, 1e-6);
  EXPECT_NEAR(equator.nm_per_deg_lat, 59.705333, 1e-6);
  // At 45 degrees: w = 1 - e^2 / 2 = 0.99665281; N = a / sqrt(w) = 6388838.290 m, times
  // cos 45 deg: 4517590.879 m, 42.574 nm per degree; M = a (1 - e^2) / w^1.5 = 6367381.816 m,
  // 60.0064 nm per degree.
  const LocalFrame mid({117.0, 45.0});
  EXPECT_NEAR(mid.nm_per_deg_lon, 4517590.879 * 3.14159265358979 / 180.0 / 1852.0, 1e-6);
  EXPECT_NEAR(mid.nm_per_deg_lat, 6367381.816 * 3.14159265358979 / 180.0 / 1852.0, 1e-6);
  // at() is the inverse of (x_nm, y_nm).
  const GeoPoint p = mid.at(12.5, -7.25);
  EXPECT_NEAR(mid.x_nm(p), 12.5, 1e-12);
  EXPECT_NEAR(mid.y_nm(p), -7.25, 1e-12);
}

}  // namespace
}  // namespace mdasim

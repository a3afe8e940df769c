// Geodesics against GeographicLib's published example and closed forms on WGS84.
#include "geo/geodesy.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

double dms(double d, double m, double s) { return d + m / 60.0 + s / 3600.0; }

// GeodSolve(1) man page, EXAMPLES: JFK 40:38:23N 073:46:44W to Singapore Changi 01:21:33N
// 103:59:22E gives azi1 003:18:29.9, azi2 177:29:09.2, s12 15347628 m (to the metre); of the
// equally spaced waypoints, the one at 0.4 of the way is 83:43:26.0N 080:37:16.9E and the one
// at 0.5 is 70:20:29.2N 097:01:29.4E.
const GeoPoint kJfk{-dms(73, 46, 44), dms(40, 38, 23)};
const GeoPoint kChangi{dms(103, 59, 22), dms(1, 21, 33)};

TEST(Geodesy, PublishedJfkToChangi) {
  const GeodesicLeg leg = geodesic_leg(kJfk, kChangi);
  EXPECT_NEAR(leg.distance_nm * 1852.0, 15347628.0, 0.5);
  EXPECT_NEAR(leg.azimuth_deg, dms(3, 18, 29.9), 0.05 / 3600.0);
  EXPECT_NEAR(geodesic_nm(kJfk, kChangi), leg.distance_nm, 1e-9);
}

TEST(Geodesy, PublishedWaypoints) {
  const GeodesicLeg leg = geodesic_leg(kJfk, kChangi);
  const GeoPoint p4 = geodesic_destination(kJfk, leg.azimuth_deg, 0.4 * leg.distance_nm);
  EXPECT_NEAR(p4.lat_deg, dms(83, 43, 26.0), 0.05 / 3600.0);
  EXPECT_NEAR(p4.lon_deg, dms(80, 37, 16.9), 0.05 / 3600.0);
  const GeoPoint p5 = geodesic_destination(kJfk, leg.azimuth_deg, 0.5 * leg.distance_nm);
  EXPECT_NEAR(p5.lat_deg, dms(70, 20, 29.2), 0.05 / 3600.0);
  EXPECT_NEAR(p5.lon_deg, dms(97, 1, 29.4), 0.05 / 3600.0);
}

TEST(Geodesy, EquatorAndMeridianClosedForms) {
  // Along the equator (short of the antipode) the geodesic is the arc a * dlambda:
  // 6378137 m * pi / 180 = 111319.4908 m per degree = 60.107716 nm.
  EXPECT_NEAR(geodesic_nm({100.0, 0.0}, {101.0, 0.0}), 6378137.0 * M_PI / 180.0 / 1852.0, 1e-6);
  // The WGS84 quarter meridian is 10001965.729 m.
  EXPECT_NEAR(geodesic_nm({120.0, 0.0}, {120.0, 90.0}) * 1852.0, 10001965.729, 1e-3);
  EXPECT_DOUBLE_EQ(geodesic_nm({120.0, 14.0}, {120.0, 14.0}), 0.0);
}

TEST(Geodesy, SphericalScreenIsWithinHalfAPercent) {
  const GeoPoint pairs[][2] = {{{103.8, 1.2}, {120.9, 14.5}}, {{98.4, 7.8}, {128.2, -3.7}}, {{106.7, 20.9}, {125.6, 7.1}}};
  for (const auto& p : pairs) {
    const double exact = geodesic_nm(p[0], p[1]);
    EXPECT_NEAR(approx_distance_nm(p[0], p[1]) / exact, 1.0, 0.005);
  }
}

}  // namespace
}  // namespace mdasim

// Geodesics against GeographicLib's published example and closed forms on WGS84.
#include "geo/geodesy.hpp"

#include <algorithm>
#include <cmath>
#include <random>

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

// The floor is b (the polar radius) times the angle on the sphere of parametric latitude and
// longitude. Along a meridian at the equator it is the geodesic (M = b (1 - f) there, and
// dbeta = (1 - f) dphi): 1 degree is 6335439.3 m x pi / 180 = 110574.4 m = 59.7054 nm, where the
// mean-radius sphere says 60.0405 nm, 0.56% too long, and would reject what the geodesic
// accepts. Along the equator it is b x dlambda: 6356752.3 m x pi / 180 / 1852 = 59.9063 nm per
// degree, 0.34% short of the geodesic's 60.1077 nm.
TEST(Geodesy, FloorOnTheMeridianAndTheEquator) {
  const double meridian_nm = geodesic_nm({120.0, -0.5}, {120.0, 0.5});
  EXPECT_NEAR(meridian_nm, 59.7054, 1e-3);
  EXPECT_NEAR(approx_distance_nm({120.0, -0.5}, {120.0, 0.5}), 60.0405, 1e-3);
  const double meridian_floor_nm = geodesic_floor_nm(GeoPoint{120.0, -0.5}, GeoPoint{120.0, 0.5});
  EXPECT_LE(meridian_floor_nm, meridian_nm);
  EXPECT_NEAR(meridian_floor_nm, meridian_nm, 1e-3);
  const double equator_floor_nm = geodesic_floor_nm(GeoPoint{100.0, 0.0}, GeoPoint{101.0, 0.0});
  EXPECT_NEAR(equator_floor_nm, 6356752.3142 * M_PI / 180.0 / 1852.0, 1e-4);
  EXPECT_NEAR(equator_floor_nm / geodesic_nm({100.0, 0.0}, {101.0, 0.0}), 1.0 - 1.0 / 298.257223563, 1e-6);
  EXPECT_EQ(geodesic_floor_nm(GeoPoint{120.0, 14.0}, GeoPoint{120.0, 14.0}), 0.0);
}

// The floor is never above the geodesic and never more than 0.34% (the flattening) below it:
// random pairs of points over the Asian seas, at high latitudes, anywhere, and close together.
TEST(Geodesy, FloorIsALowerBoundWithinTheFlattening) {
  std::mt19937_64 rng(20261130);
  struct Box {
    double lon0, lon1, lat0, lat1;
  };
  const Box boxes[] = {{90.0, 135.0, -12.0, 25.0}, {-180.0, 180.0, 60.0, 90.0}, {-180.0, 180.0, -90.0, -60.0},
                       {-180.0, 180.0, -90.0, 90.0}};
  const double f = 1.0 / 298.257223563;
  int pairs = 0;
  for (const Box& box : boxes) {
    std::uniform_real_distribution<double> lon(box.lon0, box.lon1);
    std::uniform_real_distribution<double> lat(box.lat0, box.lat1);
    std::uniform_real_distribution<double> near(-0.01, 0.01);
    for (int n = 0; n < 20000; ++n) {
      const GeoPoint a{lon(rng), lat(rng)};
      const GeoPoint far{lon(rng), lat(rng)};
      const GeoPoint close{a.lon_deg + near(rng), std::clamp(a.lat_deg + near(rng), -90.0, 90.0)};
      for (const GeoPoint& b : {far, close}) {
        const double exact = geodesic_nm(a, b);
        const double floor = geodesic_floor_nm(a, b);
        ASSERT_LE(floor, exact) << a.lon_deg << " " << a.lat_deg << " " << b.lon_deg << " " << b.lat_deg;
        ASSERT_GE(floor, (1.0 - f) * (1.0 - 2e-6) * exact - 1e-9) << a.lon_deg << " " << a.lat_deg << " " << b.lon_deg << " " << b.lat_deg;
        ++pairs;
      }
    }
  }
  EXPECT_EQ(pairs, 160000);
}

// Many points of one geodesic, set up once: the same doubles as one direct problem each.
TEST(Geodesy, RayIsTheDirectProblemBitForBit) {
  for (const double lat : {-65.0, -12.3, 0.0, 1.25, 14.7, 44.0}) {
    for (const double azimuth : {0.0, 37.5, 90.0, 181.0, 300.25}) {
      const GeoPoint start{103.7 + lat / 10.0, lat};
      const GeodesicRay ray(start, azimuth);
      for (const double d : {0.0, 0.5, 30.0, 60.0, 1234.5, 5400.0}) {
        const GeoPoint a = ray.at(d);
        const GeoPoint b = geodesic_destination(start, azimuth, d);
        EXPECT_EQ(a.lon_deg, b.lon_deg);
        EXPECT_EQ(a.lat_deg, b.lat_deg);
      }
    }
  }
}

// The short-leg direct problem against GeographicLib, over latitudes up to its limit, every
// direction and legs up to its limit: the error grows as the fifth power of the leg.
TEST(Geodesy, ShortLegsWithinAMillimetre) {
  struct Bound {
    double leg_nm;
    double max_error_m;
  };
  for (const Bound bound : {Bound{1.0, 1e-8}, Bound{4.0, 1e-7}, Bound{10.0, 1e-5}, Bound{kShortGeodesicMaxNm, 1e-3}}) {
    double worst_m = 0.0;
    for (double lat = -kShortGeodesicMaxLatDeg; lat <= kShortGeodesicMaxLatDeg; lat += 2.5) {
      for (double azimuth = 0.0; azimuth < 360.0; azimuth += 7.5) {
        const GeoPoint start{117.0, lat};
        const GeoPoint exact = geodesic_destination(start, azimuth, bound.leg_nm);
        const GeoPoint quick = short_geodesic_destination(start, azimuth, bound.leg_nm);
        worst_m = std::max(worst_m, geodesic_nm(exact, quick) * 1852.0);
      }
    }
    EXPECT_LT(worst_m, bound.max_error_m) << "legs of " << bound.leg_nm << " nm";
  }
  // Beyond its limits it is the exact direct problem.
  const GeoPoint far = short_geodesic_destination({117.0, 10.0}, 45.0, 2.0 * kShortGeodesicMaxNm);
  const GeoPoint exact = geodesic_destination({117.0, 10.0}, 45.0, 2.0 * kShortGeodesicMaxNm);
  EXPECT_EQ(far.lon_deg, exact.lon_deg);
  EXPECT_EQ(far.lat_deg, exact.lat_deg);
  EXPECT_EQ(short_geodesic_destination({10.0, 80.0}, 45.0, 1.0).lat_deg, geodesic_destination({10.0, 80.0}, 45.0, 1.0).lat_deg);
}

}  // namespace
}  // namespace mdasim

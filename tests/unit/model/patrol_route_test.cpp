// Patrol routes near the equator, against hand-computed lengths: there one degree of longitude
// is a * pi / 180 = 60.108 nm (WGS84 a = 6378137 m) and one degree of latitude
// a (1 - e^2) * pi / 180 = 59.705 nm, so a 1 x 0.5 degree box is about 60 x 30 nm. The vertex
// orders of the four patterns, the parallel sweep's legs (spacing, offsets from the edges,
// direction, split legs in a concave polygon, the narrow-area fallbacks), positions along the
// cycle and the timing of on-station tracks.
#include "model/patrol_route.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "geo/geodesy.hpp"
#include "geo/polygon.hpp"

namespace mdasim {
namespace {

constexpr double kNmPerDegLonEquator = 60.1077;  // a * pi / 180 / 1852
constexpr double kNmPerDegLatEquator = 59.7053;  // a (1 - e^2) * pi / 180 / 1852

Patrol barrier(std::vector<GeoPoint> waypoints) {
  Patrol p;
  p.name = "barrier";
  p.pattern = PatrolPattern::kBarrier;
  p.waypoints = std::move(waypoints);
  return p;
}

Patrol racetrack(std::vector<GeoPoint> waypoints) {
  Patrol p = barrier(std::move(waypoints));
  p.name = "racetrack";
  p.pattern = PatrolPattern::kRacetrack;
  return p;
}

Patrol sweep(Polygon area, double spacing_nm) {
  Patrol p;
  p.name = "sweep";
  p.pattern = PatrolPattern::kParallelSweep;
  p.area = std::move(area);
  p.track_spacing_nm = spacing_nm;
  return p;
}

Patrol station(GeoPoint point) {
  Patrol p;
  p.name = "station";
  p.pattern = PatrolPattern::kStation;
  p.point = point;
  return p;
}

void expect_at(const GeoPoint& actual, const GeoPoint& expected, double tol_deg = 1e-9) {
  EXPECT_NEAR(actual.lon_deg, expected.lon_deg, tol_deg);
  EXPECT_NEAR(actual.lat_deg, expected.lat_deg, tol_deg);
}

// The cycle from its vertices: consecutive geodesics and the closing leg.
double cycle_from_points(const PatrolRoute& r) {
  double sum = 0.0;
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    sum += geodesic_nm(r.points[i], r.points[(i + 1) % r.points.size()]);
  }
  return sum;
}

// Within 1e-9 degrees of an edge (edges straight in lon/lat).
bool on_boundary(const Polygon& poly, const GeoPoint& p) {
  for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    const double ax = poly[j].lon_deg, ay = poly[j].lat_deg;
    const double dx = poly[i].lon_deg - ax, dy = poly[i].lat_deg - ay;
    const double along = ((p.lon_deg - ax) * dx + (p.lat_deg - ay) * dy) / (dx * dx + dy * dy);
    const double t = std::clamp(along, 0.0, 1.0);
    if (std::hypot(p.lon_deg - (ax + t * dx), p.lat_deg - (ay + t * dy)) < 1e-9) return true;
  }
  return false;
}

void expect_inside_or_on(const Polygon& poly, const PatrolRoute& r) {
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    EXPECT_TRUE(polygon_contains(poly, r.points[i]) || on_boundary(poly, r.points[i]))
        << i << ": " << r.points[i].lon_deg << ", " << r.points[i].lat_deg;
  }
}

GeoPoint midpoint(const GeoPoint& a, const GeoPoint& b) {
  return {0.5 * (a.lon_deg + b.lon_deg), 0.5 * (a.lat_deg + b.lat_deg)};
}

// ~60 nm east-west x ~30 nm north-south.
const Polygon kWideBox{{100.0, 0.0}, {101.0, 0.0}, {101.0, 0.5}, {100.0, 0.5}};

TEST(PatrolRoute, StationIsOnePointWithNoCycle) {
  const PatrolRoute r = patrol_route(station({117.75, 15.15}));
  ASSERT_EQ(r.points.size(), 1u);
  ASSERT_EQ(r.cumulative_nm.size(), 1u);
  expect_at(r.entry(), {117.75, 15.15}, 0.0);
  EXPECT_EQ(r.cumulative_nm[0], 0.0);
  EXPECT_EQ(r.cycle_nm, 0.0);
  expect_at(route_position(r, 37.0), {117.75, 15.15}, 0.0);
}

TEST(PatrolRoute, BarrierGoesOutAndBackAlongThePolyline) {
  const GeoPoint w0{100.0, 0.0}, w1{101.0, 0.0}, w2{101.0, 0.5};
  const PatrolRoute r = patrol_route(barrier({w0, w1, w2}));
  // w0 -> w1 -> w2 -> w1, and the closing leg w1 -> w0.
  ASSERT_EQ(r.points.size(), 4u);
  expect_at(r.points[0], w0, 0.0);
  expect_at(r.points[1], w1, 0.0);
  expect_at(r.points[2], w2, 0.0);
  expect_at(r.points[3], w1, 0.0);
  const double a = geodesic_nm(w0, w1);
  const double b = geodesic_nm(w1, w2);
  EXPECT_NEAR(a, 1.0 * kNmPerDegLonEquator, 0.001);  // 60.108
  EXPECT_NEAR(b, 0.5 * kNmPerDegLatEquator, 0.001);  // 29.853
  ASSERT_EQ(r.cumulative_nm.size(), 4u);
  EXPECT_EQ(r.cumulative_nm[0], 0.0);
  EXPECT_NEAR(r.cumulative_nm[1], a, 1e-9);
  EXPECT_NEAR(r.cumulative_nm[2], a + b, 1e-9);
  EXPECT_NEAR(r.cumulative_nm[3], a + 2.0 * b, 1e-9);
  EXPECT_NEAR(r.cycle_nm, 2.0 * (a + b), 1e-9);
  EXPECT_NEAR(r.cycle_nm, 179.92, 0.01);
}

TEST(PatrolRoute, RacetrackClosesBackToTheFirstWaypoint) {
  const GeoPoint w0{100.0, 0.0}, w1{101.0, 0.0}, w2{100.5, 0.5};
  const PatrolRoute r = patrol_route(racetrack({w0, w1, w2}));
  ASSERT_EQ(r.points.size(), 3u);
  expect_at(r.points[0], w0, 0.0);
  expect_at(r.points[1], w1, 0.0);
  expect_at(r.points[2], w2, 0.0);
  EXPECT_NEAR(r.cumulative_nm[1], geodesic_nm(w0, w1), 1e-9);
  EXPECT_NEAR(r.cumulative_nm[2], geodesic_nm(w0, w1) + geodesic_nm(w1, w2), 1e-9);
  EXPECT_NEAR(r.cycle_nm, r.cumulative_nm[2] + geodesic_nm(w2, w0), 1e-9);
  // 60.108 + 2 x sqrt(30.054^2 + 29.853^2) = 60.108 + 2 x 42.360.
  EXPECT_NEAR(r.cycle_nm, 144.83, 0.01);
  // Half way along the closing leg w2 -> w0.
  const double closing_nm = r.cycle_nm - r.cumulative_nm[2];
  expect_at(route_position(r, r.cumulative_nm[2] + 0.5 * closing_nm), {100.25, 0.25});
}

TEST(PatrolRoute, TwoWaypointRacetrackIsTheBarrier) {
  const std::vector<GeoPoint> w{{104.0, 1.1}, {104.4, 1.5}};
  const PatrolRoute b = patrol_route(barrier(w));
  const PatrolRoute t = patrol_route(racetrack(w));
  ASSERT_EQ(b.points.size(), 2u);
  ASSERT_EQ(t.points.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    expect_at(t.points[i], b.points[i], 0.0);
    EXPECT_EQ(t.cumulative_nm[i], b.cumulative_nm[i]);
  }
  EXPECT_EQ(t.cycle_nm, b.cycle_nm);
  EXPECT_NEAR(b.cycle_nm, 2.0 * geodesic_nm(w[0], w[1]), 1e-9);
}

TEST(PatrolRoute, UnusablePatrolsThrow) {
  EXPECT_THROW((void)patrol_route(barrier({{100.0, 0.0}})), std::invalid_argument);
  EXPECT_THROW((void)patrol_route(racetrack({{100.0, 0.0}})), std::invalid_argument);
  EXPECT_THROW((void)patrol_route(racetrack({})), std::invalid_argument);
  EXPECT_THROW((void)patrol_route(sweep({{100.0, 0.0}, {101.0, 0.0}}, 10.0)), std::invalid_argument);
  EXPECT_THROW((void)patrol_route(sweep(kWideBox, 0.0)), std::invalid_argument);
  EXPECT_THROW((void)patrol_route(sweep(kWideBox, -5.0)), std::invalid_argument);
  EXPECT_NO_THROW((void)patrol_route(sweep(kWideBox, 10.0)));
}

TEST(PatrolRoute, ParallelSweepOverAWideRectangle) {
  // 60.1 x 29.85 nm, S = 10: lines 5, 15 and 25 nm north of the southern edge (35 is outside).
  const PatrolRoute r = patrol_route(sweep(kWideBox, 10.0));
  ASSERT_EQ(r.points.size(), 6u);
  const std::vector<GeoPoint>& p = r.points;
  // East-west legs along parallels, flown W -> E, E -> W, W -> E.
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(p[2 * k].lat_deg, p[2 * k + 1].lat_deg) << k;
    const bool eastward = k % 2 == 0;
    EXPECT_NEAR(p[2 * k].lon_deg, eastward ? 100.0 : 101.0, 1e-9) << k;
    EXPECT_NEAR(p[2 * k + 1].lon_deg, eastward ? 101.0 : 100.0, 1e-9) << k;
  }
  // First leg S/2 = 5 nm inside the southern edge, then every 10 nm; the last 4.85 nm inside
  // the northern edge (29.853 - 25).
  EXPECT_NEAR(p[0].lat_deg, 5.0 / kNmPerDegLatEquator, 1e-5);  // 0.0837
  EXPECT_NEAR(geodesic_nm(p[0], {100.0, 0.0}), 5.0, 0.01);
  EXPECT_NEAR(geodesic_nm(p[1], p[2]), 10.0, 0.01);
  EXPECT_NEAR(geodesic_nm(p[3], p[4]), 10.0, 0.01);
  EXPECT_NEAR(geodesic_nm(p[5], {101.0, 0.5}), 4.853, 0.01);
  expect_inside_or_on(kWideBox, r);

  double legs_nm = 0.0, connectors_nm = 0.0;
  for (std::size_t k = 0; k < 3; ++k) legs_nm += geodesic_nm(p[2 * k], p[2 * k + 1]);
  for (std::size_t k = 0; k < 2; ++k) connectors_nm += geodesic_nm(p[2 * k + 1], p[2 * k + 2]);
  const double closing_nm = geodesic_nm(p[5], p[0]);
  EXPECT_NEAR(legs_nm, 3.0 * kNmPerDegLonEquator, 0.01);  // 180.32
  EXPECT_NEAR(connectors_nm, 20.0, 0.01);
  // From the last leg's eastern end back to the first leg's western start: sqrt(60.108^2 + 20^2).
  EXPECT_NEAR(closing_nm, 63.35, 0.01);
  EXPECT_NEAR(r.cycle_nm, legs_nm + connectors_nm + closing_nm, 1e-9);
  EXPECT_NEAR(r.cycle_nm, 263.67, 0.02);
  EXPECT_NEAR(r.cycle_nm, cycle_from_points(r), 1e-9);
  EXPECT_NEAR(r.cumulative_nm[5], legs_nm + connectors_nm, 1e-9);
}

TEST(PatrolRoute, ParallelSweepOverATallRectangleRunsNorthSouth) {
  // 30.05 nm x 59.7 nm: legs along meridians, the first 5 nm east of the western edge, S -> N.
  const Polygon tall{{100.0, 0.0}, {100.5, 0.0}, {100.5, 1.0}, {100.0, 1.0}};
  const PatrolRoute r = patrol_route(sweep(tall, 10.0));
  ASSERT_EQ(r.points.size(), 6u);
  const std::vector<GeoPoint>& p = r.points;
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(p[2 * k].lon_deg, p[2 * k + 1].lon_deg) << k;
    const bool northward = k % 2 == 0;
    EXPECT_NEAR(p[2 * k].lat_deg, northward ? 0.0 : 1.0, 1e-9) << k;
    EXPECT_NEAR(p[2 * k + 1].lat_deg, northward ? 1.0 : 0.0, 1e-9) << k;
    EXPECT_NEAR(geodesic_nm(p[2 * k], p[2 * k + 1]), kNmPerDegLatEquator, 0.01) << k;
  }
  EXPECT_NEAR(p[0].lon_deg, 100.0 + 5.0 / kNmPerDegLonEquator, 1e-5);  // 100.0832
  EXPECT_NEAR(geodesic_nm(p[0], {100.0, 0.0}), 5.0, 0.01);
  EXPECT_NEAR(geodesic_nm(p[1], p[2]), 10.0, 0.01);
  EXPECT_NEAR(geodesic_nm(p[3], p[4]), 10.0, 0.01);
  expect_inside_or_on(tall, r);
}

TEST(PatrolRoute, ConcavePolygonSplitsLegs) {
  // A U open to the north: 0.9 x 0.9 degrees (54.1 x 53.7 nm), base up to 0.3 degrees (17.9 nm),
  // arms 0.3 degrees wide with a 0.3 degree notch between. S = 10: lines at 5 ... 45 nm; the two
  // below 17.9 nm cross the base whole, the three above cross both arms.
  const Polygon u{{100.0, 0.0}, {100.9, 0.0}, {100.9, 0.9}, {100.6, 0.9},
                  {100.6, 0.3}, {100.3, 0.3}, {100.3, 0.9}, {100.0, 0.9}};
  const PatrolRoute r = patrol_route(sweep(u, 10.0));
  const std::vector<GeoPoint>& p = r.points;
  ASSERT_EQ(p.size(), 2u + 2u + 3u * 4u);
  expect_inside_or_on(u, r);
  // Whole lines.
  EXPECT_NEAR(p[0].lon_deg, 100.0, 1e-9);
  EXPECT_NEAR(p[1].lon_deg, 100.9, 1e-9);
  EXPECT_NEAR(p[2].lon_deg, 100.9, 1e-9);
  EXPECT_NEAR(p[3].lon_deg, 100.0, 1e-9);
  // Split lines, each piece flown in turn along the line: W -> E, E -> W, W -> E.
  const double west_to_east[] = {100.0, 100.3, 100.6, 100.9};
  for (std::size_t line = 0; line < 3; ++line) {
    const std::size_t first = 4 + 4 * line;
    for (std::size_t j = 0; j < 4; ++j) {
      const double expected = line % 2 == 0 ? west_to_east[j] : west_to_east[3 - j];
      EXPECT_NEAR(p[first + j].lon_deg, expected, 1e-9) << line << ", " << j;
      EXPECT_DOUBLE_EQ(p[first + j].lat_deg, p[first].lat_deg);
    }
    // The pieces are inside; the crossing of the notch between them is not.
    EXPECT_TRUE(polygon_contains(u, midpoint(p[first], p[first + 1])));
    EXPECT_FALSE(polygon_contains(u, midpoint(p[first + 1], p[first + 2])));
    EXPECT_TRUE(polygon_contains(u, midpoint(p[first + 2], p[first + 3])));
  }
  EXPECT_NEAR(p[4].lat_deg, 25.0 / kNmPerDegLatEquator, 1e-5);
  // Leg length: 2 x 0.9 + 6 x 0.3 = 3.6 degrees of longitude, less 0.007 nm for cos(latitude).
  double legs_nm = 0.0;
  for (std::size_t k = 0; k < p.size(); k += 2) legs_nm += geodesic_nm(p[k], p[k + 1]);
  EXPECT_NEAR(legs_nm, 216.38, 0.01);
  EXPECT_NEAR(r.cycle_nm, cycle_from_points(r), 1e-9);
}

TEST(PatrolRoute, NarrowAreaFallsBackToOneCentralLeg) {
  // 4 nm across < S/2 = 5 nm: one leg along the middle, there and back.
  const double lat_top = 4.0 / kNmPerDegLatEquator;
  const Polygon strip{{100.0, 0.0}, {101.0, 0.0}, {101.0, lat_top}, {100.0, lat_top}};
  const PatrolRoute r = patrol_route(sweep(strip, 10.0));
  ASSERT_EQ(r.points.size(), 2u);
  expect_at(r.points[0], {100.0, 0.5 * lat_top});
  expect_at(r.points[1], {101.0, 0.5 * lat_top});
  EXPECT_NEAR(r.cycle_nm, 2.0 * kNmPerDegLonEquator, 0.01);
}

TEST(PatrolRoute, AreaWithoutSurfaceIsFlownAsAStation) {
  // Collinear vertices: no line crosses it, so the route is the vertices' mean.
  const PatrolRoute r = patrol_route(sweep({{100.0, 0.0}, {100.5, 0.0}, {101.3, 0.0}}, 10.0));
  ASSERT_EQ(r.points.size(), 1u);
  expect_at(r.points[0], {100.6, 0.0}, 1e-12);
  EXPECT_EQ(r.cycle_nm, 0.0);
}

TEST(PatrolRoute, PositionAlongTheCycle) {
  const PatrolRoute r = patrol_route(sweep(kWideBox, 10.0));
  expect_at(route_position(r, 0.0), r.points[0], 0.0);
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    expect_at(route_position(r, r.cumulative_nm[i]), r.points[i], 1e-12);
    expect_at(route_position(r, r.cumulative_nm[i] + 3.0 * r.cycle_nm), r.points[i], 1e-9);
    expect_at(route_position(r, r.cumulative_nm[i] - 2.0 * r.cycle_nm), r.points[i], 1e-9);
  }
  expect_at(route_position(r, r.cycle_nm), r.points[0], 1e-12);
  // Straight in lon/lat, at a constant rate by geodesic length: half way along the first leg.
  expect_at(route_position(r, 0.5 * r.cumulative_nm[1]), midpoint(r.points[0], r.points[1]), 1e-12);

  // Barrier 100 -> 101 E on the equator: 60.108 nm each way.
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  expect_at(route_position(b, 30.0), {100.0 + 30.0 / kNmPerDegLonEquator, 0.0}, 1e-6);  // 100.4991
  expect_at(route_position(b, b.cycle_nm - 30.0), {100.0 + 30.0 / kNmPerDegLonEquator, 0.0}, 1e-6);
  expect_at(route_position(b, -30.0), {100.0 + 30.0 / kNmPerDegLonEquator, 0.0}, 1e-6);
  expect_at(route_position(b, 0.75 * b.cycle_nm), {100.5, 0.0}, 1e-12);  // on the way back
}

TEST(PatrolRoute, StationTrackStaysPut) {
  const PatrolRoute r = patrol_route(station({117.75, 15.15}));
  std::vector<TrackPoint> track{{{0.0, 0.0}, 1.0}};  // appended to, not replaced
  append_route_track(r, 12.0, 100.0, 5.0, 3.0, track);
  ASSERT_EQ(track.size(), 3u);
  expect_at(track[1].position, {117.75, 15.15}, 0.0);
  expect_at(track[2].position, {117.75, 15.15}, 0.0);
  EXPECT_EQ(track[1].time_h, 5.0);
  EXPECT_EQ(track[2].time_h, 8.0);

  // No time on station: the start alone.
  track.clear();
  append_route_track(r, 0.0, 100.0, 5.0, 0.0, track);
  ASSERT_EQ(track.size(), 1u);
  EXPECT_EQ(track[0].time_h, 5.0);
}

TEST(PatrolRoute, ZeroSpeedHoldsTheStartPoint) {
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  std::vector<TrackPoint> track;
  append_route_track(b, 30.0, 0.0, 2.0, 4.0, track);
  ASSERT_EQ(track.size(), 2u);
  expect_at(track[0].position, route_position(b, 30.0), 0.0);
  expect_at(track[1].position, route_position(b, 30.0), 0.0);
  EXPECT_EQ(track[0].time_h, 2.0);
  EXPECT_EQ(track[1].time_h, 6.0);
}

TEST(PatrolRoute, TrackTimesVerticesAndEndsPartWayAlongALeg) {
  // Barrier on the equator, L = 60.108 nm a leg, 120 kt: 0.5009 h a leg. 1.25 h = 150 nm: out,
  // back, and 150 - 120.215 = 29.785 nm out again.
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  const double leg_nm = b.cumulative_nm[1];
  std::vector<TrackPoint> track;
  append_route_track(b, 0.0, 120.0, 10.0, 1.25, track);
  ASSERT_EQ(track.size(), 4u);
  expect_at(track[0].position, {100.0, 0.0}, 0.0);
  EXPECT_EQ(track[0].time_h, 10.0);
  expect_at(track[1].position, {101.0, 0.0}, 0.0);
  EXPECT_NEAR(track[1].time_h, 10.0 + leg_nm / 120.0, 1e-12);
  EXPECT_NEAR(track[1].time_h, 10.5009, 1e-4);
  expect_at(track[2].position, {100.0, 0.0}, 0.0);
  EXPECT_NEAR(track[2].time_h, 10.0 + 2.0 * leg_nm / 120.0, 1e-12);
  EXPECT_NEAR(track[2].time_h, 11.0018, 1e-4);
  EXPECT_EQ(track[3].time_h, 11.25);
  EXPECT_NEAR(track[3].position.lon_deg, 100.0 + (150.0 - 2.0 * leg_nm) / leg_nm, 1e-12);
  EXPECT_NEAR(track[3].position.lon_deg, 100.4955, 1e-4);
  EXPECT_EQ(track[3].position.lat_deg, 0.0);
}

TEST(PatrolRoute, TrackWrapsOverSeveralCycles) {
  // 3 h at 120 kt = 360 nm = 2.995 cycles of 120.215 nm: five vertices (alternately 101 and
  // 100 E, the fifth at 101 E), then 360 - 5 x 60.108 = 59.46 nm back, at 100.011 E.
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  const double leg_nm = b.cumulative_nm[1];
  std::vector<TrackPoint> track;
  append_route_track(b, 0.0, 120.0, 0.0, 3.0, track);
  ASSERT_EQ(track.size(), 7u);
  for (std::size_t k = 1; k <= 5; ++k) {
    EXPECT_EQ(track[k].position.lon_deg, k % 2 == 1 ? 101.0 : 100.0) << k;
    EXPECT_NEAR(track[k].time_h, static_cast<double>(k) * leg_nm / 120.0, 1e-9) << k;
    EXPECT_GT(track[k].time_h, track[k - 1].time_h);
  }
  EXPECT_EQ(track[6].time_h, 3.0);
  EXPECT_NEAR(track[6].position.lon_deg, 101.0 - (360.0 - 5.0 * leg_nm) / leg_nm, 1e-9);
  EXPECT_NEAR(track[6].position.lon_deg, 100.011, 1e-3);
}

TEST(PatrolRoute, TrackStartsPartWayAlongTheCycle) {
  // 30 nm along (modulo the cycle) at 120 kt: w1 after (60.108 - 30) / 120 = 0.2509 h.
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  const double leg_nm = b.cumulative_nm[1];
  for (double start_nm : {30.0, 30.0 + 2.0 * b.cycle_nm}) {
    std::vector<TrackPoint> track;
    append_route_track(b, start_nm, 120.0, 1.0, 0.5, track);
    ASSERT_EQ(track.size(), 3u) << start_nm;
    EXPECT_NEAR(track[0].position.lon_deg, 100.0 + 30.0 / leg_nm, 1e-9);
    EXPECT_EQ(track[0].time_h, 1.0);
    expect_at(track[1].position, {101.0, 0.0}, 0.0);
    EXPECT_NEAR(track[1].time_h, 1.0 + (leg_nm - 30.0) / 120.0, 1e-9);
    EXPECT_NEAR(track[1].time_h, 1.2509, 1e-4);
    // 60 nm flown: 29.892 nm back from w1.
    EXPECT_NEAR(track[2].position.lon_deg, 101.0 - (60.0 - (leg_nm - 30.0)) / leg_nm, 1e-9);
    EXPECT_EQ(track[2].time_h, 1.5);
  }
  // -30 nm: 30 nm before the entry, on the way back; w0 after 0.25 h.
  std::vector<TrackPoint> track;
  append_route_track(b, -30.0, 120.0, 0.0, 0.5, track);
  ASSERT_EQ(track.size(), 3u);
  EXPECT_NEAR(track[0].position.lon_deg, 100.0 + 30.0 / leg_nm, 1e-9);
  expect_at(track[1].position, {100.0, 0.0}, 0.0);
  EXPECT_NEAR(track[1].time_h, 0.25, 1e-9);
  EXPECT_NEAR(track[2].position.lon_deg, 100.0 + 30.0 / leg_nm, 1e-9);
}

TEST(PatrolRoute, TrackEndingOnAVertexDoesNotRepeatIt) {
  // 128 kt and a duration of L / 128 h: exactly one leg (powers of two scale without rounding).
  const PatrolRoute b = patrol_route(barrier({{100.0, 0.0}, {101.0, 0.0}}));
  std::vector<TrackPoint> track;
  append_route_track(b, 0.0, 128.0, 0.0, b.cumulative_nm[1] / 128.0, track);
  ASSERT_EQ(track.size(), 2u);
  expect_at(track[1].position, {101.0, 0.0}, 1e-12);
  EXPECT_EQ(track[1].time_h, b.cumulative_nm[1] / 128.0);
}

TEST(PatrolRoute, SweepTrackVisitsEveryVertexInOrder) {
  const PatrolRoute r = patrol_route(sweep(kWideBox, 10.0));
  std::vector<TrackPoint> track;
  // 1.5 cycles at 150 kt from the entry.
  append_route_track(r, 0.0, 150.0, 0.0, 1.5 * r.cycle_nm / 150.0, track);
  // The vertices are at 0, 60.1, 70.1, 130.2, 140.2 and 200.3 nm, the cycle 263.7 nm: the start,
  // vertices 1 to 5, the entry again, vertices 1 to 3 (130.2 < 131.8 nm, half the cycle), and
  // the end 131.8 - 130.2 = 1.6 nm up the connector from vertex 3 (100 E) to vertex 4.
  ASSERT_EQ(track.size(), 11u);
  EXPECT_NEAR(track.back().position.lon_deg, 100.0, 1e-9);
  EXPECT_NEAR(track.back().position.lat_deg, r.points[3].lat_deg + 1.62 / kNmPerDegLatEquator, 2e-4);
  for (std::size_t k = 1; k + 1 < track.size(); ++k) {
    const std::size_t i = k % r.points.size();
    expect_at(track[k].position, r.points[i], 0.0);
    const double flown_nm = (k < r.points.size() ? 0.0 : r.cycle_nm) + r.cumulative_nm[i];
    EXPECT_NEAR(track[k].time_h, flown_nm / 150.0, 1e-9) << k;
  }
  expect_at(track.back().position, route_position(r, 1.5 * r.cycle_nm), 1e-9);
}

}  // namespace
}  // namespace mdasim

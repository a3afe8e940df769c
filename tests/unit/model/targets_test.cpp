// ISR targets on the small two-state world: Poisson arrivals against rate x window, common
// random numbers, and the three track models (straight courses, lanes, loiter) against speed x
// time, the lane network and the land.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <utility>

#include "geo/geodesy.hpp"
#include "geo/local_frame.hpp"
#include "geo/polygon_index.hpp"
#include "model/targets.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

const Polygon kStrait{{100.6, 0.5}, {103.4, 0.5}, {103.4, 3.5}, {100.6, 3.5}};

TargetClass target_class(std::string name, double rate_per_h, Placement::Kind kind, TargetMotion motion,
                         double speed_kt, Distribution dwell, double ais_on_probability, Polygon area = kStrait) {
  TargetClass c;
  c.name = std::move(name);
  c.rate_per_h = rate_per_h;
  c.where_placed.kind = kind;
  if (kind == Placement::Kind::kAreas) c.where_placed.areas.push_back({"area", 1.0, std::move(area), {}, {}});
  c.motion = motion;
  c.speed_kt = speed_kt;
  c.dwell = dwell;
  c.ais_on_probability = ais_on_probability;
  c.search_object = "small-craft";
  c.search_object_index = 0;
  return c;
}

Distribution fixed(double h) {
  Distribution d;
  d.kind = Distribution::Kind::kFixed;
  d.a = h;
  return d;
}

Distribution exponential(double mean_h) {
  Distribution d;
  d.kind = Distribution::Kind::kExponential;
  d.a = mean_h;
  return d;
}

double path_nm(const std::vector<TrackPoint>& track) {
  double sum = 0.0;
  for (std::size_t i = 1; i < track.size(); ++i) sum += geodesic_nm(track[i - 1].position, track[i].position);
  return sum;
}

bool same_point(const GeoPoint& a, const GeoPoint& b) { return a.lon_deg == b.lon_deg && a.lat_deg == b.lat_deg; }

TEST(Targets, PoissonCountsMatchRateTimesWindow) {
  Scenario s = test::small_world().scenario;
  // 0.5 per hour over the 58-day window after the 2-day warm-up: 696 a replication on average.
  s.target_classes = {target_class("fishers", 0.5, Placement::Kind::kUniform, TargetMotion::kLoiter, 0.0,
                                   exponential(3.0), 0.3)};
  const TargetSetup setup(s, test::small_world().geography);
  const int reps = 400;
  double sum = 0.0, sum2 = 0.0, dwell_sum = 0.0, ais_sum = 0.0, all = 0.0;
  for (int r = 0; r < reps; ++r) {
    const std::vector<Target> targets = draw_targets(setup, {11, 0, static_cast<std::uint64_t>(r)});
    double in_window = 0.0;
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const Target& t = targets[i];
      ASSERT_GE(t.appear_h, 0.0);
      ASSERT_LT(t.appear_h, s.run.duration_h);
      if (i > 0) {
        ASSERT_GE(t.appear_h, targets[i - 1].appear_h);
      }
      ASSERT_EQ(t.track.front().time_h, t.appear_h);
      ASSERT_EQ(t.track.back().time_h, t.leave_h);
      ASSERT_FALSE(test::small_world().geography.is_land(t.track.front().position));
      if (t.appear_h >= s.run.warmup_h) in_window += 1.0;
      dwell_sum += t.leave_h - t.appear_h;
      ais_sum += t.ais_on ? 1.0 : 0.0;
      all += 1.0;
    }
    sum += in_window;
    sum2 += in_window * in_window;
  }
  const double expected = 0.5 * (s.run.duration_h - s.run.warmup_h);  // 696
  const double mean = sum / reps;
  const double variance = (sum2 - reps * mean * mean) / (reps - 1);
  // Standard error of the mean sqrt(696 / 400) = 1.32; of the variance about 696 sqrt(2 / 399) = 49.
  EXPECT_NEAR(mean, expected, 5.5);
  EXPECT_NEAR(variance, expected, 200.0);  // Poisson: variance = mean
  // 300,000 targets: dwell mean 3 h (se 0.006), AIS on 0.3 (se 0.001).
  EXPECT_NEAR(dwell_sum / all, 3.0, 0.03);
  EXPECT_NEAR(ais_sum / all, 0.3, 0.005);
}

TEST(Targets, SameTargetsWhateverTheSensorsAssetsAndOtherClasses) {
  Scenario s = test::small_world().scenario;
  s.target_classes = {target_class("dark", 0.05, Placement::Kind::kAreas, TargetMotion::kTransit, 10.0,
                                   exponential(12.0), 0.0)};
  const Geography& geo = test::small_world().geography;
  const TargetSetup base(s, geo);
  Scenario more = s;
  FixedSensor radar;
  radar.name = "radar";
  radar.position = {100.5, 2.0};
  radar.antenna_height_m = 30.0;
  radar.range_nm = 40.0;
  more.fixed_sensors.push_back(radar);
  more.assets.pop_back();
  more.target_classes.push_back(target_class("fishers", 0.2, Placement::Kind::kUniform, TargetMotion::kLoiter, 3.0,
                                             fixed(5.0), 0.5));
  const TargetSetup option(more, geo);
  for (std::uint64_t r = 0; r < 3; ++r) {
    const std::vector<Target> a = draw_targets(base, {3, 0, r});
    const std::vector<Target> b = draw_targets(option, {3, 0, r});
    std::vector<const Target*> b0;
    for (const Target& t : b) {
      if (t.class_index == 0) b0.push_back(&t);
    }
    ASSERT_GT(a.size(), 40u);
    ASSERT_GT(b.size(), a.size());
    ASSERT_EQ(a.size(), b0.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].appear_h, b0[i]->appear_h);
      EXPECT_EQ(a[i].leave_h, b0[i]->leave_h);
      ASSERT_EQ(a[i].track.size(), b0[i]->track.size());
      EXPECT_TRUE(same_point(a[i].track.back().position, b0[i]->track.back().position));
    }
  }
  // Another replication, another set.
  EXPECT_NE(draw_targets(base, {3, 0, 0}).front().appear_h, draw_targets(base, {3, 0, 1}).front().appear_h);
  // Changing the speed moves the tracks, not the appearances.
  Scenario faster = s;
  faster.target_classes[0].speed_kt = 20.0;
  const TargetSetup fast(faster, geo);
  const std::vector<Target> a = draw_targets(base, {3, 0, 0});
  const std::vector<Target> f = draw_targets(fast, {3, 0, 0});
  ASSERT_EQ(a.size(), f.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].appear_h, f[i].appear_h);
    EXPECT_TRUE(same_point(a[i].track.front().position, f[i].track.front().position));
  }
}

TEST(Targets, StraightCoursesRunAtSpeedOnOneHeadingAndStopAtTheCoast) {
  Scenario s = test::small_world().scenario;
  // 12 kt for 10 h: 120 nm courses in a strait 180 nm wide, so many make their landfall.
  s.target_classes = {target_class("smugglers", 0.2, Placement::Kind::kAreas, TargetMotion::kTransit, 12.0,
                                   fixed(10.0), 0.0)};
  const Geography& geo = test::small_world().geography;
  const TargetSetup setup(s, geo);
  int landfalls = 0, full = 0;
  for (std::uint64_t r = 0; r < 3; ++r) {
    for (const Target& t : draw_targets(setup, {5, 0, r})) {
      ASSERT_GE(t.track.size(), 2u);
      const double hours = t.leave_h - t.appear_h;
      EXPECT_NEAR(path_nm(t.track), 12.0 * hours, 0.01 * 12.0 * hours + 1e-9);
      // One heading: every waypoint on the same geodesic from the start.
      const GeoPoint& start = t.track.front().position;
      const double azimuth = geodesic_leg(start, t.track[1].position).azimuth_deg;
      for (std::size_t i = 1; i < t.track.size(); ++i) {
        const GeodesicLeg leg = geodesic_leg(start, t.track[i].position);
        // Off the course line by less than 0.005 nm (a landfall point is interpolated in lon/lat
        // between two points of the geodesic 30 nm apart).
        const double off_rad = std::remainder(leg.azimuth_deg - azimuth, 360.0) * std::numbers::pi / 180.0;
        EXPECT_LT(std::abs(leg.distance_nm * std::sin(off_rad)), 0.005);
        EXPECT_NEAR(leg.distance_nm, 12.0 * (t.track[i].time_h - t.appear_h), 1e-3);
        EXPECT_FALSE(geo.is_land(t.track[i].position));
        EXPECT_LE(geodesic_nm(t.track[i - 1].position, t.track[i].position), kCourseLegNm + 1e-9);
      }
      if (t.landfall) {
        ++landfalls;
        EXPECT_LT(hours, 10.0);
        // The end is at the coast: 0.02 nm further on is land.
        const GeoPoint beyond = geodesic_destination(start, azimuth, 12.0 * hours + 0.02);
        EXPECT_TRUE(geo.is_land(beyond));
        // The coasts are the meridians 100.5 and 103.5.
        const double lon = t.track.back().position.lon_deg;
        EXPECT_LT(std::min(std::abs(lon - 100.5), std::abs(lon - 103.5)), 0.001);
      } else {
        ++full;
        EXPECT_EQ(t.leave_h, t.appear_h + 10.0);
      }
    }
  }
  EXPECT_GT(landfalls, 50);
  EXPECT_GT(full, 50);
}

// A Y of lanes: a dead end at (101, 2), a junction at (102, 2), branches to the north-east and
// south-east, the north-eastern one with three times the traffic.
LaneNetwork y_lanes() {
  LineLayer layer;
  layer.lines = {{{101.0, 2.0}, {102.0, 2.0}}, {{102.0, 2.0}, {103.0, 2.5}}, {{102.0, 2.0}, {103.0, 1.5}}};
  LaneNetwork lanes(layer);
  lanes.set_traffic({LaneTraffic{"north", 3.0, {{102.2, 2.0}, {104.0, 2.0}, {104.0, 3.0}, {102.2, 3.0}}, {}, {}}});
  return lanes;
}

std::size_t vertex_at(const LaneNetwork& lanes, const GeoPoint& p) {
  for (std::size_t v = 0; v < lanes.vertex_count(); ++v) {
    if (same_point(lanes.position(v), p)) return v;
  }
  return lanes.vertex_count();
}

TEST(Targets, LaneTracksFollowTheLanesAndChooseBranchesByTraffic) {
  const LaneNetwork lanes = y_lanes();
  ASSERT_EQ(lanes.vertex_count(), 4u);
  ASSERT_EQ(lanes.edges().size(), 3u);
  const std::size_t junction = vertex_at(lanes, {102.0, 2.0});
  const std::size_t north = vertex_at(lanes, {103.0, 2.5});
  const std::size_t south = vertex_at(lanes, {103.0, 1.5});
  ASSERT_LT(std::max({junction, north, south}), 4u);
  auto share_edge = [&](std::size_t v, std::size_t w) {
    for (const LaneEdge& e : lanes.edges()) {
      if ((e.u == v && e.v == w) || (e.u == w && e.v == v)) return true;
    }
    return false;
  };
  int to_north = 0, to_south = 0;
  for (std::uint64_t k = 0; k < 4000; ++k) {
    RandomStream rng(1, 0, k, StreamPurpose::kTest);
    std::vector<TrackPoint> track{{{101.5, 2.0}, 10.0}};
    // 10 kt for 30 h: 300 nm over edges of 60 and 67 nm, so several turns and branches.
    EXPECT_EQ(lane_track(lanes, 10.0, 30.0, rng, track), 40.0);
    ASSERT_GE(track.size(), 3u);
    EXPECT_EQ(track.back().time_h, 40.0);
    EXPECT_NEAR(path_nm(track), 300.0, 3.0);
    std::vector<std::size_t> vertices;  // of the interior waypoints
    for (std::size_t i = 1; i + 1 < track.size(); ++i) {
      const std::size_t v = vertex_at(lanes, track[i].position);
      ASSERT_LT(v, 4u) << "waypoint " << i << " is not a lane vertex";
      vertices.push_back(v);
      EXPECT_NEAR(geodesic_nm(track[i - 1].position, track[i].position), 10.0 * (track[i].time_h - track[i - 1].time_h), 1e-6);
    }
    // The end lies on the edge from the last vertex.
    const auto end_snap = lanes.snap(track.back().position);
    ASSERT_TRUE(end_snap.has_value());
    EXPECT_LT(end_snap->distance_nm, 1e-6);
    const LaneEdge& end_edge = lanes.edges()[end_snap->edge];
    EXPECT_TRUE(end_edge.u == vertices.back() || end_edge.v == vertices.back());
    for (std::size_t i = 1; i < vertices.size(); ++i) {
      EXPECT_TRUE(share_edge(vertices[i - 1], vertices[i]));
      // Never straight back, except from a dead end.
      if (i + 1 < vertices.size() && vertices[i + 1] == vertices[i - 1]) {
        EXPECT_EQ(boost::out_degree(vertices[i], lanes.graph()), 1u);
      }
      if (vertices[i - 1] == junction && (vertices[i] == north || vertices[i] == south) &&
          (i < 2 || vertices[i - 2] != north) && (i < 2 || vertices[i - 2] != south)) {
        // Arrived at the junction from the west: the branch is a free choice.
        (vertices[i] == north ? to_north : to_south) += 1;
      }
    }
  }
  // Weights 3 : 1; about 4000 free choices, se of the share 0.007 (unweighted would give 0.5).
  const double share = static_cast<double>(to_north) / (to_north + to_south);
  EXPECT_GT(to_north + to_south, 3500);
  EXPECT_NEAR(share, 0.75, 0.03);
}

TEST(Targets, LaneTargetsOfTheScenarioStayOnItsLane) {
  Scenario s = test::small_world().scenario;
  s.target_classes = {target_class("dark", 0.1, Placement::Kind::kLanes, TargetMotion::kTransit, 10.0,
                                   exponential(36.0), 0.0)};
  const Geography& geo = test::small_world().geography;
  const TargetSetup setup(s, geo);
  const std::vector<Target> targets = draw_targets(setup, {9, 0, 0});
  ASSERT_GT(targets.size(), 100u);
  for (const Target& t : targets) {
    EXPECT_FALSE(t.landfall);
    EXPECT_NEAR(path_nm(t.track), 10.0 * (t.leave_h - t.appear_h), 0.01 * 10.0 * (t.leave_h - t.appear_h) + 1e-9);
    for (const TrackPoint& p : t.track) {
      const auto snap = geo.lanes.snap(p.position);
      ASSERT_TRUE(snap.has_value());
      EXPECT_LT(snap->distance_nm, 1e-6);
    }
  }
}

// The distance (nm) of p from `centre` in the flat frame around it.
double ground_distance_nm(const GeoPoint& centre, const GeoPoint& p) {
  const LocalFrame frame(centre);
  return std::hypot(frame.x_nm(p), frame.y_nm(p));
}

TEST(Targets, LoiterersWorkTheirGroundFromWaypointToWaypoint) {
  const Geography& geo = test::small_world().geography;
  // From the middle of the strait, 3 kt for 200 h on a ground of 8 nm. Waypoints uniform over the
  // disc have mean square distance from the centre R^2 / 2 = 32 nm^2, and two independent ones
  // are on average 128 R / (45 pi) = 7.243 nm apart: about 83 legs of 2.41 h.
  const GeoPoint centre{102.0, 2.0};
  double sum_r2 = 0.0;
  double sum_leg_nm = 0.0;
  int waypoints = 0;
  const int n = 300;
  for (int k = 0; k < n; ++k) {
    RandomStream rng(2, 0, static_cast<std::uint64_t>(k), StreamPurpose::kTest);
    std::vector<TrackPoint> track{{centre, 10.0}};
    EXPECT_EQ(loiter_track(geo, 3.0, 8.0, 200.0, rng, track), 210.0);
    ASSERT_GT(track.size(), 40u);
    EXPECT_EQ(track.back().time_h, 210.0);
    for (std::size_t i = 1; i < track.size(); ++i) {
      const double leg_h = track[i].time_h - track[i - 1].time_h;
      // Each leg takes its length in the ground's frame at 3 kt (the last, cut short part way,
      // its part of the leg), within 0.1% of the geodesic's.
      const LocalFrame ground(centre);
      const double frame_nm = std::hypot(ground.x_nm(track[i].position) - ground.x_nm(track[i - 1].position),
                                         ground.y_nm(track[i].position) - ground.y_nm(track[i - 1].position));
      EXPECT_NEAR(3.0 * leg_h, frame_nm, 1e-9);
      const double leg_nm = geodesic_nm(track[i - 1].position, track[i].position);
      EXPECT_NEAR(3.0 * leg_h, leg_nm, 1e-3 * leg_nm);
      EXPECT_LE(ground_distance_nm(centre, track[i].position), 8.0 + 1e-9);
      if (i + 1 < track.size()) {  // the last point is where the dwell ran out, part way along a leg
        const double r = ground_distance_nm(centre, track[i].position);
        sum_r2 += r * r;
        sum_leg_nm += 3.0 * leg_h;
        ++waypoints;
      }
    }
  }
  // Over about 24,000 waypoints: the mean square distance has sd 32 / sqrt(3) / sqrt(24,000),
  // about 0.12; the mean leg sd about 3.4 / sqrt(24,000) = 0.02 (consecutive legs share a point).
  EXPECT_NEAR(sum_r2 / waypoints, 32.0, 0.6);
  EXPECT_NEAR(sum_leg_nm / waypoints, 128.0 * 8.0 / (45.0 * std::numbers::pi), 0.1);
  EXPECT_NEAR(static_cast<double>(waypoints) / n, 200.0 * 3.0 / (128.0 * 8.0 / (45.0 * std::numbers::pi)), 1.5);

  // From 3 nm off the western coast (land west of 100.5 E) on a ground of 12 nm, 8 kt for 47.5 h:
  // the waypoints on land and the legs over it are drawn again, so the ground's sea half is
  // worked, up to the coast.
  int near_coast = 0;
  int points = 0;
  const GeoPoint coast{100.55, 2.0};
  for (int k = 0; k < 200; ++k) {
    RandomStream rng(3, 0, static_cast<std::uint64_t>(k), StreamPurpose::kTest);
    std::vector<TrackPoint> track{{coast, 5.0}};
    EXPECT_EQ(loiter_track(geo, 8.0, 12.0, 47.5, rng, track), 52.5);
    for (std::size_t i = 1; i < track.size(); ++i) {
      for (int j = 1; j <= 16; ++j) EXPECT_FALSE(geo.is_land(lerp_lonlat(track[i - 1].position, track[i].position, j / 16.0)));
      EXPECT_LE(ground_distance_nm(coast, track[i].position), 12.0 + 1e-9);
      if (track[i].position.lon_deg < 100.6) ++near_coast;
      ++points;
    }
  }
  EXPECT_GT(near_coast, points / 10);
  // A ground of radius 0, or a speed of 0, keeps the target where it appeared.
  for (const auto& [speed_kt, radius_nm] : {std::pair{0.0, 5.0}, std::pair{4.0, 0.0}}) {
    RandomStream rng(4, 0, 0, StreamPurpose::kTest);
    std::vector<TrackPoint> track{{centre, 1.0}};
    EXPECT_EQ(loiter_track(geo, speed_kt, radius_nm, 30.0, rng, track), 31.0);
    ASSERT_EQ(track.size(), 2u);
    EXPECT_TRUE(same_point(track[1].position, centre));
  }
}

TEST(Targets, ALoitererBoxedInByLandHoldsItsPosition) {
  // A pond of 0.02 x 0.02 degree (1.2 nm) in a square of land: of a ground of 10 nm, a waypoint
  // lands in the pond with probability about 1.44 / (pi 100) = 0.46%, so nearly always all 8
  // draws fail and the target holds for an hour, and draws again.
  Geography geo;
  const std::vector<PolygonRings> land{
      {{{100.0, 0.0}, {102.0, 0.0}, {102.0, 2.0}, {100.0, 2.0}}, {{100.99, 0.99}, {100.99, 1.01}, {101.01, 1.01}, {101.01, 0.99}}}};
  geo.land = PolygonIndex(land, 0.05);
  const GeoPoint pond{101.0, 1.0};
  ASSERT_FALSE(geo.is_land(pond));
  int holds = 0;
  int legs = 0;
  for (int k = 0; k < 20; ++k) {
    RandomStream rng(5, 0, static_cast<std::uint64_t>(k), StreamPurpose::kTest);
    std::vector<TrackPoint> track{{pond, 0.0}};
    EXPECT_EQ(loiter_track(geo, 2.0, 10.0, 100.0, rng, track), 100.0);
    for (std::size_t i = 1; i < track.size(); ++i) {
      EXPECT_FALSE(geo.is_land(track[i].position));
      if (same_point(track[i].position, track[i - 1].position)) {
        EXPECT_NEAR(track[i].time_h - track[i - 1].time_h, std::min(kLoiterHoldH, 100.0 - track[i - 1].time_h), 1e-12);
        ++holds;
      } else {
        ++legs;
      }
    }
  }
  // 1 - (1 - 0.0046)^8 = 3.6% of tries end in a leg: about 70 legs against 1,930 holds.
  EXPECT_GT(holds, 1700);
  EXPECT_GT(legs, 20);
  EXPECT_LT(legs, 200);
}

TEST(Targets, DrawnLoiterersStayOnTheirGround) {
  Scenario s = test::small_world().scenario;
  s.target_classes = {target_class("fishers", 0.1, Placement::Kind::kAreas, TargetMotion::kLoiter, 4.0,
                                   exponential(20.0), 0.5)};
  s.target_classes[0].loiter_radius_nm = 6.0;
  const Geography& geo = test::small_world().geography;
  const TargetSetup setup(s, geo);
  const std::vector<Target> targets = draw_targets(setup, {4, 0, 0});
  ASSERT_GT(targets.size(), 100u);
  for (const Target& t : targets) {
    EXPECT_EQ(t.track.back().time_h, t.leave_h);
    for (const TrackPoint& p : t.track) {
      EXPECT_LE(ground_distance_nm(t.track.front().position, p.position), 6.0 + 1e-9);
      EXPECT_FALSE(geo.is_land(p.position));
    }
    // track_position interpolates between waypoints.
    if (t.track.size() > 2) {
      const GeoPoint mid = track_position(t.track, t.track[1].time_h + 0.5 * (t.track[2].time_h - t.track[1].time_h));
      EXPECT_NEAR(mid.lon_deg, 0.5 * (t.track[1].position.lon_deg + t.track[2].position.lon_deg), 1e-12);
      EXPECT_NEAR(mid.lat_deg, 0.5 * (t.track[1].position.lat_deg + t.track[2].position.lat_deg), 1e-12);
    }
  }
  EXPECT_GE(latest_leave_h(targets), targets.back().leave_h);
}

}  // namespace
}  // namespace mdasim

// Detection of targets by fixed sensors against hand formulas in the flat frame (a straight
// course past a radar at lateral offset d is seen when it crosses the range circle,
// t = (x0 - sqrt(R^2 - d^2)) / V), outages and AIS, the alert's delays, a brute-force check by
// time stepping, the flat frame against the geodesic, and the measures on hand-made records.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/geodesy.hpp"
#include "model/fixed_sensors.hpp"
#include "model/target_detection.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

FixedSensor sensor(std::string name, FixedSensorKind kind, GeoPoint at, double range_nm, int state = 0,
                   double reporting_delay_h = 0.0) {
  FixedSensor s;
  s.name = std::move(name);
  s.kind = kind;
  s.position = at;
  s.antenna_height_m = 400.0;  // horizon for a 2 m target 47.6 nm: the instrumented range binds
  s.range_nm = range_nm;
  s.state = state == 0 ? "MY" : "ID";
  s.state_index = state;
  s.reporting_delay_h = reporting_delay_h;
  return s;
}

FixedSensor radar(GeoPoint at, double range_nm, int state = 0, double delay_h = 0.0) {
  return sensor("radar", FixedSensorKind::kCoastalRadar, at, range_nm, state, delay_h);
}

Scenario with_sensors(std::vector<FixedSensor> sensors) {
  Scenario s = test::small_world().scenario;
  TargetClass c;
  c.name = "dark";
  c.rate_per_h = 0.1;
  c.speed_kt = 10.0;
  c.search_object = "small-craft";
  c.search_object_index = 0;
  s.target_classes = {c};
  s.fixed_sensors = std::move(sensors);
  return s;
}

// An east-bound course d nm north of `centre` (in centre's flat frame), from x = -x0 to +x0 at
// v kt, starting at t0, in `pieces` equal segments.
std::vector<TrackPoint> crossing(const GeoPoint& centre, double d_nm, double x0_nm, double v_kt, double t0_h,
                                 int pieces = 1) {
  const LocalFrame f(centre);
  std::vector<TrackPoint> track;
  for (int i = 0; i <= pieces; ++i) {
    const double x = -x0_nm + 2.0 * x0_nm * i / pieces;
    track.push_back({{centre.lon_deg + x / f.nm_per_deg_lon, centre.lat_deg + d_nm / f.nm_per_deg_lat},
                     t0_h + (x + x0_nm) / v_kt});
  }
  return track;
}

const UpPeriods kAlwaysUp{{0.0, 1e9}};
const AlertRouting kNoRouting{};

TEST(TargetDetection, FlatFrameScalesAreTheLocalGeodesicScales) {
  for (const double lat : {0.0, 10.0, 25.0}) {
    const LocalFrame f({102.0, lat});
    EXPECT_NEAR(geodesic_nm({102.0, lat}, {102.001, lat}) / 0.001, f.nm_per_deg_lon, 1e-4);
    EXPECT_NEAR(geodesic_nm({102.0, lat - 0.0005}, {102.0, lat + 0.0005}) / 0.001, f.nm_per_deg_lat, 1e-4);
  }
  // WGS84 at the equator: 60.108 nm a degree of longitude, 59.705 of latitude.
  const LocalFrame eq({0.0, 0.0});
  EXPECT_NEAR(eq.nm_per_deg_lon, 6378137.0 * std::numbers::pi / 180.0 / 1852.0, 1e-9);
  EXPECT_NEAR(eq.nm_per_deg_lat, 59.7053, 1e-4);
}

TEST(TargetDetection, FlatFrameErrorIsSmallWithinSensorRanges) {
  // The bounds stated in target_detection.hpp: the error grows with the square of the distance
  // and with the latitude (about tan(lat) d^2 / 17,900 nm): at 60 nm, 0.036 nm up to 10 degrees
  // and 0.094 nm up to 25; at 20 nm a ninth of that. Checked in 5-degree azimuth steps.
  struct Case {
    double max_lat, range, bound;
  };
  for (const Case c : {Case{10.0, 20.0, 0.0040}, Case{10.0, 60.0, 0.036}, Case{25.0, 20.0, 0.0105},
                       Case{25.0, 60.0, 0.095}}) {
    double worst = 0.0;
    for (double lat = -c.max_lat; lat <= c.max_lat; lat += 5.0) {
      const GeoPoint s{110.0, lat};
      const LocalFrame f(s);
      for (double az = 0.0; az < 360.0; az += 5.0) {
        const GeoPoint p = geodesic_destination(s, az, c.range);
        worst = std::max(worst, std::abs(std::hypot(f.x_nm(p), f.y_nm(p)) - c.range));
      }
    }
    EXPECT_LT(worst, c.bound) << "at " << c.range << " nm up to " << c.max_lat << " degrees";
    EXPECT_GT(worst, 0.5 * c.bound) << "the bound is not tight";
  }
}

TEST(TargetDetection, InRangeIntervalIsTheChordOfTheCircle) {
  const GeoPoint c{102.0, 2.0};
  const LocalFrame f(c);
  // d = 8, R = 20: half chord sqrt(400 - 64) = 18.3303; from x = -40 at 10 kt, t0 = 5.
  const std::vector<TrackPoint> track = crossing(c, 8.0, 40.0, 10.0, 5.0);
  const auto iv = in_range_interval(f, 20.0, track[0], track[1]);
  ASSERT_TRUE(iv.has_value());
  EXPECT_NEAR(iv->start_h, 5.0 + (40.0 - std::sqrt(336.0)) / 10.0, 1e-9);  // 7.16697
  EXPECT_NEAR(iv->end_h, 5.0 + (40.0 + std::sqrt(336.0)) / 10.0, 1e-9);    // 10.83303
  EXPECT_FALSE(in_range_interval(f, 7.9, track[0], track[1]).has_value());
  // A segment wholly inside, one starting inside, a stationary point inside and outside.
  const std::vector<TrackPoint> short_track = crossing(c, 0.0, 5.0, 10.0, 0.0);
  const auto inside = in_range_interval(f, 20.0, short_track[0], short_track[1]);
  ASSERT_TRUE(inside.has_value());
  EXPECT_DOUBLE_EQ(inside->start_h, 0.0);
  EXPECT_DOUBLE_EQ(inside->end_h, 1.0);
  const auto leaving = in_range_interval(f, 20.0, TrackPoint{c, 2.0}, TrackPoint{{c.lon_deg + 40.0 / f.nm_per_deg_lon, 2.0}, 6.0});
  ASSERT_TRUE(leaving.has_value());
  EXPECT_DOUBLE_EQ(leaving->start_h, 2.0);
  EXPECT_NEAR(leaving->end_h, 4.0, 1e-9);
  EXPECT_TRUE(in_range_interval(f, 20.0, TrackPoint{c, 1.0}, TrackPoint{c, 3.0}).has_value());
  const GeoPoint far{103.0, 2.0};
  EXPECT_FALSE(in_range_interval(f, 20.0, TrackPoint{far, 1.0}, TrackPoint{far, 3.0}).has_value());
}

TEST(TargetDetection, RadarSeesACourseWhenItCrossesTheRangeCircle) {
  const GeoPoint c{102.0, 2.0};
  const Scenario s = with_sensors({radar(c, 20.0)});
  const FixedDetectionSetup setup(s);
  ASSERT_EQ(setup.sensors().size(), 1u);
  EXPECT_DOUBLE_EQ(setup.range_nm(0, 0), 20.0);
  const std::vector<UpPeriods> up{kAlwaysUp};
  for (const int pieces : {1, 3, 8}) {
    // x0 = 40, d = 8, V = 10: t = 5 + (40 - sqrt(336)) / 10 = 7.16697.
    const std::vector<TrackPoint> track = crossing(c, 8.0, 40.0, 10.0, 5.0, pieces);
    const FixedDetection det = first_fixed_detection(track, false, 0, setup, up, kNoRouting);
    ASSERT_TRUE(det.detected) << pieces;
    EXPECT_NEAR(det.detected_h, 7.16697, 1e-5);
    EXPECT_EQ(det.sensor_index, 0);
    // The detection point is on the range circle: by the geodesic too, within the frame's error.
    EXPECT_NEAR(geodesic_nm(c, det.position), 20.0, 0.01);
    EXPECT_EQ(det.responsible_state, kNoIndex);
    EXPECT_DOUBLE_EQ(det.alert_h, det.detected_h);
  }
  // d = 19.9 < R: seen (half chord 1.997); d = 21 > R: never.
  const FixedDetection close = first_fixed_detection(crossing(c, 19.9, 40.0, 10.0, 0.0), false, 0, setup, up, kNoRouting);
  ASSERT_TRUE(close.detected);
  EXPECT_NEAR(close.detected_h, (40.0 - std::sqrt(400.0 - 19.9 * 19.9)) / 10.0, 1e-9);
  const FixedDetection wide = first_fixed_detection(crossing(c, 21.0, 40.0, 10.0, 0.0, 4), false, 0, setup, up, kNoRouting);
  EXPECT_FALSE(wide.detected);
  EXPECT_TRUE(std::isnan(wide.detected_h));
  EXPECT_TRUE(std::isnan(wide.alert_h));
  EXPECT_EQ(wide.sensor_index, kNoIndex);
  // A target appearing inside the range is seen at once; one that never moves, too.
  const FixedDetection at_once = first_fixed_detection(crossing(c, 0.0, 10.0, 10.0, 3.0), false, 0, setup, up, kNoRouting);
  EXPECT_DOUBLE_EQ(at_once.detected_h, 3.0);
  const std::vector<TrackPoint> still{{{102.1, 2.1}, 4.0}};
  EXPECT_DOUBLE_EQ(first_fixed_detection(still, false, 0, setup, up, kNoRouting).detected_h, 4.0);
}

TEST(TargetDetection, NoDetectionWhileTheRadarIsDown) {
  const GeoPoint c{102.0, 2.0};
  const Scenario s = with_sensors({radar(c, 20.0)});
  const FixedDetectionSetup setup(s);
  // In range over [7.16697, 10.83303].
  const std::vector<TrackPoint> track = crossing(c, 8.0, 40.0, 10.0, 5.0, 2);
  auto detect = [&](UpPeriods up) {
    const std::vector<UpPeriods> all{std::move(up)};
    return first_fixed_detection(track, false, 0, setup, all, kNoRouting);
  };
  // Down over the whole passage.
  EXPECT_FALSE(detect({{0.0, 7.0}, {11.0, 100.0}}).detected);
  EXPECT_FALSE(detect({}).detected);
  // Comes up while the target is in range: seen at that moment.
  EXPECT_DOUBLE_EQ(detect({{0.0, 7.0}, {9.5, 100.0}}).detected_h, 9.5);
  // Goes down just before the target arrives, up again briefly later.
  EXPECT_DOUBLE_EQ(detect({{0.0, 7.16}, {10.0, 10.5}}).detected_h, 10.0);
  // Up only after the target has left the circle.
  EXPECT_FALSE(detect({{10.9, 100.0}}).detected);
  // Up from 2 h: seen at the crossing.
  EXPECT_NEAR(detect({{2.0, 100.0}}).detected_h, 7.16697, 1e-5);
}

TEST(TargetDetection, AisReceiversSeeOnlyTargetsWithAisOn) {
  const GeoPoint c{102.0, 2.0};
  const Scenario s = with_sensors({sensor("ais", FixedSensorKind::kAisReceiver, c, 20.0)});
  const FixedDetectionSetup setup(s);
  EXPECT_DOUBLE_EQ(setup.range_nm(0, 0), 20.0);  // its stated range, no horizon
  const std::vector<UpPeriods> up{kAlwaysUp};
  const std::vector<TrackPoint> track = crossing(c, 8.0, 40.0, 10.0, 5.0);
  EXPECT_FALSE(first_fixed_detection(track, false, 0, setup, up, kNoRouting).detected);
  const FixedDetection on = first_fixed_detection(track, true, 0, setup, up, kNoRouting);
  ASSERT_TRUE(on.detected);
  EXPECT_NEAR(on.detected_h, 7.16697, 1e-5);
  // A radar sees AIS-on and AIS-off targets alike.
  const Scenario r = with_sensors({radar(c, 20.0)});
  const FixedDetectionSetup radar_setup(r);
  EXPECT_TRUE(first_fixed_detection(track, true, 0, radar_setup, up, kNoRouting).detected);
  EXPECT_TRUE(first_fixed_detection(track, false, 0, radar_setup, up, kNoRouting).detected);
}

TEST(TargetDetection, TheEarliestSensorCountsAndRangesFollowTheTargetHeight) {
  // Radar A at (102, 2), radar B 30 nm east of it; the course runs west to east, 8 nm north of
  // A, from x = -40 to +80 nm. B's range 25 nm, A's 20: A sees it at 7.16697; if A is down
  // until 9, B (x_B = 30, half chord sqrt(625 - 64) = 23.685) at 5 + (40 + 30 - 23.685) / 10 =
  // 9.6315 comes after A's 9.0.
  const GeoPoint a{102.0, 2.0};
  const LocalFrame fa(a);
  const GeoPoint b{102.0 + 30.0 / fa.nm_per_deg_lon, 2.0};
  Scenario s = with_sensors({radar(a, 20.0), radar(b, 25.0)});
  const FixedDetectionSetup setup(s);
  std::vector<TrackPoint> track = crossing(a, 8.0, 40.0, 10.0, 5.0, 2);
  track.push_back({{a.lon_deg + 80.0 / fa.nm_per_deg_lon, track.back().position.lat_deg}, 17.0});
  const std::vector<UpPeriods> both{kAlwaysUp, kAlwaysUp};
  FixedDetection det = first_fixed_detection(track, false, 0, setup, both, kNoRouting);
  EXPECT_EQ(det.sensor_index, 0);
  EXPECT_NEAR(det.detected_h, 7.16697, 1e-5);
  const std::vector<UpPeriods> a_late{{{9.0, 100.0}}, kAlwaysUp};
  det = first_fixed_detection(track, false, 0, setup, a_late, kNoRouting);
  EXPECT_EQ(det.sensor_index, 0);
  EXPECT_DOUBLE_EQ(det.detected_h, 9.0);
  const std::vector<UpPeriods> a_later{{{9.7, 100.0}}, kAlwaysUp};
  det = first_fixed_detection(track, false, 0, setup, a_later, kNoRouting);
  EXPECT_EQ(det.sensor_index, 1);
  // B in B's frame: 30 nm in A's frame is 30 nm in B's to 1e-6 on the equator's latitude band.
  EXPECT_NEAR(det.detected_h, 5.0 + (70.0 - std::sqrt(625.0 - 64.0)) / 10.0, 1e-4);
  const std::vector<UpPeriods> a_never{{}, kAlwaysUp};
  EXPECT_EQ(first_fixed_detection(track, false, 0, setup, a_never, kNoRouting).sensor_index, 1);

  // Ranges per class: a radar 25 m up, capped at 40 nm, sees a 2 m craft at 4.12 (5 + sqrt 2) km =
  // 14.2692 nm and a 25 m ship at 4.12 x 10 km = 22.2462 nm; a class without a search object is
  // taken as 2 m.
  s.search_objects.push_back(SearchObject{"ship", 25.0, {}, {}});
  s.fixed_sensors = {radar(a, 40.0)};
  s.fixed_sensors[0].antenna_height_m = 25.0;
  s.target_classes.push_back(s.target_classes[0]);
  s.target_classes[1].search_object_index = 1;
  s.target_classes.push_back(s.target_classes[0]);
  s.target_classes[2].search_object_index = kNoIndex;
  const FixedDetectionSetup heights(s);
  EXPECT_NEAR(heights.range_nm(0, 0), 14.2692, 1e-4);
  EXPECT_NEAR(heights.range_nm(1, 0), 22.2462, 1e-4);
  EXPECT_NEAR(heights.range_nm(2, 0), 14.2692, 1e-4);
  // d = 18: the ship is seen, the craft not.
  const std::vector<TrackPoint> passing = crossing(a, 18.0, 40.0, 10.0, 0.0);
  const std::vector<UpPeriods> one{kAlwaysUp};
  EXPECT_FALSE(first_fixed_detection(passing, false, 0, heights, one, kNoRouting).detected);
  const FixedDetection ship = first_fixed_detection(passing, false, 1, heights, one, kNoRouting);
  ASSERT_TRUE(ship.detected);
  EXPECT_NEAR(ship.detected_h, (40.0 - std::sqrt(22.2462 * 22.2462 - 324.0)) / 10.0, 1e-4);
}

TEST(TargetDetection, AlertIsDetectionPlusReportingAndSharingDelays) {
  const SarSetup sar(test::small_world().scenario, test::small_world().geography);
  const AlertRouting routing = alert_routing(sar);
  // West radar (MY, reporting 15 min) at 101.7: the course crosses its circle at about 101.4,
  // in MY's area: no sharing. East-side radar of MY at 102.6: detection at about 102.3, in ID's
  // area (East SRR from 102): sharing MY -> ID, the policy's default 2 h.
  for (const double lon : {101.7, 102.6}) {
    const GeoPoint c{lon, 2.0};
    const Scenario s = with_sensors({radar(c, 20.0, 0, 0.25)});
    const FixedDetectionSetup setup(s);
    const std::vector<UpPeriods> up{kAlwaysUp};
    const FixedDetection det = first_fixed_detection(crossing(c, 8.0, 40.0, 10.0, 5.0), false, 0, setup, up, routing);
    ASSERT_TRUE(det.detected);
    EXPECT_NEAR(det.detected_h, 7.16697, 1e-5);
    const bool east = lon > 102.0;
    EXPECT_EQ(det.responsible_state, east ? 1 : 0);
    EXPECT_NEAR(det.position.lon_deg, lon - std::sqrt(336.0) / LocalFrame(c).nm_per_deg_lon, 1e-9);
    EXPECT_NEAR(det.alert_h, det.detected_h + 0.25 + (east ? 2.0 : 0.0), 1e-12);
  }
  // A routing by hand: always state 1, 3.5 h from state 0 to 1.
  const AlertRouting by_hand{[](const GeoPoint&) { return 1; }, [](int from, int to) { return from == 0 && to == 1 ? 3.5 : 0.0; }};
  const GeoPoint c{102.0, 2.0};
  const Scenario s = with_sensors({radar(c, 20.0, 0, 0.5)});
  const FixedDetectionSetup setup(s);
  const std::vector<UpPeriods> up{kAlwaysUp};
  const FixedDetection det = first_fixed_detection(crossing(c, 8.0, 40.0, 10.0, 5.0), false, 0, setup, up, by_hand);
  EXPECT_NEAR(det.alert_h, 7.16697 + 0.5 + 3.5, 1e-5);
  // The record carries it all.
  Target t;
  t.class_index = 0;
  t.appear_h = 5.0;
  t.leave_h = 13.0;
  t.ais_on = true;
  t.track = crossing(c, 8.0, 40.0, 10.0, 5.0);
  const TargetRecord r = target_record(t, first_fixed_detection(t, setup, up, by_hand));
  EXPECT_TRUE(r.detected);
  EXPECT_TRUE(r.ais_on);
  EXPECT_EQ(r.responsible_state, 1);
  EXPECT_NEAR(r.time_to_detect_h(), 2.16697, 1e-5);
  EXPECT_NEAR(r.time_to_alert_h(), 6.16697, 1e-5);
}

TEST(TargetDetection, AgreesWithTimeSteppingOnRandomTracks) {
  // Random polylines among random sensors with random outages; the first detection found by
  // stepping time in 0.0005 h steps with the flat distance must follow the analytic one within
  // a step, and they must agree on whether there is one.
  RandomStream rng(99, 0, 0, StreamPurpose::kTest);
  auto u = [&](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
  int detected = 0, missed = 0, via_outage = 0;
  for (int k = 0; k < 150; ++k) {
    std::vector<FixedSensor> sensors;
    std::vector<UpPeriods> up;
    for (int j = 0; j < 4; ++j) {
      const bool ais = rng.uniform() < 0.3;
      sensors.push_back(sensor("s" + std::to_string(j), ais ? FixedSensorKind::kAisReceiver : FixedSensorKind::kCoastalRadar,
                               {u(101.0, 103.0), u(1.0, 3.0)}, u(5.0, 30.0)));
      UpPeriods periods;
      for (double t = u(0.0, 3.0); t < 40.0;) {
        const double end = t + u(0.5, 6.0);
        periods.emplace_back(t, end);
        t = end + u(0.5, 4.0);
      }
      up.push_back(std::move(periods));
    }
    const Scenario s = with_sensors(sensors);
    const FixedDetectionSetup setup(s);
    std::vector<LocalFrame> frames;
    for (const FixedSensor& f : sensors) frames.emplace_back(f.position);
    std::vector<TrackPoint> track{{{u(100.8, 103.2), u(0.8, 3.2)}, u(0.0, 5.0)}};
    for (int w = 0; w < 5; ++w) {
      const GeoPoint& q = track.back().position;
      const GeoPoint p{q.lon_deg + u(-0.5, 0.5), q.lat_deg + u(-0.5, 0.5)};
      track.push_back({p, track.back().time_h + geodesic_nm(track.back().position, p) / 12.0});
    }
    const bool ais_on = rng.uniform() < 0.5;
    const FixedDetection det = first_fixed_detection(track, ais_on, 0, setup, up, kNoRouting);
    double stepped = kInf;
    int stepped_sensor = kNoIndex;
    const double dt = 0.0005;
    for (double t = track.front().time_h; t <= track.back().time_h && stepped == kInf; t += dt) {
      const GeoPoint p = track_position(track, t);
      for (std::size_t j = 0; j < sensors.size(); ++j) {
        if (sensors[j].kind == FixedSensorKind::kAisReceiver && !ais_on) continue;
        const bool is_up = std::any_of(up[j].begin(), up[j].end(), [&](const auto& q) { return q.first <= t && t < q.second; });
        const LocalFrame& f = frames[j];
        if (is_up && std::hypot(f.x_nm(p), f.y_nm(p)) <= sensors[j].range_nm) {
          stepped = t;
          stepped_sensor = static_cast<int>(j);
          break;
        }
      }
    }
    ASSERT_EQ(det.detected, stepped < kInf) << "case " << k << ": stepped " << stepped << ", analytic " << det.detected_h;
    if (!det.detected) {
      ++missed;
      continue;
    }
    ++detected;
    EXPECT_GE(stepped, det.detected_h - 1e-9) << "case " << k;
    EXPECT_LE(stepped, det.detected_h + dt + 1e-9) << "case " << k;
    if (stepped - det.detected_h < dt / 2) {
      EXPECT_EQ(det.sensor_index, stepped_sensor) << "case " << k;
    }
    const UpPeriods& periods = up[static_cast<std::size_t>(det.sensor_index)];
    via_outage += std::any_of(periods.begin(), periods.end(), [&](const auto& q) { return q.first == det.detected_h; });
  }
  // The cases exercise both outcomes and detections at a sensor's coming up.
  EXPECT_GT(detected, 30);
  EXPECT_GT(missed, 10);
  EXPECT_GT(via_outage, 3);
}

TEST(TargetDetection, MeasuresOnHandMadeRecords) {
  auto rec = [](int cls, double appear, double detected, double alert) {
    TargetRecord r;
    r.class_index = cls;
    r.appear_h = appear;
    r.leave_h = appear + 50.0;
    r.detected = !std::isnan(detected);
    r.detected_h = detected;
    r.alert_h = alert;
    return r;
  };
  const double never = TargetRecord::kNever;
  const std::vector<TargetRecord> records{
      rec(0, 5.0, 6.0, 7.0),       // before the window [10, 100)
      rec(0, 20.0, 22.0, 23.0),    // detect 2, alert 3
      rec(0, 30.0, 36.0, 40.0),    // detect 6, alert 10
      rec(0, 50.0, never, never),  // never seen
      rec(0, 60.0, 61.0, 61.5),    // detect 1, alert 1.5
      rec(1, 40.0, 80.0, 81.0),    // detect 40, alert 41
      rec(0, 100.0, 101.0, 102.0), // at the window's end: out
  };
  const TargetClassMetrics m0 = target_metrics(records, 0, 10.0, 100.0);
  EXPECT_EQ(m0.targets, 4.0);
  EXPECT_DOUBLE_EQ(m0.detected_fraction, 0.75);
  EXPECT_DOUBLE_EQ(m0.detect_mean_h, 3.0);
  EXPECT_DOUBLE_EQ(m0.detect_median_h, 2.0);
  EXPECT_DOUBLE_EQ(m0.alert_mean_h, 14.5 / 3.0);
  const TargetClassMetrics all = target_metrics(records, kNoIndex, 10.0, 100.0);
  EXPECT_EQ(all.targets, 5.0);
  EXPECT_DOUBLE_EQ(all.detected_fraction, 0.8);
  EXPECT_DOUBLE_EQ(all.detect_mean_h, 12.25);
  EXPECT_DOUBLE_EQ(all.detect_median_h, 4.0);  // of 1, 2, 6, 40
  EXPECT_DOUBLE_EQ(all.alert_mean_h, 13.875);
  const TargetClassMetrics none = target_metrics(records, 2, 10.0, 100.0);
  EXPECT_EQ(none.targets, 0.0);
  EXPECT_TRUE(std::isnan(none.detected_fraction));
  EXPECT_TRUE(std::isnan(none.detect_mean_h));
  EXPECT_TRUE(std::isnan(none.detect_median_h));
  EXPECT_TRUE(std::isnan(none.alert_mean_h));
  const std::vector<TargetRecord> unseen{rec(0, 20.0, never, never)};
  const TargetClassMetrics blind = target_metrics(unseen, 0, 10.0, 100.0);
  EXPECT_EQ(blind.targets, 1.0);
  EXPECT_EQ(blind.detected_fraction, 0.0);
  EXPECT_TRUE(std::isnan(blind.detect_mean_h));
  EXPECT_TRUE(std::isnan(blind.alert_mean_h));
}

}  // namespace
}  // namespace mdasim

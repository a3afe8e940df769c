// Detection of a moving target by a moving sensor against hand formulas in the flat frame: a long
// straight inverse-cube pass at lateral range x gives the hazard W^2 / (4 pi x^2) L / sqrt(L^2 +
// x^2) (half-length L; W^2 / (4 pi x^2) as L -> inf) and the lateral-range curve whose integral is
// W; a range cap counts only the chord; only the relative motion counts; the definite-range entry
// t = (L - sqrt(R^2 - d^2)) / V; the hazard's crossing of a threshold, through the sensor too;
// constant range; no common existence; and random tracks against quadrature and time stepping.
#include "model/mobile_detection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "core/random_stream.hpp"
#include "model/detection.hpp"
#include "model/target_detection.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPi = std::numbers::pi;

// The point x_nm east and y_nm north of the frame's origin.
GeoPoint at(const LocalFrame& f, double x_nm, double y_nm) {
  return {f.origin.lon_deg + x_nm / f.nm_per_deg_lon, f.origin.lat_deg + y_nm / f.nm_per_deg_lat};
}

MobileSensorLaw inverse_cube(double w_nm, double v_kt, double max_range_nm = kInf) {
  MobileSensorLaw law;
  law.law = DetectionModel::kInverseCube;
  law.sweep_width_nm = w_nm;
  law.speed_kt = v_kt;
  law.max_range_nm = max_range_nm;
  return law;
}

// W^2 / (4 pi x^2): the hazard of an infinite straight pass at lateral range x.
double infinite_pass_hazard(double w_nm, double x_nm) { return w_nm * w_nm / (4.0 * kPi * x_nm * x_nm); }

// The position on a track at time t (clamped to its ends).
GeoPoint position_at(std::span<const TrackPoint> track, double t_h) {
  if (t_h <= track.front().time_h) return track.front().position;
  for (std::size_t i = 1; i < track.size(); ++i) {
    const TrackPoint& a = track[i - 1];
    const TrackPoint& b = track[i];
    if (t_h <= b.time_h) {
      const double f = b.time_h > a.time_h ? (t_h - a.time_h) / (b.time_h - a.time_h) : 1.0;
      return {a.position.lon_deg + f * (b.position.lon_deg - a.position.lon_deg),
              a.position.lat_deg + f * (b.position.lat_deg - a.position.lat_deg)};
    }
  }
  return track.back().position;
}

// The two tracks' common breakpoints within their common existence, ascending; none if they
// share no interval of time.
std::vector<double> common_breakpoints(std::span<const TrackPoint> s, std::span<const TrackPoint> t) {
  const double lo = std::max(s.front().time_h, t.front().time_h);
  const double hi = std::min(s.back().time_h, t.back().time_h);
  if (!(lo < hi)) return {};
  std::vector<double> out{lo, hi};
  for (const TrackPoint& p : s) {
    if (p.time_h > lo && p.time_h < hi) out.push_back(p.time_h);
  }
  for (const TrackPoint& p : t) {
    if (p.time_h > lo && p.time_h < hi) out.push_back(p.time_h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The range (nm) at time t in the frame the model prescribes: at the sensor's position in the
// middle of the common piece [t0, t1] holding t.
double range_in_piece_frame(std::span<const TrackPoint> s, std::span<const TrackPoint> t, double t0_h, double t1_h,
                            double t_h) {
  const LocalFrame f(position_at(s, 0.5 * (t0_h + t1_h)));
  const GeoPoint ps = position_at(s, t_h);
  const GeoPoint pt = position_at(t, t_h);
  return std::hypot(f.x_nm(pt) - f.x_nm(ps), f.y_nm(pt) - f.y_nm(ps));
}

// A sensor flying east along the frame's x axis from x = -L to +L at V kt from t = 0, in
// `pieces` collinear legs.
std::vector<TrackPoint> straight_pass(const LocalFrame& f, double half_length_nm, double v_kt, int pieces = 1) {
  std::vector<TrackPoint> track;
  for (int i = 0; i <= pieces; ++i) {
    const double x = -half_length_nm + 2.0 * half_length_nm * i / pieces;
    track.push_back({at(f, x, 0.0), (x + half_length_nm) / v_kt});
  }
  return track;
}

TEST(MobileDetection, StraightPassGivesTheInverseCubeLateralRangeCurve) {
  // A sensor crosses from x = -300 to +300 nm at 150 kt on the equator (4 h); the target stays
  // x nm north of the middle. W = 5: W^2 / (4 pi) = 1.98944 nm^2, and the pass's hazard is
  // 1.98944 / x^2 * 300 / sqrt(300^2 + x^2) (the finite pass), 1.98944 / x^2 for an infinite
  // one: POD 0.863228 / 0.198322 / 0.0196978 at x = 1 / 3 / 10, the finite pass short of it by
  // 1.5e-6 / 8.9e-6 / 1.1e-5.
  const LocalFrame f({102.0, 0.0});
  const double w = 5.0;
  const double length = 300.0;
  const MobileSensorLaw law = inverse_cube(w, 150.0);
  EXPECT_NEAR(law.inverse_cube_k_nm3_per_h(), 25.0 * 150.0 / (8.0 * kPi), 1e-12);  // 149.208
  const std::vector<TrackPoint> sensor = straight_pass(f, length, 150.0);
  struct Case {
    double x_nm, pod;
  };
  for (const Case c : {Case{1.0, 0.863228}, Case{3.0, 0.198322}, Case{10.0, 0.0196978}}) {
    const auto target = stationary_track(at(f, 0.0, c.x_nm), -1.0, 10.0);
    const double hazard = inverse_cube_hazard(sensor, target, law, -kInf, kInf);
    const double finite = infinite_pass_hazard(w, c.x_nm) * length / std::hypot(length, c.x_nm);
    EXPECT_NEAR(hazard, finite, 1e-12 * finite) << c.x_nm;
    EXPECT_NEAR(1.0 - std::exp(-hazard), 1.0 - std::exp(-infinite_pass_hazard(w, c.x_nm)), 1e-4) << c.x_nm;
    EXPECT_NEAR(1.0 - std::exp(-hazard), c.pod, 2e-5) << c.x_nm;
    EXPECT_NEAR(1.0 - std::exp(-hazard), lateral_range_pod(DetectionModel::kInverseCube, w, c.x_nm), 1e-4) << c.x_nm;
    // South of the track the same; clipped to the sensor's first half, half of it.
    const auto south = stationary_track(at(f, 0.0, -c.x_nm), -1.0, 10.0);
    EXPECT_NEAR(inverse_cube_hazard(sensor, south, law, 0.0, 4.0), finite, 1e-12 * finite);
    EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, -5.0, 2.0), 0.5 * finite, 1e-12 * finite);
  }
  // The lateral-range curve's integral is the sweep width (to 1%): midpoint sums over x in
  // (0, 3000) nm, both sides. The finite pass and the cut at 3000 nm take 0.27% off.
  double sum = 0.0;
  auto add = [&](double lo, double hi, int n) {
    const double h = (hi - lo) / n;
    for (int i = 0; i < n; ++i) {
      const double x = lo + (i + 0.5) * h;
      const auto target = stationary_track(at(f, 0.0, x), 0.0, 4.0);
      sum += 2.0 * (1.0 - std::exp(-inverse_cube_hazard(sensor, target, law, 0.0, 4.0))) * h;
    }
  };
  add(0.0, 10.0, 2000);
  add(10.0, 100.0, 1800);
  add(100.0, 3000.0, 2900);
  EXPECT_NEAR(sum, w, 0.01 * w);
  EXPECT_NEAR(sum, 4.98672, 1e-4);
}

TEST(MobileDetection, RangeCapCountsOnlyTheChord) {
  // The same pass with max range R = 4: at x = 5 the target is never within 4 nm: 0. At x = 2
  // the sensor is within 4 nm along a chord of half-length sqrt(16 - 4) = 3.4641 nm, and
  //   hazard = k [t / (x^2 sqrt(x^2 + V^2 t^2))] over |V t| <= 3.4641 = W^2 / (4 pi x^2) * 3.4641 / 4
  //          = 0.497359 * 0.866025 = 0.430726,
  // less than the uncapped pass's 0.497359 (detection.hpp's capped curve keeps that inside R).
  const LocalFrame f({102.0, 0.0});
  const std::vector<TrackPoint> sensor = straight_pass(f, 300.0, 150.0, 3);
  const MobileSensorLaw law = inverse_cube(5.0, 150.0, 4.0);
  const auto far = stationary_track(at(f, 0.0, 5.0), 0.0, 4.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, far, law, -kInf, kInf), 0.0);
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, far, law, 0.0, 1e-6)));
  const auto near = stationary_track(at(f, 0.0, 2.0), 0.0, 4.0);
  const double capped = inverse_cube_hazard(sensor, near, law, -kInf, kInf);
  EXPECT_NEAR(capped, 0.430726, 1e-6);
  EXPECT_NEAR(capped, infinite_pass_hazard(5.0, 2.0) * std::sqrt(12.0) / 4.0, 1e-12);
  // Only the chord counts: the part of the pass before the sensor is within 4 nm adds nothing.
  const double chord_start_h = 2.0 - std::sqrt(12.0) / 150.0;  // 1.976906
  EXPECT_EQ(inverse_cube_hazard(sensor, near, law, 0.0, chord_start_h - 1e-9), 0.0);
  EXPECT_NEAR(inverse_cube_hazard(sensor, near, law, chord_start_h, 2.0), 0.5 * capped, 1e-12);
  // The rate: k / r^3 within R, 0 beyond.
  EXPECT_NEAR(inverse_cube_rate_per_h(law, 3.0), 149.2077591 / 27.0, 1e-7);
  EXPECT_EQ(inverse_cube_rate_per_h(law, 4.5), 0.0);
  EXPECT_EQ(inverse_cube_rate_per_h(law, 0.0), kInf);
}

TEST(MobileDetection, OnlyTheRelativeMotionCounts) {
  // A: the sensor stays at P; the target goes by on a bent course. B: the target stays, the
  // sensor moves the opposite way (one leg, centred on P so that the frame is P's). C: both
  // move, the sensor 200 kt east (its latitude, hence its frame, is P's), the target on A's
  // course carried 200 kt east. The relative tracks are the same in degrees and in the frame.
  const GeoPoint p{102.0, 2.0};
  const LocalFrame f(p);
  const MobileSensorLaw law = inverse_cube(5.0, 150.0);
  const std::vector<TrackPoint> course{{at(f, -40.0, 5.0), 0.0}, {at(f, 0.0, 1.5), 4.0}, {at(f, 30.0, 20.0), 7.0}};
  const auto fixed = stationary_track(p, -1.0, 9.0);

  // A against C (the course's two legs against the sensor's one).
  std::vector<TrackPoint> flying;
  std::vector<TrackPoint> carried;
  for (const double t : {-1.0, 9.0}) flying.push_back({at(f, 200.0 * t, 0.0), t});
  for (const TrackPoint& q : course) {
    carried.push_back({{q.position.lon_deg + 200.0 * q.time_h / f.nm_per_deg_lon, q.position.lat_deg}, q.time_h});
  }
  const double h_a = inverse_cube_hazard(fixed, course, law, -kInf, kInf);
  const double h_c = inverse_cube_hazard(flying, carried, law, -kInf, kInf);
  EXPECT_GT(h_a, 0.1);
  EXPECT_NEAR(h_c, h_a, 1e-9 * h_a);
  EXPECT_NEAR(first_contact_h(flying, carried, 3.0), first_contact_h(fixed, course, 3.0), 1e-9);
  EXPECT_NEAR(hazard_crossing_h(flying, carried, law, 0.0, 0.5 * h_a), hazard_crossing_h(fixed, course, law, 0.0, 0.5 * h_a),
              1e-9);

  // A against B on the first leg: the target from Q0 to Q1 past P over [0, 4]; the sensor from
  // P + D/2 to P - D/2 (D = Q1 - Q0, in degrees), the target at Q0 + D/2.
  const std::span<const TrackPoint> leg(course.data(), 2);
  const double dlon = leg[1].position.lon_deg - leg[0].position.lon_deg;
  const double dlat = leg[1].position.lat_deg - leg[0].position.lat_deg;
  const std::vector<TrackPoint> mirrored{{{p.lon_deg + 0.5 * dlon, p.lat_deg + 0.5 * dlat}, 0.0},
                                         {{p.lon_deg - 0.5 * dlon, p.lat_deg - 0.5 * dlat}, 4.0}};
  const auto still = stationary_track({leg[0].position.lon_deg + 0.5 * dlon, leg[0].position.lat_deg + 0.5 * dlat}, 0.0, 4.0);
  const double h_leg = inverse_cube_hazard(fixed, leg, law, -kInf, kInf);
  EXPECT_GT(h_leg, 0.1);
  EXPECT_NEAR(inverse_cube_hazard(mirrored, still, law, -kInf, kInf), h_leg, 1e-9 * h_leg);
  EXPECT_NEAR(first_contact_h(mirrored, still, 2.0), first_contact_h(fixed, leg, 2.0), 1e-9);
  // By hand: relative to P the leg is p(tau) = (-40 + 40 tau, 5 - 3.5 tau), tau = t / 4;
  // |p|^2 = 4 at 1612.25 tau^2 - 2 * 1617.5 tau + 1621 = 0, tau = (1617.5 - sqrt(2849)) / 1612.25
  // = 0.970150, t = 3.880599 h.
  EXPECT_NEAR(first_contact_h(fixed, leg, 2.0), 4.0 * (1617.5 - std::sqrt(2849.0)) / 1612.25, 1e-9);
}

TEST(MobileDetection, DefiniteRangeContactAtTheDiscsEdge) {
  // A sensor at C, a target on a line 6 nm north of it from x = -30 at t = 0 to x = +30 at
  // t = 6 (10 kt). Radius 10: the half chord is sqrt(100 - 36) = 8, entry at (30 - 8) / 10 = 2.2 h,
  // exit at 3.8 h.
  const GeoPoint c{102.0, 2.0};
  const LocalFrame f(c);
  const auto sensor = stationary_track(c, -10.0, 100.0);
  const std::vector<TrackPoint> target{{at(f, -30.0, 6.0), 0.0}, {at(f, 30.0, 6.0), 6.0}};
  EXPECT_NEAR(first_contact_h(sensor, target, 10.0), 2.2, 1e-9);
  EXPECT_NEAR(first_contact_h(sensor, target, 10.0, -5.0), 2.2, 1e-9);
  EXPECT_DOUBLE_EQ(first_contact_h(sensor, target, 10.0, 3.0), 3.0);  // inside already
  EXPECT_TRUE(std::isnan(first_contact_h(sensor, target, 10.0, 3.9)));  // left
  EXPECT_TRUE(std::isnan(first_contact_h(sensor, target, 5.9)));       // never within 5.9
  EXPECT_NEAR(first_contact_h(sensor, target, 6.000001), 3.0, 1e-3);    // grazing: half chord 0.0035 nm
  // The same through the law: W = 20 (R = 10); W = 30 capped at 10; W = 10 (R = 5): never.
  MobileSensorLaw law;
  law.law = DetectionModel::kDefiniteRange;
  law.sweep_width_nm = 20.0;
  EXPECT_NEAR(detection_time_h(sensor, target, law, -kInf, 0.0), 2.2, 1e-9);
  law.sweep_width_nm = 30.0;
  law.max_range_nm = 10.0;
  EXPECT_DOUBLE_EQ(law.definite_range_nm(), 10.0);
  EXPECT_NEAR(detection_time_h(sensor, target, law, 0.0, 0.0), 2.2, 1e-9);
  law.max_range_nm = kInf;
  law.sweep_width_nm = 10.0;
  EXPECT_TRUE(std::isnan(detection_time_h(sensor, target, law, 0.0, 0.0)));
  law.sweep_width_nm = 0.0;
  EXPECT_TRUE(std::isnan(detection_time_h(sensor, target, law, 0.0, 0.0)));
  // A sensor on station only from 3 h sees it at once; one gone at 2 h never.
  EXPECT_DOUBLE_EQ(first_contact_h(stationary_track(c, 3.0, 5.0), target, 10.0), 3.0);
  EXPECT_TRUE(std::isnan(first_contact_h(stationary_track(c, 0.0, 2.0), target, 10.0)));
  // A target appearing inside the disc at 1 h: at once. A one-point sensor (an instant at 3 h).
  const std::vector<TrackPoint> inside{{at(f, 0.0, 6.0), 1.0}, {at(f, 30.0, 6.0), 4.0}};
  EXPECT_DOUBLE_EQ(first_contact_h(sensor, inside, 10.0), 1.0);
  const std::vector<TrackPoint> instant{{c, 3.0}};
  EXPECT_DOUBLE_EQ(first_contact_h(instant, target, 10.0), 3.0);
  EXPECT_TRUE(std::isnan(first_contact_h(instant, target, 10.0, 3.5)));
  // The pieces of a broken track change nothing. A moving sensor overtaking a target on the
  // frame's x axis: the sensor from x = -50 at 20 kt, the target from x = -30 at 10 kt: the gap
  // of 20 nm closes at 10 kt to 10 nm at t = 1.
  std::vector<TrackPoint> broken;
  for (int i = 0; i <= 6; ++i) broken.push_back({at(f, -30.0 + 10.0 * i, 6.0), i * 1.0});
  EXPECT_NEAR(first_contact_h(sensor, broken, 10.0), 2.2, 1e-9);
  const std::vector<TrackPoint> chaser{{at(f, -50.0, 0.0), 0.0}, {at(f, 70.0, 0.0), 6.0}};
  const std::vector<TrackPoint> chased{{at(f, -30.0, 0.0), 0.0}, {at(f, 30.0, 0.0), 6.0}};
  EXPECT_NEAR(first_contact_h(chaser, chased, 10.0), 1.0, 1e-9);
}

TEST(MobileDetection, HazardCrossingReachesTheNeededHazard) {
  const LocalFrame f({102.0, 0.0});
  const MobileSensorLaw law = inverse_cube(5.0, 150.0);
  const std::vector<TrackPoint> sensor = straight_pass(f, 300.0, 150.0);
  const auto target = stationary_track(at(f, 0.0, 3.0), 0.0, 4.0);
  // x = 3: H(0, t) = W^2 / (8 pi x^2) (L / sqrt(L^2 + x^2) + V u / sqrt(x^2 + V^2 u^2)), u = t - 2,
  // W^2 / (8 pi 9) = 0.110524; H = 0.1 at V u = x g / sqrt(1 - g^2), g = 0.1 / 0.110524 - 0.99995
  // = -0.0951694: u = -0.00191211 h, t = 1.99808789. The total is 0.221037.
  const double t1 = hazard_crossing_h(sensor, target, law, 0.0, 0.1);
  EXPECT_NEAR(t1, 1.9980878943869544, 1e-9);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 0.0, t1), 0.1, 1e-9);
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, target, law, 0.0, 0.222)));
  EXPECT_FALSE(std::isnan(hazard_crossing_h(sensor, target, law, 0.0, 0.221)));
  // From the middle of the pass; with the pass broken into pieces and a range cap; the law's
  // dispatch.
  const double t2 = hazard_crossing_h(sensor, target, law, 2.0, 0.05);
  EXPECT_GT(t2, 2.0);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 2.0, t2), 0.05, 1e-9);
  const std::vector<TrackPoint> broken = straight_pass(f, 300.0, 150.0, 7);
  const MobileSensorLaw capped = inverse_cube(5.0, 150.0, 4.0);
  // Capped at 4 nm the total from 0.5 is W^2 / (4 pi 9) sqrt(16 - 9) / 4 = 0.146210.
  EXPECT_NEAR(inverse_cube_hazard(broken, target, capped, 0.5, 4.0), 0.14620986, 1e-8);
  for (const double needed : {0.01, 0.05, 0.1, 0.146}) {
    const double t = hazard_crossing_h(broken, target, capped, 0.5, needed);
    ASSERT_FALSE(std::isnan(t)) << needed;
    EXPECT_NEAR(inverse_cube_hazard(broken, target, capped, 0.5, t), needed, 1e-9) << needed;
    EXPECT_DOUBLE_EQ(detection_time_h(broken, target, capped, 0.5, needed), t);
  }
  EXPECT_TRUE(std::isnan(hazard_crossing_h(broken, target, capped, 0.5, 0.1463)));
  // needed <= 0: the first moment both exist.
  EXPECT_DOUBLE_EQ(hazard_crossing_h(sensor, target, law, -3.0, 0.0), 0.0);
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, target, law, 0.0, std::nan(""))));
}

TEST(MobileDetection, PassThroughTheSensorIsCertainDetection) {
  // The target sits on the sensor's track at x = 0: r = 150 |t - 2|, and the hazard from the start,
  //   W^2 V / (8 pi) integral dt / (V |u|)^3 = W^2 / (16 pi) (1 / r^2 - 1 / L^2),
  // grows without bound as r -> 0: H = 50 at r = 1 / sqrt(50 * 16 pi / 25 + 1 / 300^2) =
  // 0.0997356 nm, t = 2 - 0.0997356 / 150 = 1.99933510.
  const LocalFrame f({102.0, 0.0});
  const MobileSensorLaw law = inverse_cube(5.0, 150.0);
  const std::vector<TrackPoint> sensor = straight_pass(f, 300.0, 150.0);
  const auto target = stationary_track(at(f, 0.0, 0.0), 0.0, 4.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, target, law, 0.0, 4.0), kInf);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 0.0, 1.9), 25.0 / (16.0 * kPi) * (1.0 / 225.0 - 1.0 / 90000.0),
              1e-12);
  for (const double needed : {0.5, 50.0, 1e6}) {
    const double t = hazard_crossing_h(sensor, target, law, 0.0, needed);
    ASSERT_FALSE(std::isnan(t)) << needed;
    EXPECT_LE(t, 2.0) << needed;
    const double r = 1.0 / std::sqrt(needed * 16.0 * kPi / 25.0 + 1.0 / 90000.0);
    EXPECT_NEAR(t, 2.0 - r / 150.0, 1e-9) << needed;
  }
  EXPECT_NEAR(hazard_crossing_h(sensor, target, law, 0.0, 50.0), 1.99933510, 1e-8);
  // From the closest approach on, the hazard is infinite at once.
  EXPECT_DOUBLE_EQ(hazard_crossing_h(sensor, target, law, 2.0, 1.0), 2.0);
  // A near miss (1e-6 nm): finite, huge, crossed before the closest approach.
  const auto near = stationary_track(at(f, 0.0, 1e-6), 0.0, 4.0);
  const double h = inverse_cube_hazard(sensor, near, law, 0.0, 4.0);
  EXPECT_NEAR(h, infinite_pass_hazard(5.0, 1e-6), 1e-6 * h);
  const double t = hazard_crossing_h(sensor, near, law, 0.0, 50.0);
  EXPECT_LT(t, 2.0);
  EXPECT_NEAR(t, 1.99933510, 1e-8);
  // A target sitting at the sensor's start: certain at once.
  const auto on_start = stationary_track(sensor.front().position, 0.0, 4.0);
  EXPECT_DOUBLE_EQ(hazard_crossing_h(sensor, on_start, law, 0.0, 3.0), 0.0);
}

TEST(MobileDetection, ConstantRangeHazardIsRateTimesDuration) {
  // Sensor and target fly east side by side, 3 nm apart, at 120 kt over [1, 3]:
  // gamma(3) = k / 27 = 149.208 / 27 = 5.52621 per hour, hazard 11.0524 over the 2 h.
  const LocalFrame f({102.0, 0.0});
  const MobileSensorLaw law = inverse_cube(5.0, 150.0);
  const std::vector<TrackPoint> sensor{{at(f, 0.0, 0.0), 1.0}, {at(f, 240.0, 0.0), 3.0}};
  const std::vector<TrackPoint> target{{at(f, 0.0, 3.0), 1.0}, {at(f, 240.0, 3.0), 3.0}};
  const double gamma = 149.2077591486519 / 27.0;
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 0.0, 10.0), 2.0 * gamma, 1e-12 * gamma);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 0.0, 10.0), 11.052426603603843, 1e-9);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, 1.5, 2.5), gamma, 1e-12 * gamma);
  EXPECT_NEAR(hazard_crossing_h(sensor, target, law, 0.0, 5.0), 1.0 + 5.0 / gamma, 1e-12);
  // The target's track broken at other times (its interpolated points leave a relative velocity
  // of rounding size, not exactly 0): the same.
  std::vector<TrackPoint> broken;
  for (int i = 0; i <= 7; ++i) broken.push_back({at(f, 240.0 * i / 7.0, 3.0), 1.0 + 2.0 * i / 7.0});
  EXPECT_NEAR(inverse_cube_hazard(sensor, broken, law, 0.0, 10.0), 2.0 * gamma, 1e-9 * gamma);
  EXPECT_NEAR(hazard_crossing_h(sensor, broken, law, 0.0, 5.0), 1.0 + 5.0 / gamma, 1e-9);
  // Beyond a 2.9 nm cap: nothing.
  EXPECT_EQ(inverse_cube_hazard(sensor, target, inverse_cube(5.0, 150.0, 2.9), 0.0, 10.0), 0.0);
  EXPECT_NEAR(inverse_cube_hazard(sensor, target, inverse_cube(5.0, 150.0, 3.1), 0.0, 10.0), 2.0 * gamma, 1e-12 * gamma);
  // In line, the target 1/16 degree ahead (exact in binary: no relative motion at all), whose
  // bounding boxes overlap: r = 0.0625 * 60.1077 = 3.75673 nm on the equator.
  const std::vector<TrackPoint> leader_s{{{102.0, 0.0}, 1.0}, {{104.0, 0.0}, 3.0}};
  const std::vector<TrackPoint> leader_t{{{102.0625, 0.0}, 1.0}, {{104.0625, 0.0}, 3.0}};
  const double r = 0.0625 * LocalFrame({103.0, 0.0}).nm_per_deg_lon;
  EXPECT_NEAR(r, 3.75673, 1e-5);
  EXPECT_TRUE(std::isnan(first_contact_h(leader_s, leader_t, 3.75)));
  EXPECT_DOUBLE_EQ(first_contact_h(leader_s, leader_t, 3.76, 2.5), 2.5);
  EXPECT_EQ(inverse_cube_hazard(leader_s, leader_t, inverse_cube(5.0, 150.0, 3.75), 0.0, 10.0), 0.0);
  const double gamma_r = inverse_cube_rate_per_h(law, r);
  EXPECT_NEAR(inverse_cube_hazard(leader_s, leader_t, inverse_cube(5.0, 150.0, 3.76), 0.0, 10.0), 2.0 * gamma_r,
              1e-12 * gamma_r);
  EXPECT_NEAR(hazard_crossing_h(leader_s, leader_t, law, 2.0, 1.0), 2.0 + 1.0 / gamma_r, 1e-12);
}

TEST(MobileDetection, NoCommonExistenceNoDetection) {
  const GeoPoint c{102.0, 2.0};
  const MobileSensorLaw law = inverse_cube(5.0, 150.0);
  const auto sensor = stationary_track(c, 0.0, 2.0);
  const auto later = stationary_track(c, 3.0, 5.0);  // the same place, later
  EXPECT_EQ(inverse_cube_hazard(sensor, later, law, -kInf, kInf), 0.0);
  EXPECT_TRUE(std::isnan(first_contact_h(sensor, later, 10.0)));
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, later, law, -kInf, 0.1)));
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, later, law, -kInf, 0.0)));
  // Meeting at one instant: contact then, no hazard.
  const auto touching = stationary_track(c, 2.0, 5.0);
  EXPECT_DOUBLE_EQ(first_contact_h(sensor, touching, 10.0), 2.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, touching, law, -kInf, kInf), 0.0);
  // Empty tracks, an empty or reversed interval, a sensor with no sweep width.
  EXPECT_TRUE(std::isnan(first_contact_h({}, sensor, 10.0)));
  EXPECT_EQ(inverse_cube_hazard(sensor, std::span<const TrackPoint>{}, law, -kInf, kInf), 0.0);
  const auto same = stationary_track({102.0, 2.01}, 0.0, 2.0);
  EXPECT_GT(inverse_cube_hazard(sensor, same, law, 0.0, 2.0), 0.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, same, law, 1.0, 1.0), 0.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, same, law, 1.5, 1.0), 0.0);
  EXPECT_EQ(inverse_cube_hazard(sensor, same, inverse_cube(0.0, 150.0), 0.0, 2.0), 0.0);
  EXPECT_TRUE(std::isnan(hazard_crossing_h(sensor, same, inverse_cube(0.0, 150.0), 0.0, 0.1)));
}

TEST(MobileDetection, AgreesWithQuadratureAndTimeSteppingOnRandomTracks) {
  // Random patrol legs (150 kt) against random target courses (12 kt) near the equator. The
  // hazard against composite Simpson quadrature of k / r^3 on each common piece (in the frame
  // the model prescribes, uncapped, cases closer than 0.5 nm left out), and the first contact
  // within 8 nm against time stepping by 1e-4 h.
  RandomStream rng(7, 0, 0, StreamPurpose::kTest);
  auto u = [&](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
  const MobileSensorLaw law = inverse_cube(6.0, 150.0);
  const double k = law.inverse_cube_k_nm3_per_h();
  int compared = 0, contacts = 0, misses = 0;
  for (int c = 0; c < 60; ++c) {
    std::vector<TrackPoint> sensor{{{u(101.5, 102.5), u(-0.5, 0.5)}, u(0.0, 1.0)}};
    for (int leg = 0; leg < 6; ++leg) {
      const GeoPoint& q = sensor.back().position;
      const GeoPoint p{q.lon_deg + u(-0.6, 0.6), q.lat_deg + u(-0.6, 0.6)};
      const LocalFrame f(q);
      sensor.push_back({p, sensor.back().time_h + std::hypot(f.x_nm(p), f.y_nm(p)) / 150.0});
    }
    std::vector<TrackPoint> target{{{u(101.5, 102.5), u(-0.5, 0.5)}, u(-1.0, 1.0)}};
    for (int leg = 0; leg < 3; ++leg) {
      const GeoPoint& q = target.back().position;
      const GeoPoint p{q.lon_deg + u(-0.2, 0.2), q.lat_deg + u(-0.2, 0.2)};
      const LocalFrame f(q);
      target.push_back({p, target.back().time_h + std::hypot(f.x_nm(p), f.y_nm(p)) / 12.0});
    }
    const std::vector<double> cuts = common_breakpoints(sensor, target);
    if (cuts.empty()) continue;
    // Quadrature of k / r^3, and stepping for contact, piece by piece.
    double quadrature = 0.0;
    double closest = kInf;
    double stepped = kInf;
    const double dt = 1e-4;
    for (std::size_t i = 1; i < cuts.size(); ++i) {
      const double t0 = cuts[i - 1];
      const double t1 = cuts[i];
      const int n = 2 * std::max(1, static_cast<int>(std::ceil((t1 - t0) / 1e-4)));
      const double h = (t1 - t0) / n;
      double sum = 0.0;
      for (int j = 0; j <= n; ++j) {
        const double t = t0 + j * h;
        const double r = range_in_piece_frame(sensor, target, t0, t1, t);
        closest = std::min(closest, r);
        const double weight = (j == 0 || j == n) ? 1.0 : (j % 2 == 1 ? 4.0 : 2.0);
        sum += weight * k / (r * r * r);
      }
      quadrature += sum * h / 3.0;
      for (double t = t0; t <= t1 && stepped == kInf; t += dt) {
        if (range_in_piece_frame(sensor, target, t0, t1, t) <= 8.0) stepped = t;
      }
      if (stepped == kInf && range_in_piece_frame(sensor, target, t0, t1, t1) <= 8.0) stepped = t1;
    }
    const double contact = first_contact_h(sensor, target, 8.0);
    ASSERT_EQ(std::isnan(contact), stepped == kInf) << "case " << c << ": stepped " << stepped << ", analytic " << contact;
    if (stepped < kInf) {
      ++contacts;
      EXPECT_GE(stepped, contact - 1e-9) << "case " << c;
      EXPECT_LE(stepped, contact + dt + 1e-9) << "case " << c;
    } else {
      ++misses;
    }
    if (closest < 0.5) continue;
    ++compared;
    const double hazard = inverse_cube_hazard(sensor, target, law, -kInf, kInf);
    EXPECT_NEAR(hazard, quadrature, 1e-7 * quadrature) << "case " << c;
    // Crossing half the total.
    const double t_half = hazard_crossing_h(sensor, target, law, -kInf, 0.5 * hazard);
    EXPECT_NEAR(inverse_cube_hazard(sensor, target, law, -kInf, t_half), 0.5 * hazard, 1e-9 * std::max(1.0, hazard))
        << "case " << c;
  }
  EXPECT_GT(compared, 30);
  EXPECT_GT(contacts, 5);
  EXPECT_GT(misses, 5);
}

}  // namespace
}  // namespace mdasim

// Detection of a moving target by a moving sensor (a patrol aircraft's or vessel's radar, EO/IR
// or lookouts), exact on each piece of the two tracks: the first moment a definite-range sensor
// has the target within its range, and the inverse-cube detection hazard accumulated along the
// tracks with the moment it reaches a drawn threshold. Hours, nm, kt, degrees.
//
// Tracks. A track is a time-stamped polyline (TrackPoint, targets.hpp) with non-decreasing times:
// between consecutive points the object moves straight in longitude and latitude at constant
// rate; before its first point and after its last it is absent, and nothing is seen of it or by
// it. A one-point track is an object present at that one instant; stationary_track gives an
// object that stays at one place over an interval. Two points with the same time and different
// places are a jump, taken as an instantaneous motion along the straight line between them: it
// carries no hazard, and a definite-range sensor sees the target at that instant if any point of
// the line is within range (as in_range_interval does for a zero-length segment). Longitudes are
// taken as they are (no wrapping at 180 degrees), as in the track models.
//
// Pieces. The two tracks' breakpoints are merged: on each common piece of time [t0, t1] both
// objects move straight at constant rate, and so does the target relative to the sensor. Both are
// put into one flat frame (LocalFrame, target_detection.hpp: x = dlon N cos(lat) pi/180, y = dlat
// M pi/180, WGS84 radii M and N) at the sensor's position in the middle of the piece; the frame
// is linear in longitude and latitude, so the relative position p(t) = target - sensor (nm) is
// linear in t:
//   p(t) = p0 + v s,  s = t - t0 in [0, t1 - t0],  r(s)^2 = |p(t)|^2 = a s^2 + 2 b s + c,
//   a = |v|^2,  b = p0 . v,  c = |p0|^2,  D = a c - b^2 = (p0 x v)^2 >= 0
// (D taken as the square of the cross product, free of cancellation). The frame's error against
// the geodesic distance is the one stated in target_detection.hpp (about tan(lat) d^2 / 17,900 nm
// at distance d); the frame's latitude changes from piece to piece with the sensor, by a
// negligible amount for any range a sensor has. Pieces are screened first by the tracks' and then
// by the pieces' bounding boxes grown by the range (scales that underestimate any frame's).
//
// Definite range ("cookie cutter", DetectionModel::kDefiniteRange). The sensor sees the target
// from the first moment both exist and r <= R, R = min(W / 2, max_range): the disc's entry time
// on the first piece that meets it, r(s)^2 = R^2 solved in closed form (first_contact_h).
//
// Inverse cube (Koopman, DetectionModel::kInverseCube; the lateral-range theory is in
// detection.hpp). The instantaneous detection rate at range r is gamma(r) = k / r^3 (per hour)
// while r <= max_range and 0 beyond. One straight pass at speed V and lateral range x, with
// r^2 = x^2 + V^2 t^2, gives
//   integral gamma dt = k integral dt / (x^2 + V^2 t^2)^(3/2) = k [t / (x^2 sqrt(x^2 + V^2 t^2))]
//                     = 2 k / (V x^2)                                   (t from -inf to inf),
// and p(x) = 1 - exp(-2 k / (V x^2)) is the inverse-cube lateral-range curve of sweep width W,
// 1 - exp(-W^2 / (4 pi x^2)), when 2 k / V = W^2 / (4 pi), that is
//   k = W^2 V / (8 pi)  (nm^3 / h),
// with W the sweep width stated for this search object at the search speed V. The sensor's own
// speed and heading then no longer matter: the hazard depends only on the relative track, so a
// target moving past a fixed sensor, or a sensor flying slower or faster than V, gets what its
// geometry gives. On a piece, with the antiderivative
//   integral ds / r^3 = (a s + b) / (D r(s)),                                          (D > 0)
// the piece's hazard over [s1, s2] is k (F(s2) - F(s1)), written for w = a s + b as
//   w1 <= 0 <= w2 (the closest approach within):  (w2 / r2 - w1 / r1) / D,  +inf if D = 0 (the
//     target passes exactly through the sensor: detection is certain);
//   w1, w2 of one sign:  (s2 - s1)(w1 + w2) / (r1 r2 (w1 r2 + w2 r1))  (the same difference
//     without the division by D, exact when D is tiny or 0);
//   a = 0 (no relative motion):  (s2 - s1) / r^3,  +inf if r = 0 and s2 > s1.
// With max_range R the piece is first cut to the times within the disc, r^2 <= R^2 (the roots
// of a s^2 + 2 b s + c - R^2, an interval since a >= 0), so that a capped pass at lateral range
// x <= R counts only its chord: 2 k / (V x^2) sqrt(R^2 - x^2) / R. (detection.hpp's capped
// lateral-range curve, p(x) for |x| <= R and 0 beyond, keeps the whole uncapped pass inside R;
// this hazard is the stricter reading, the one the sensor's physics gives.)
//
// Detection time. With the hazard H(t) accumulated from from_h, the inverse-cube sensor detects
// the target at the first t with H(t) >= E, E the target's unit-exponential draw for this
// sensor, so that P(detected by t) = 1 - exp(-H(t)) (hazard_crossing_h). On the piece where the
// total reaches E the crossing is solved by Newton's method on the closed form, safeguarded by
// bisection, to the rounding of the time; a pass exactly through the sensor gives a crossing no
// later than the closest approach.
//
// Cost. Each call walks the two tracks once from from_h (binary search to the first piece), with
// one LocalFrame per piece that passes the screen; it allocates nothing and keeps no state, so it
// may be called from several threads at once.
#pragma once

#include <array>
#include <limits>
#include <span>

#include "model/targets.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// A sensor's detection law against one search object.
struct MobileSensorLaw {
  DetectionModel law = DetectionModel::kInverseCube;
  double sweep_width_nm = 0.0;  // W for this search object at the sensor's search speed
  double speed_kt = 0.0;        // V: the search speed W is stated for
  double max_range_nm = std::numeric_limits<double>::infinity();  // the sensor sees nothing beyond

  // Definite range: the detection radius min(W / 2, max_range) (0 if W <= 0).
  [[nodiscard]] double definite_range_nm() const;
  // Inverse cube: k of gamma(r) = k / r^3, W^2 V / (8 pi) (0 if W or V is not positive).
  [[nodiscard]] double inverse_cube_k_nm3_per_h() const;
};

// The inverse-cube rate gamma(r) = k / r^3 (per hour) at range `range_nm`: 0 beyond max_range or
// for k = 0, +inf at r = 0 (with k > 0).
[[nodiscard]] double inverse_cube_rate_per_h(const MobileSensorLaw& law, double range_nm);

// A track for an object staying at `at` over [from_h, to_h] (to_h >= from_h).
[[nodiscard]] std::array<TrackPoint, 2> stationary_track(const GeoPoint& at, double from_h, double to_h);

// The first time >= from_h at which both objects exist and the target is within `radius_nm` of
// the sensor (r <= radius, flat frame); NaN if never (or radius negative or NaN).
[[nodiscard]] double first_contact_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                                     double radius_nm,
                                     double from_h = -std::numeric_limits<double>::infinity());

// The inverse-cube hazard integral of gamma(r(t)) dt over the times in [from_h, to_h] at which
// both objects exist and r <= max_range (the law's model field is not consulted). 0 if the
// interval or the common existence is empty, +inf if the target passes exactly through the sensor
// within it.
[[nodiscard]] double inverse_cube_hazard(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                                         const MobileSensorLaw& law, double from_h, double to_h);

// The first time t >= from_h at which inverse_cube_hazard(sensor, target, law, from_h, t) reaches
// `needed`; NaN if the hazard over the whole common existence after from_h stays below it. For
// needed <= 0, the first moment >= from_h at which both exist (NaN if none); NaN for NaN.
[[nodiscard]] double hazard_crossing_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                                       const MobileSensorLaw& law, double from_h, double needed);

// The detection time under the law's model: first_contact_h with the definite range (NaN if it is
// not positive) for kDefiniteRange, `needed` unused; hazard_crossing_h for kInverseCube, `needed`
// the target's unit-exponential draw for this sensor.
[[nodiscard]] double detection_time_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                                      const MobileSensorLaw& law, double from_h, double needed);

}  // namespace mdasim

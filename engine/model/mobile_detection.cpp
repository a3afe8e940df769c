// Detection of a moving target by a moving sensor, piece by piece in closed form (see
// mobile_detection.hpp for the model and the formulas).
#include "model/mobile_detection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/wgs84.hpp"
#include "model/target_detection.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

// The least nm per degree of latitude of any LocalFrame: the WGS84 meridional radius at the
// equator, a (1 - e^2), times pi / 180, in nm (59.7053).
constexpr double kMinNmPerDegLat = kWgs84A * (1.0 - kWgs84E2) * std::numbers::pi / 180.0 / 1852.0;

// The safeguarded Newton iteration stops after this many steps (it converges in a handful; the
// bisection alone halves the bracket down to the doubles' resolution in about 60).
constexpr int kMaxSolverSteps = 200;

struct Box {
  double lon_lo = kInf, lon_hi = -kInf, lat_lo = kInf, lat_hi = -kInf;

  void add(const GeoPoint& p) {
    lon_lo = std::min(lon_lo, p.lon_deg);
    lon_hi = std::max(lon_hi, p.lon_deg);
    lat_lo = std::min(lat_lo, p.lat_deg);
    lat_hi = std::max(lat_hi, p.lat_deg);
  }
};

// Screening by bounding boxes grown by a range, with scales no larger than any frame's used on
// the tracks: nm per degree of latitude at the equator, of longitude at the tracks' highest
// latitude. Inactive (never screens) for an infinite range.
struct Screen {
  double range_nm = kInf;
  double nm_per_deg_lon = 0.0;

  [[nodiscard]] bool apart(const Box& a, const Box& b) const {
    if (range_nm == kInf) return false;
    const double ex = std::max({0.0, a.lon_lo - b.lon_hi, b.lon_lo - a.lon_hi}) * nm_per_deg_lon;
    const double ey = std::max({0.0, a.lat_lo - b.lat_hi, b.lat_lo - a.lat_hi}) * kMinNmPerDegLat;
    return ex * ex + ey * ey > range_nm * range_nm;
  }
};

// The screen for `range_nm`, and whether the two tracks as a whole are out of reach of each other.
Screen make_screen(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target, double range_nm,
                   bool& out_of_reach) {
  Screen screen;
  out_of_reach = false;
  if (!(range_nm < kInf)) return screen;
  Box s, t;
  for (const TrackPoint& p : sensor) s.add(p.position);
  for (const TrackPoint& p : target) t.add(p.position);
  const double max_abs_lat =
      std::min(90.0, std::max({std::abs(s.lat_lo), std::abs(s.lat_hi), std::abs(t.lat_lo), std::abs(t.lat_hi)}));
  screen.range_nm = range_nm;
  screen.nm_per_deg_lon = std::max(0.0, LocalFrame(GeoPoint{0.0, max_abs_lat}).nm_per_deg_lon);
  out_of_reach = screen.apart(s, t);
  return screen;
}

// One common piece of the two tracks, [start_h, end_h] (end_h >= start_h), in the flat frame at
// the sensor's position in its middle: the target's position relative to the sensor at start_h
// (nm) and its relative velocity (kt), p(s) = p0 + v s for s = t - start_h. A piece of no duration
// (an instant, or a jump of either track) has instead `jump`: the relative position's step (nm).
struct Piece {
  double start_h = 0.0;
  double end_h = 0.0;
  double x_nm = 0.0;
  double y_nm = 0.0;
  double vx_kt = 0.0;
  double vy_kt = 0.0;
  double jump_x_nm = 0.0;
  double jump_y_nm = 0.0;

  [[nodiscard]] bool instant() const { return !(end_h > start_h); }
  [[nodiscard]] double speed2() const { return vx_kt * vx_kt + vy_kt * vy_kt; }  // a
  [[nodiscard]] double range_nm(double s_h) const { return std::hypot(x_nm + vx_kt * s_h, y_nm + vy_kt * s_h); }
  // w = a s + b = p(s) . v
  [[nodiscard]] double closing(double s_h) const {
    return (x_nm + vx_kt * s_h) * vx_kt + (y_nm + vy_kt * s_h) * vy_kt;
  }
  // D = (p0 x v)^2 = a c - b^2
  [[nodiscard]] double miss2() const {
    const double cross = x_nm * vy_kt - y_nm * vx_kt;
    return cross * cross;
  }
};

// The position on segment a -> b at time t (clamped to it); for a segment of no duration, its
// start (`at_end` false) or its end.
GeoPoint position_on(const TrackPoint& a, const TrackPoint& b, double t_h, bool at_end) {
  const double span_h = b.time_h - a.time_h;
  if (!(span_h > 0.0)) return at_end ? b.position : a.position;
  const double f = std::clamp((t_h - a.time_h) / span_h, 0.0, 1.0);
  return {a.position.lon_deg + f * (b.position.lon_deg - a.position.lon_deg),
          a.position.lat_deg + f * (b.position.lat_deg - a.position.lat_deg)};
}

// The index of the first segment (i -> i + 1; a one-point track has the one segment 0 -> 0) that
// ends at or after t, or the number of segments if none.
std::size_t first_segment_ending_after(std::span<const TrackPoint> track, double t_h) {
  if (track.size() == 1) return track[0].time_h < t_h ? 1 : 0;
  const auto it = std::partition_point(track.begin() + 1, track.end(),
                                       [t_h](const TrackPoint& p) { return p.time_h < t_h; });
  return static_cast<std::size_t>(it - (track.begin() + 1));
}

// Calls visit(piece, from, to) for the common pieces of the two tracks, in time order, that meet
// [from_h, to_h] and are not screened out, with [from, to] the piece's part within [from_h, to_h],
// until visit returns true.
template <class Visit>
void for_each_piece(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target, double from_h,
                    double to_h, const Screen& screen, Visit&& visit) {
  if (sensor.empty() || target.empty() || !(from_h <= to_h)) return;
  const std::size_t n_s = sensor.size();
  const std::size_t n_t = target.size();
  const std::size_t segments_s = std::max<std::size_t>(n_s - 1, 1);
  const std::size_t segments_t = std::max<std::size_t>(n_t - 1, 1);
  std::size_t i = first_segment_ending_after(sensor, from_h);
  std::size_t j = first_segment_ending_after(target, from_h);
  while (i < segments_s && j < segments_t) {
    const TrackPoint& sa = sensor[i];
    const TrackPoint& sb = sensor[std::min(i + 1, n_s - 1)];
    const TrackPoint& ta = target[j];
    const TrackPoint& tb = target[std::min(j + 1, n_t - 1)];
    const double lo_h = std::max(sa.time_h, ta.time_h);
    const double hi_h = std::min(sb.time_h, tb.time_h);
    if (lo_h > to_h) return;
    if (lo_h <= hi_h && hi_h >= from_h) {
      const GeoPoint s0 = position_on(sa, sb, lo_h, false);
      const GeoPoint s1 = position_on(sa, sb, hi_h, true);
      const GeoPoint t0 = position_on(ta, tb, lo_h, false);
      const GeoPoint t1 = position_on(ta, tb, hi_h, true);
      Box box_s, box_t;
      box_s.add(s0);
      box_s.add(s1);
      box_t.add(t0);
      box_t.add(t1);
      if (!screen.apart(box_s, box_t)) {
        const LocalFrame frame(GeoPoint{0.5 * (s0.lon_deg + s1.lon_deg), 0.5 * (s0.lat_deg + s1.lat_deg)});
        Piece p;
        p.start_h = lo_h;
        p.end_h = hi_h;
        p.x_nm = (t0.lon_deg - s0.lon_deg) * frame.nm_per_deg_lon;
        p.y_nm = (t0.lat_deg - s0.lat_deg) * frame.nm_per_deg_lat;
        const double x1_nm = (t1.lon_deg - s1.lon_deg) * frame.nm_per_deg_lon;
        const double y1_nm = (t1.lat_deg - s1.lat_deg) * frame.nm_per_deg_lat;
        if (p.instant()) {
          p.jump_x_nm = x1_nm - p.x_nm;
          p.jump_y_nm = y1_nm - p.y_nm;
        } else {
          p.vx_kt = (x1_nm - p.x_nm) / (hi_h - lo_h);
          p.vy_kt = (y1_nm - p.y_nm) / (hi_h - lo_h);
        }
        if (visit(p, std::max(lo_h, from_h), std::min(hi_h, to_h))) return;
      }
    }
    if (sb.time_h <= tb.time_h) {
      ++i;
    } else {
      ++j;
    }
  }
}

// The s (hours after the piece's start) at which the target is within `range_nm`, r(s) <= R: the
// interval [s_in, s_out] between the roots of a s^2 + 2 b s + c - R^2 (all s if the relative
// velocity is 0 and the target is within); false if none. R = +inf: all s.
bool within_range(const Piece& p, double range_nm, double& s_in_h, double& s_out_h) {
  s_in_h = -kInf;
  s_out_h = kInf;
  if (range_nm == kInf) return true;
  const double r2 = range_nm * range_nm;
  const double a = p.speed2();
  const double c_r = p.x_nm * p.x_nm + p.y_nm * p.y_nm - r2;
  if (a == 0.0) return c_r <= 0.0;
  const double q = a * r2 - p.miss2();  // b^2 - a (c - R^2)
  if (q < 0.0) return false;
  const double root = std::sqrt(q);
  const double b = p.closing(0.0);
  // The roots (-b -+ root) / a, the one without cancellation first, the other from their product
  // (c - R^2) / a.
  const double m = b >= 0.0 ? -(b + root) : -b + root;
  if (m == 0.0) {
    s_in_h = s_out_h = 0.0;
    return true;
  }
  const double s1 = m / a;
  const double s2 = c_r / m;
  s_in_h = std::min(s1, s2);
  s_out_h = std::max(s1, s2);
  return true;
}

// Whether the straight step from p0 by `jump` (an instant piece) passes within `range_nm`.
bool jump_within_range(const Piece& p, double range_nm) {
  const double d2 = p.jump_x_nm * p.jump_x_nm + p.jump_y_nm * p.jump_y_nm;
  const double f = d2 > 0.0 ? std::clamp(-(p.x_nm * p.jump_x_nm + p.y_nm * p.jump_y_nm) / d2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x_nm + f * p.jump_x_nm, p.y_nm + f * p.jump_y_nm) <= range_nm;
}

// integral_{s1}^{s2} ds / r(s)^3 (h / nm^3), s1 <= s2 (see the header comment for the cases).
double inverse_cube_integral(const Piece& p, double s1_h, double s2_h) {
  if (!(s2_h > s1_h)) return 0.0;
  const double a = p.speed2();
  if (a == 0.0) {
    const double r = p.range_nm(0.0);
    return r > 0.0 ? (s2_h - s1_h) / (r * r * r) : kInf;
  }
  const double w1 = p.closing(s1_h);
  const double w2 = p.closing(s2_h);
  const double r1 = p.range_nm(s1_h);
  const double r2 = p.range_nm(s2_h);
  if ((w1 > 0.0 && w2 > 0.0) || (w1 < 0.0 && w2 < 0.0)) {
    return (s2_h - s1_h) * (w1 + w2) / (r1 * r2 * (w1 * r2 + w2 * r1));
  }
  const double d = p.miss2();
  if (d == 0.0) return kInf;
  return (w2 / r2 - w1 / r1) / d;
}

// The s in [s1, s2] with inverse_cube_integral(p, s1, s) = q (q > 0, at most the integral over
// [s1, s2]): Newton's method (the derivative is 1 / r^3) kept within a bracket by bisection.
double solve_inverse_cube_integral(const Piece& p, double s1_h, double s2_h, double q) {
  const double r1 = p.range_nm(s1_h);
  if (r1 == 0.0) return s1_h;  // the hazard is infinite at once
  if (p.speed2() == 0.0) return std::min(s2_h, s1_h + q * r1 * r1 * r1);
  double lo = s1_h;
  double hi = s2_h;
  double s = s1_h + q * r1 * r1 * r1;  // Newton's first step from s1, where the integral is 0
  if (!(s > lo && s < hi)) s = 0.5 * (lo + hi);
  for (int step = 0; step < kMaxSolverSteps; ++step) {
    const double f = inverse_cube_integral(p, s1_h, s) - q;
    if (f == 0.0) return s;
    if (f < 0.0) {
      lo = s;
    } else {
      hi = s;
    }
    if (hi - lo <= 2.0 * kEpsilon * std::max(std::abs(lo), std::abs(hi))) break;
    const double r = p.range_nm(s);
    double next = s - f * r * r * r;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (next == s) break;
    s = next;
  }
  return s;
}

// The first moment >= from_h at which both objects exist, NaN if none.
double first_common_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target, double from_h) {
  double out = kNaN;
  for_each_piece(sensor, target, from_h, kInf, Screen{}, [&](const Piece&, double from, double) {
    out = from;
    return true;
  });
  return out;
}

}  // namespace

double MobileSensorLaw::definite_range_nm() const {
  if (!(sweep_width_nm > 0.0)) return 0.0;
  return std::min(0.5 * sweep_width_nm, max_range_nm);
}

double MobileSensorLaw::inverse_cube_k_nm3_per_h() const {
  if (!(sweep_width_nm > 0.0) || !(speed_kt > 0.0)) return 0.0;
  return sweep_width_nm * sweep_width_nm * speed_kt / (8.0 * std::numbers::pi);
}

double inverse_cube_rate_per_h(const MobileSensorLaw& law, double range_nm) {
  const double k = law.inverse_cube_k_nm3_per_h();
  if (!(k > 0.0) || range_nm > law.max_range_nm) return 0.0;
  if (range_nm == 0.0) return kInf;
  return k / (range_nm * range_nm * range_nm);
}

std::array<TrackPoint, 2> stationary_track(const GeoPoint& at, double from_h, double to_h) {
  return {TrackPoint{at, from_h}, TrackPoint{at, to_h}};
}

double first_contact_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target, double radius_nm,
                       double from_h) {
  if (!(radius_nm >= 0.0) || std::isnan(from_h)) return kNaN;
  bool out_of_reach = false;
  const Screen screen = make_screen(sensor, target, radius_nm, out_of_reach);
  if (out_of_reach) return kNaN;
  double out = kNaN;
  for_each_piece(sensor, target, from_h, kInf, screen, [&](const Piece& p, double from, double to) {
    if (p.instant()) {
      if (!jump_within_range(p, radius_nm)) return false;
      out = from;
      return true;
    }
    double s_in = 0.0, s_out = 0.0;
    if (!within_range(p, radius_nm, s_in, s_out)) return false;
    const double s1 = from - p.start_h;
    const double s2 = to - p.start_h;
    if (std::max(s_in, s1) > std::min(s_out, s2)) return false;
    out = s_in <= s1 ? from : std::clamp(p.start_h + s_in, from, to);
    return true;
  });
  return out;
}

double inverse_cube_hazard(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                           const MobileSensorLaw& law, double from_h, double to_h) {
  if (std::isnan(from_h) || std::isnan(to_h)) return kNaN;
  const double k = law.inverse_cube_k_nm3_per_h();
  if (!(k > 0.0) || !(to_h > from_h)) return 0.0;
  const double range_nm = law.max_range_nm;
  bool out_of_reach = false;
  const Screen screen = make_screen(sensor, target, range_nm, out_of_reach);
  if (out_of_reach) return 0.0;
  double total = 0.0;
  for_each_piece(sensor, target, from_h, to_h, screen, [&](const Piece& p, double from, double to) {
    if (p.instant()) return false;
    double s_in = 0.0, s_out = 0.0;
    if (!within_range(p, range_nm, s_in, s_out)) return false;
    const double s1 = std::max(s_in, from - p.start_h);
    const double s2 = std::min(s_out, to - p.start_h);
    total += k * inverse_cube_integral(p, s1, s2);
    return total == kInf;
  });
  return total;
}

double hazard_crossing_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                         const MobileSensorLaw& law, double from_h, double needed) {
  if (std::isnan(from_h) || std::isnan(needed)) return kNaN;
  if (needed <= 0.0) return first_common_h(sensor, target, from_h);
  const double k = law.inverse_cube_k_nm3_per_h();
  if (!(k > 0.0)) return kNaN;
  const double range_nm = law.max_range_nm;
  bool out_of_reach = false;
  const Screen screen = make_screen(sensor, target, range_nm, out_of_reach);
  if (out_of_reach) return kNaN;
  double total = 0.0;
  double out = kNaN;
  for_each_piece(sensor, target, from_h, kInf, screen, [&](const Piece& p, double from, double to) {
    if (p.instant()) return false;
    double s_in = 0.0, s_out = 0.0;
    if (!within_range(p, range_nm, s_in, s_out)) return false;
    const double s1 = std::max(s_in, from - p.start_h);
    const double s2 = std::min(s_out, to - p.start_h);
    const double piece = k * inverse_cube_integral(p, s1, s2);
    if (total + piece < needed) {
      total += piece;
      return false;
    }
    const double s = solve_inverse_cube_integral(p, s1, s2, (needed - total) / k);
    out = std::clamp(p.start_h + s, from, to);
    return true;
  });
  return out;
}

double detection_time_h(std::span<const TrackPoint> sensor, std::span<const TrackPoint> target,
                        const MobileSensorLaw& law, double from_h, double needed) {
  switch (law.law) {
    case DetectionModel::kDefiniteRange: {
      const double range_nm = law.definite_range_nm();
      return range_nm > 0.0 ? first_contact_h(sensor, target, range_nm, from_h) : kNaN;
    }
    case DetectionModel::kInverseCube:
      return hazard_crossing_h(sensor, target, law, from_h, needed);
  }
  return kNaN;
}

}  // namespace mdasim

// When a straight segment in a local plane frame lies within a circle about the frame's origin:
// the one solution shared by the ISR sensors' detection windows (target_detection) and the
// patrols' coverage of grid cells (patrol_coverage), so that both give the same times from the
// same operations.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

namespace mdasim {

// The part of a segment within the circle, as fractions of the segment (0 at its start, 1 at
// its end); `whole` for a segment of no length inside the circle (its times are all of it).
struct SegmentInCircle {
  bool whole = false;
  double tau_in = 0.0;
  double tau_out = 0.0;
};

// The segment p(tau) = (x0, y0) + tau (dx, dy), tau in [0, 1], against |p| <= radius_nm:
// |p(tau)|^2 = R^2 is A tau^2 + 2 B tau + C = 0. The squares of y0 and dy are passed in, so that
// a caller sweeping a grid row (y fixed) computes them once; nullopt when the segment stays
// outside the circle.
[[nodiscard]] inline std::optional<SegmentInCircle> segment_in_circle(double x0, double dx, double y0, double dy,
                                                                      double y0_squared, double dy_squared,
                                                                      double radius_nm) {
  const double qa = dx * dx + dy_squared;
  const double qb = x0 * dx + y0 * dy;
  const double qc = x0 * x0 + y0_squared - radius_nm * radius_nm;
  if (qa == 0.0) {
    if (qc <= 0.0) return SegmentInCircle{true, 0.0, 1.0};
    return std::nullopt;
  }
  const double disc = qb * qb - qa * qc;
  if (disc < 0.0) return std::nullopt;
  const double root = std::sqrt(disc);
  const double tau_in = (-qb - root) / qa;
  const double tau_out = (-qb + root) / qa;
  if (tau_in > 1.0 || tau_out < 0.0) return std::nullopt;
  return SegmentInCircle{false, std::max(0.0, tau_in), std::min(1.0, tau_out)};
}

}  // namespace mdasim

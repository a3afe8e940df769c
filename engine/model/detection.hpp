// Detection by ISR sensors: the radar horizon, and lateral-range curves with their sweep widths.
//
// Radar horizon (nm, m). With standard refraction the ray bends as if the earth's radius were
// k a, k = 4/3, a = 6371 km, and the line of sight from height h grazes the surface at
// d = sqrt(2 k a h). For h in metres and d in km, 2 k a = 16 988 km, so d_km = sqrt(17 h_m) =
// 4.12 sqrt(h_m) (Skolnik, Introduction to Radar Systems, 3rd ed. 2001, "Propagation of radar
// waves"). An antenna at h_a sees a target whose top is at
// h_t out to
//   d_km = 4.12 (sqrt(h_a_m) + sqrt(h_t_m)),  d_nm = d_km / 1.852 (1 nm = 1852 m exactly),
// and a radar detects to the lesser of its horizon and its instrumented range.
//
// Lateral-range curves (nm). p(x) is the probability that a sensor passing on a straight, long
// track detects the object at lateral range x (closest point of approach); the sweep width is
// W = integral_{-inf}^{inf} p(x) dx (Koopman 1946/1980; Washburn, Search and Detection; IAMSAR
// Vol. II).
//   Definite range R ("cookie cutter"): p(x) = 1 for |x| <= R, 0 beyond; W = 2 R.
//   Inverse cube (Koopman): the instantaneous detection rate falls as r^-3 with the range r,
//   gamma(r) = k / r^3. On a track y = V t at lateral range x, r^2 = x^2 + y^2, and the total
//   "detection intensity" of one pass is
//     integral gamma dt = (k / V) integral_{-inf}^{inf} dy / (x^2 + y^2)^(3/2)
//                       = (k / V) [y / (x^2 sqrt(x^2 + y^2))]_{-inf}^{inf} = 2 k / (V x^2),
//   so with c = 2 k / V,  p(x) = 1 - exp(-c / x^2)  (p(0) = 1).
//   Its integral: put x = sqrt(c) / s; then
//     integral_{-inf}^{inf} (1 - exp(-c/x^2)) dx = 2 sqrt(c) integral_0^inf (1 - exp(-s^2)) / s^2 ds
//       = 2 sqrt(c) ([-(1 - exp(-s^2)) / s]_0^inf + integral_0^inf 2 exp(-s^2) ds)   (by parts)
//       = 2 sqrt(c) (0 + sqrt(pi)) = 2 sqrt(pi c),
//   so for sweep width W, c = W^2 / (4 pi) and p(x) = 1 - exp(-W^2 / (4 pi x^2)).
//   Its inverse: the lateral range inside which p >= P is x(P) = W / sqrt(4 pi (-ln(1 - P))).
//   A sensor whose range is capped at R detects nothing beyond R: p_R(x) = p(x) for |x| <= R,
//   0 beyond. Its sweep width, since d/dx [x exp(-c/x^2)] = exp(-c/x^2) (1 + 2c/x^2), is
//     W_R = 2 R (1 - exp(-c/R^2)) + 2 sqrt(pi c) erfc(sqrt(c) / R)     (-> W as R -> inf).
// A capped definite-range sensor has range min(W / 2, R).
#pragma once

#include <limits>

#include "scenario/scenario.hpp"

namespace mdasim {

// d_km = 4.12 sqrt(h_m): the radar horizon with 4/3-earth refraction.
inline constexpr double kRadarHorizonKmPerRootMetre = 4.12;

// Radar horizon for an antenna and a target top at these heights above the sea (negative
// heights count as 0).
[[nodiscard]] double radar_horizon_nm(double antenna_height_m, double target_height_m);
// The lesser of the radar horizon and the instrumented range.
[[nodiscard]] double radar_detection_range_nm(double antenna_height_m, double target_height_m,
                                              double instrumented_range_nm);

// Sweep width of a definite-range (cookie-cutter) sensor: 2 R.
[[nodiscard]] double definite_range_sweep_width_nm(double range_nm);

// Probability of detection in one straight pass at lateral range `lateral_range_nm` (either
// sign) by a sensor of sweep width `sweep_width_nm` under `law`, counting nothing beyond
// `max_range_nm` (|x| <= max_range_nm is inside). Zero when the sweep width is not positive.
[[nodiscard]] double lateral_range_pod(DetectionModel law, double sweep_width_nm, double lateral_range_nm,
                                       double max_range_nm = std::numeric_limits<double>::infinity());

// Sweep width of that curve with its range capped at `max_range_nm`: the integral of
// lateral_range_pod over all lateral ranges (the sweep width itself when uncapped).
[[nodiscard]] double capped_sweep_width_nm(DetectionModel law, double sweep_width_nm, double max_range_nm);

// The lateral range at which the inverse-cube curve of sweep width W equals `probability`, so
// that p >= probability inside it: W / sqrt(4 pi (-ln(1 - P))). +infinity for P <= 0 (with
// W > 0), 0 for P >= 1 or W <= 0.
[[nodiscard]] double inverse_cube_range_for_probability_nm(double sweep_width_nm, double probability);

}  // namespace mdasim

// Radar horizon, lateral-range curves (definite range, inverse cube), their sweep widths and the
// inverse of the inverse-cube curve.
#include "model/detection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/units.hpp"

namespace mdasim {
namespace {
constexpr double kKmPerNauticalMile = kMetresPerNauticalMile / 1000.0;

// c = W^2 / (4 pi) of p(x) = 1 - exp(-c / x^2).
double inverse_cube_constant_nm2(double sweep_width_nm) {
  return sweep_width_nm * sweep_width_nm / (4.0 * std::numbers::pi);
}
}  // namespace

double radar_horizon_nm(double antenna_height_m, double target_height_m) {
  const double root_sum = std::sqrt(std::max(antenna_height_m, 0.0)) + std::sqrt(std::max(target_height_m, 0.0));
  return kRadarHorizonKmPerRootMetre * root_sum / kKmPerNauticalMile;
}

double radar_detection_range_nm(double antenna_height_m, double target_height_m, double instrumented_range_nm) {
  return std::min(radar_horizon_nm(antenna_height_m, target_height_m), instrumented_range_nm);
}

double definite_range_sweep_width_nm(double range_nm) { return 2.0 * range_nm; }

double lateral_range_pod(DetectionModel law, double sweep_width_nm, double lateral_range_nm, double max_range_nm) {
  if (!(sweep_width_nm > 0.0)) return 0.0;
  const double x = std::abs(lateral_range_nm);
  if (x > max_range_nm) return 0.0;
  switch (law) {
    case DetectionModel::kDefiniteRange:
      return x <= 0.5 * sweep_width_nm ? 1.0 : 0.0;
    case DetectionModel::kInverseCube:
      if (x == 0.0) return 1.0;
      // -expm1 keeps the far tail (p ~ c / x^2) accurate.
      return -std::expm1(-inverse_cube_constant_nm2(sweep_width_nm) / (x * x));
  }
  return 0.0;
}

double capped_sweep_width_nm(DetectionModel law, double sweep_width_nm, double max_range_nm) {
  if (!(sweep_width_nm > 0.0) || !(max_range_nm > 0.0)) return 0.0;
  switch (law) {
    case DetectionModel::kDefiniteRange:
      return std::min(sweep_width_nm, 2.0 * max_range_nm);
    case DetectionModel::kInverseCube: {
      if (std::isinf(max_range_nm)) return sweep_width_nm;
      const double c = inverse_cube_constant_nm2(sweep_width_nm);
      const double r = max_range_nm;
      // 2 sqrt(pi c) = W.
      return 2.0 * r * -std::expm1(-c / (r * r)) + sweep_width_nm * std::erfc(std::sqrt(c) / r);
    }
  }
  return 0.0;
}

double inverse_cube_range_for_probability_nm(double sweep_width_nm, double probability) {
  if (!(sweep_width_nm > 0.0) || probability >= 1.0) return 0.0;
  if (probability <= 0.0) return std::numeric_limits<double>::infinity();
  const double log_miss = -std::log1p(-probability);  // c / x^2
  return sweep_width_nm / std::sqrt(4.0 * std::numbers::pi * log_miss);
}

}  // namespace mdasim

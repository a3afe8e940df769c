// Random-search coverage with a growing probable-position area, and its inverse.
#include "model/search.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/distributions.hpp"

namespace mdasim {
namespace {
double error_nm(const SearchSetup& s) { return std::max(s.initial_error_nm, kMinimumErrorNm); }
}  // namespace

double search_coverage(const SearchSetup& s, double t_h) {
  if (t_h <= 0.0) return 0.0;
  const double rate = s.sweep_width_nm * s.search_speed_kt;  // nm^2 per hour
  const double e0 = error_nm(s);
  const double d = s.drift_error_kt;
  if (d <= 0.0) return rate * t_h / (std::numbers::pi * e0 * e0);
  return rate / (std::numbers::pi * d * e0) *
         (std::atan(d * (s.datum_age_h + t_h) / e0) - std::atan(d * s.datum_age_h / e0));
}

double search_pod(const SearchSetup& s, double t_h) { return 1.0 - std::exp(-search_coverage(s, t_h)); }

double search_time_for_coverage_h(const SearchSetup& s, double e) {
  const double rate = s.sweep_width_nm * s.search_speed_kt;
  if (rate <= 0.0) return std::numeric_limits<double>::infinity();
  const double e0 = error_nm(s);
  const double d = s.drift_error_kt;
  if (d <= 0.0) return e * std::numbers::pi * e0 * e0 / rate;
  const double angle = std::atan(d * s.datum_age_h / e0) + e * std::numbers::pi * d * e0 / rate;
  if (angle >= 0.5 * std::numbers::pi) return std::numeric_limits<double>::infinity();
  return std::max(0.0, e0 / d * std::tan(angle) - s.datum_age_h);
}

double sample_time_to_find_h(const SearchSetup& s, RandomStream& rng) {
  return search_time_for_coverage_h(s, sample_exponential(rng, 1.0));
}

}  // namespace mdasim

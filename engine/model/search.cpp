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

SearchLaw::SearchLaw(const SearchSetup& s)
    : rate_(s.sweep_width_nm * s.search_speed_kt), e0_nm_(error_nm(s)), d_kt_(s.drift_error_kt), datum_age_h_(s.datum_age_h) {
  if (d_kt_ > 0.0) start_angle_ = std::atan(d_kt_ * datum_age_h_ / e0_nm_);
}

double SearchLaw::coverage(double t_h) const {
  if (t_h <= 0.0) return 0.0;
  if (d_kt_ <= 0.0) return rate_ * t_h / (std::numbers::pi * e0_nm_ * e0_nm_);
  return rate_ / (std::numbers::pi * d_kt_ * e0_nm_) * (std::atan(d_kt_ * (datum_age_h_ + t_h) / e0_nm_) - start_angle_);
}

double SearchLaw::time_for_coverage_h(double e) const {
  if (rate_ <= 0.0) return std::numeric_limits<double>::infinity();
  if (d_kt_ <= 0.0) return e * std::numbers::pi * e0_nm_ * e0_nm_ / rate_;
  const double angle = start_angle_ + e * std::numbers::pi * d_kt_ * e0_nm_ / rate_;
  if (angle >= 0.5 * std::numbers::pi) return std::numeric_limits<double>::infinity();
  return std::max(0.0, e0_nm_ / d_kt_ * std::tan(angle) - datum_age_h_);
}

double search_coverage(const SearchSetup& s, double t_h) {
  if (t_h <= 0.0) return 0.0;
  return SearchLaw(s).coverage(t_h);
}

double search_pod(const SearchSetup& s, double t_h) { return 1.0 - std::exp(-search_coverage(s, t_h)); }

double search_time_for_coverage_h(const SearchSetup& s, double e) { return SearchLaw(s).time_for_coverage_h(e); }

double sample_time_to_find_h(const SearchSetup& s, RandomStream& rng) {
  return search_time_for_coverage_h(s, sample_exponential(rng, 1.0));
}

}  // namespace mdasim

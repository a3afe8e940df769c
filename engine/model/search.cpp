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
  if (d_kt_ > 0.0) x0_ = d_kt_ * datum_age_h_ / e0_nm_;
}

// With drift, x = d tau / E0 and C(t) = W V / (pi d E0) [atan(x0 + y) - atan(x0)], y = d t / E0.
// The difference of the arctangents is one arctangent, atan(y / (1 + x0 (x0 + y))) (both lie
// in [0, pi/2)), free of the cancellation of two nearly equal angles when t << tau0.
double SearchLaw::coverage(double t_h) const {
  if (t_h <= 0.0) return 0.0;
  if (d_kt_ <= 0.0) return rate_ * t_h / (std::numbers::pi * e0_nm_ * e0_nm_);
  const double y = d_kt_ * t_h / e0_nm_;
  return rate_ / (std::numbers::pi * d_kt_ * e0_nm_) * std::atan(y / (1.0 + x0_ * (x0_ + y)));
}

// The inverse: the coverage e adds the angle delta = e pi d E0 / (W V) to atan(x0), so
// x0 + y = tan(atan(x0) + delta) = (x0 + T) / (1 - x0 T) with T = tan delta, and
// t = (E0 / d) T (1 + x0^2) / (1 - x0 T): finite while the sum of the angles is below pi/2.
double SearchLaw::time_for_coverage_h(double e) const {
  if (rate_ <= 0.0) return std::numeric_limits<double>::infinity();
  if (d_kt_ <= 0.0) return e * std::numbers::pi * e0_nm_ * e0_nm_ / rate_;
  const double delta = e * std::numbers::pi * d_kt_ * e0_nm_ / rate_;
  if (!(delta < 0.5 * std::numbers::pi)) return std::numeric_limits<double>::infinity();
  const double t = std::tan(delta);
  const double room = 1.0 - x0_ * t;
  if (!(room > 0.0)) return std::numeric_limits<double>::infinity();
  return e0_nm_ / d_kt_ * t * (1.0 + x0_ * x0_) / room;
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

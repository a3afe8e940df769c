// Time to find a search object on scene, by Koopman's random-search law.
//
// Notation (nm, kt, h): W sweep width of the sensor for this search object, V search speed,
// E0 the datum's initial position error, d the drift error (the growth of the position error,
// nm per hour), tau0 the datum's age when searching starts, t the time spent searching.
// The object is taken to lie uniformly in the probable-position area, a circle whose radius is
// the total probable error E(tau) = sqrt(E0^2 + (d tau)^2), so A(tau) = pi E(tau)^2.
// Random search detects at the rate W V / A (Koopman 1946; IAMSAR Vol. II, the "random search"
// POD curve), so the cumulative coverage after t hours of searching is
//   C(t) = integral_0^t W V / A(tau0 + s) ds
//        = W V / (pi d E0) [atan(d (tau0 + t) / E0) - atan(d tau0 / E0)]     (d > 0)
//        = W V t / (pi E0^2)                                                  (d = 0)
// and POD(t) = 1 - exp(-C(t)); with a fixed area this is the familiar 1 - exp(-W V t / A).
// With drift the coverage tends to a finite limit: an object drifting away faster than the
// search covers ground may never be found. A time to find is drawn by inverting C(t) = e for a
// unit exponential e.
#pragma once

#include <limits>

#include "core/random_stream.hpp"

namespace mdasim {

struct SearchSetup {
  double sweep_width_nm = 0.0;    // W
  double search_speed_kt = 0.0;   // V
  double initial_error_nm = 0.0;  // E0 (at least kMinimumErrorNm is used)
  double drift_error_kt = 0.0;    // d
  double datum_age_h = 0.0;       // tau0
};

// A datum is never known better than this (about 20 m): keeps the area positive.
inline constexpr double kMinimumErrorNm = 0.01;

// Cumulative coverage after searching `t_h` hours.
[[nodiscard]] double search_coverage(const SearchSetup& s, double t_h);
// Probability of detection after searching `t_h` hours.
[[nodiscard]] double search_pod(const SearchSetup& s, double t_h);
// Searching time at which the coverage reaches `e` (> 0); +infinity if it never does.
[[nodiscard]] double search_time_for_coverage_h(const SearchSetup& s, double e);
// A random time to find: +infinity when the object would never be found.
[[nodiscard]] double sample_time_to_find_h(const SearchSetup& s, RandomStream& rng);

// The law of one search, set up once for a search whose time to find and, if it ends first,
// coverage are both wanted: the same values, to the bit, as search_time_for_coverage_h and
// search_coverage give on the same setup. With drift each direction is one trigonometric call
// (the difference of two arctangents taken as one, search.cpp).
class SearchLaw {
 public:
  SearchLaw() = default;
  explicit SearchLaw(const SearchSetup& s);
  [[nodiscard]] double coverage(double t_h) const;
  [[nodiscard]] double time_for_coverage_h(double e) const;

 private:
  double rate_ = 0.0;         // W V, nm^2 per hour
  double e0_nm_ = 0.0;
  double d_kt_ = 0.0;
  double datum_age_h_ = 0.0;
  double x0_ = 0.0;           // d tau0 / E0, with drift
};

}  // namespace mdasim

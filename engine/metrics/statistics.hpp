// The statistics a planner reads off a Monte Carlo study: means with Student-t confidence
// intervals, paired differences between options run on common random numbers, sample quantiles,
// proportions with Wilson score intervals, and a mergeable running accumulator. Inputs are in
// replication order and every result is a fixed sequential computation over them, so it does not
// depend on how many threads ran the replications. The Student-t and normal quantiles are written
// out here (no statistics library).
#pragma once

#include <cstddef>
#include <limits>
#include <span>

namespace mdasim {

// A point estimate with its two-sided confidence interval. `sd` is the sample standard deviation
// of the values (n - 1 denominator), not the standard error of the mean (that is sd / sqrt(n)).
// n = 0: every double is NaN. n = 1: mean is the value, sd is NaN and the interval is
// (-inf, +inf): one replication says nothing about the spread.
struct Estimate {
  double mean = std::numeric_limits<double>::quiet_NaN();
  double ci_low = std::numeric_limits<double>::quiet_NaN();
  double ci_high = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();
  std::size_t n = 0;
};

// Sample mean, sample standard deviation and the Student-t interval
// mean ± t_{n-1, (1+confidence)/2} · sd / sqrt(n). Computed in two passes with Neumaier
// (compensated) sums: the mean first, then the squared deviations from it with the correction
// term of the corrected two-pass algorithm (Chan, Golub & LeVeque 1983), which stays accurate when
// the values share a large offset.
// Non-finite values propagate (a NaN or infinity makes the result NaN or infinite). Throws
// std::invalid_argument unless 0 < confidence < 1.
[[nodiscard]] Estimate mean_with_ci(std::span<const double> values, double confidence = 0.95);

// The interval for the mean of the per-replication differences option[i] - baseline[i]: the
// paired comparison for options run on common random numbers, where the shared variation cancels
// in each difference. Throws std::invalid_argument if the lengths differ (or on a bad confidence).
[[nodiscard]] Estimate paired_difference(std::span<const double> option, std::span<const double> baseline,
                                         double confidence = 0.95);

// The sample quantile by linear interpolation between order statistics: type 7 of Hyndman & Fan
// (1996), R's default, evaluated as R does (1-based index 1 + (n-1) p). The input is not modified
// (a copy is partially sorted). Empty input, or any NaN in it, gives NaN. Throws
// std::invalid_argument unless 0 <= p <= 1.
[[nodiscard]] double quantile(std::span<const double> values, double p);

// The fraction of values <= limit (e.g. of response times within 2 h). NaN values count as not
// within the limit. Empty input gives NaN.
[[nodiscard]] double fraction_at_most(std::span<const double> values, double limit);

// A proportion successes / trials with the Wilson score interval (which, unlike the normal
// approximation, stays inside [0, 1] and behaves at 0 and `trials` successes). `mean` is the
// proportion and `sd` the sample standard deviation of the 0/1 outcomes, as mean_with_ci would
// give for them; `n` is trials. trials = 0 gives NaN as for empty input. Throws
// std::invalid_argument if successes > trials or unless 0 < confidence < 1.
[[nodiscard]] Estimate proportion_with_ci(std::size_t successes, std::size_t trials, double confidence = 0.95);

// The quantile of Student's t distribution with `df` degrees of freedom: the t with P(T <= t) = p.
// df > 0 need not be an integer; df = +inf gives the standard normal. p = 0 and 1 give -inf and
// +inf (as does a quantile beyond the largest double, for tiny p with df < 1); p outside [0, 1],
// df <= 0 or NaN give NaN. Where the Cornish-Fisher expansion in the normal quantile is exact to
// double precision (df above about 1100 for central p, more in far tails) it is the answer;
// otherwise student_t_cdf is solved by Newton's method on ln t and ln P(T > t), safeguarded by
// bisection and started from the expansion. Relative error below about 1e-13.
[[nodiscard]] double student_t_quantile(double p, double df);

// P(T <= t) for Student's t with df degrees of freedom (df > 0, +inf for the normal): the
// regularized incomplete beta function I_x(df/2, 1/2), x = df / (df + t^2), by its continued
// fraction (modified Lentz), or the inverted Cornish-Fisher expansion where that is exact. Tail
// probabilities keep their relative accuracy (about 1e-13). NaN arguments or df <= 0 give NaN.
[[nodiscard]] double student_t_cdf(double t, double df);

// The standard normal quantile: the z with P(Z <= z) = p. Abramowitz & Stegun 26.2.23 refined by
// three Halley steps on std::erfc, to full double precision for p >= 1e-300. p = 0 and 1 give -inf
// and +inf; p outside [0, 1] or NaN gives NaN.
[[nodiscard]] double standard_normal_quantile(double p);

// Count, mean, sample variance, min and max of a stream of values, by Welford's update. `merge`
// combines two accumulators as if all values of `other` had been added after those of this one
// (the pairwise formula of Chan, Golub & LeVeque 1979), so per-replication accumulators merged in
// replication order give a result independent of thread count. With no values mean, min and max
// are NaN; with fewer than two, variance and sd are NaN. Values are expected to be finite.
class RunningMoments {
 public:
  void add(double value);
  void merge(const RunningMoments& other);

  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] double mean() const;
  // Sample variance (n - 1 denominator) and its square root.
  [[nodiscard]] double variance() const;
  [[nodiscard]] double sd() const;
  [[nodiscard]] double min() const;
  [[nodiscard]] double max() const;
  // The same Student-t interval as mean_with_ci, from the accumulated moments.
  [[nodiscard]] Estimate estimate(double confidence = 0.95) const;

 private:
  std::size_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  // sum of squared deviations from the mean
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

}  // namespace mdasim

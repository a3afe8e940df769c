// Estimates over replications, and the Student-t and normal quantiles they need, written out:
// a continued fraction for the incomplete beta function, Stirling's series for the gamma ratio,
// safeguarded Newton iteration for the inverses.
#include "metrics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace mdasim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr double kMax = std::numeric_limits<double>::max();

// Neumaier's variant of Kahan summation: the rounding error of each addition is collected in a
// separate term, so the sum is accurate to about one rounding whatever the order of magnitudes.
class CompensatedSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  // An infinite sum makes the compensation NaN (inf - inf); the plain sum is then the answer.
  [[nodiscard]] double value() const { return std::isfinite(sum_) ? sum_ + compensation_ : sum_; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("confidence level must be strictly between 0 and 1");
  }
}

// ln Gamma(a) - ln Gamma(a + 1/2) for a > 0. For a >= 10 from Stirling's series,
// ln Gamma(x) = (x - 1/2) ln x - x + ln(2 pi)/2 + S(x), whose leading terms cancel in the
// difference to -ln(a)/2 - a ln(1 + 1/(2a)) + 1/2 + S(a) - S(a + 1/2); below 10 by the recurrence
// Gamma(x + 1) = x Gamma(x). Written out rather than with std::lgamma, which sets the global
// signgam and so is not thread-safe, and which would lose the difference to cancellation for large
// a.
double log_gamma_ratio_half(double a) {
  // S(x) = sum B_2k / (2k (2k - 1) x^(2k - 1)), k = 1..7: error below 3e-17 for x >= 10.
  const auto stirling = [](double x) {
    const double r = 1.0 / (x * x);
    return (1.0 / 12.0 +
            r * (-1.0 / 360.0 +
                 r * (1.0 / 1260.0 +
                      r * (-1.0 / 1680.0 + r * (1.0 / 1188.0 + r * (-691.0 / 360360.0 + r * (1.0 / 156.0))))))) /
           x;
  };
  double shift = 0.0;
  while (a < 10.0) {
    shift += std::log((a + 0.5) / a);
    a += 1.0;
  }
  return shift - 0.5 * std::log(a) - a * std::log1p(0.5 / a) + 0.5 + stirling(a) - stirling(a + 0.5);
}

// The continued fraction of the regularized incomplete beta function (Numerical Recipes' betacf),
// I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * betacf(a, b, x), evaluated by the modified Lentz
// method. It converges quickly for x < (a + 1) / (a + b + 2); the caller uses the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a) otherwise. The number of terms grows like sqrt(max(a, b)).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr int kMaxTerms = 10000;
  const auto guard = [](double v) { return std::fabs(v) < kTiny ? kTiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double h = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    const double md = m;
    const double m2 = 2.0 * md;
    // Even step.
    double term = md * (b - md) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 / guard(1.0 + term * d);
    c = guard(1.0 + term / c);
    h *= d * c;
    // Odd step.
    term = -(a + md) * (a + b + md) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 / guard(1.0 + term * d);
    c = guard(1.0 + term / c);
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) <= kEpsilon) break;
  }
  return h;
}

// ln(1 + t^2 / df), also where t^2 / df overflows.
double log1p_t2_over_df(double t, double df) {
  const double y = t * t / df;
  return std::isfinite(y) ? std::log1p(y) : 2.0 * std::log(t) - std::log(df);
}

// ln of the density of Student's t at t with finite df.
double student_t_log_density(double t, double df) {
  return -log_gamma_ratio_half(0.5 * df) - 0.5 * std::log(std::numbers::pi * df) -
         0.5 * (df + 1.0) * log1p_t2_over_df(t, df);
}

// P(T > t) for t >= 0 and finite df is I_x(df/2, 1/2) / 2 with x = df / (df + t^2). The continued
// fraction gives it directly for t^2 above 3 df / (df + 2), where it is returned as a logarithm so
// that far tails keep their relative accuracy; nearer 0 the symmetry gives the central part
// 1/2 - P(T > t) instead, which keeps its relative accuracy as t -> 0.
struct UpperTail {
  bool central = false;
  double value = 0.0;  // ln P(T > t), or 1/2 - P(T > t) if `central`

  [[nodiscard]] double probability() const { return central ? 0.5 - value : std::exp(value); }
  [[nodiscard]] double log_probability() const { return central ? std::log(0.5 - value) : value; }
};

UpperTail student_t_upper_tail_cf(double t, double df) {
  const double a = 0.5 * df;
  const double b = 0.5;
  const double t2 = t * t;
  // ln of x^a (1 - x)^b / B(a, b), with ln x and ln(1 - x) each free of cancellation.
  const double log_front = -a * log1p_t2_over_df(t, df) - b * std::log1p(df / t2) -
                           (log_gamma_ratio_half(a) + 0.5 * std::log(std::numbers::pi));
  const double x = df / (df + t2);
  if (x < (a + 1.0) / (a + b + 2.0)) {
    return {false, std::log(0.5) + log_front + std::log(beta_continued_fraction(a, b, x) / a)};
  }
  const double y = t2 / (df + t2);  // 1 - x
  return {true, 0.5 * std::exp(log_front) * beta_continued_fraction(b, a, y) / b};
}

// The Cornish-Fisher expansion of the t quantile in the normal quantile z:
// t = z + g1(z)/df + ... + g5(z)/df^5, with g1..g4 from Abramowitz & Stegun 26.7.5 and g5 the next
// term of the series (its error then falls as df^-6, which the tests check against the continued
// fraction). Returns t, dt/dz and the last term, whose size bounds the truncation error.
struct Expansion {
  double t;
  double slope;
  double last_term;
};

Expansion cornish_fisher(double z, double df) {
  const double z2 = z * z;
  const double g1 = z * (z2 + 1.0) / 4.0;
  const double g2 = z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0;
  const double g3 = z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0;
  const double g4 = z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0;
  const double g5 = z * (((((27.0 * z2 + 339.0) * z2 + 930.0) * z2 - 1782.0) * z2 - 765.0) * z2 + 17955.0) / 368640.0;
  // The derivatives g_k'(z).
  const double d1 = (3.0 * z2 + 1.0) / 4.0;
  const double d2 = ((25.0 * z2 + 48.0) * z2 + 3.0) / 96.0;
  const double d3 = (((21.0 * z2 + 95.0) * z2 + 51.0) * z2 - 15.0) / 384.0;
  const double d4 = ((((711.0 * z2 + 5432.0) * z2 + 7410.0) * z2 - 5760.0) * z2 - 945.0) / 92160.0;
  const double d5 =
      (((((297.0 * z2 + 3051.0) * z2 + 6510.0) * z2 - 8910.0) * z2 - 2295.0) * z2 + 17955.0) / 368640.0;
  const double df5 = df * df * df * df * df;
  return {z + (g1 + (g2 + (g3 + (g4 + g5 / df) / df) / df) / df) / df,
          1.0 + (d1 + (d2 + (d3 + (d4 + d5 / df) / df) / df) / df) / df, g5 / df5};
}

// Whether the expansion is exact to double precision: its last term is below one rounding of t.
// This holds for df above about 1100 near the centre, 9000 at z = 6.4 (tail 1e-10) and 2.5e5 at
// z = 37 (tail 1e-300); the continued fraction, which loses accuracy for large df (its terms
// cancel when x is near 1), is used below that.
bool expansion_is_exact(const Expansion& e) {
  return std::isfinite(e.t) && std::fabs(e.last_term) <= kEpsilon * std::fabs(e.t);
}

// P(Z > z) for the standard normal.
double normal_upper_tail(double z) { return 0.5 * std::erfc(z / std::numbers::sqrt2); }

// The z with P(Z > z) = q, for 0 < q <= 1/2.
double normal_upper_quantile(double q) {
  // Abramowitz & Stegun 26.2.23 (absolute error below 4.5e-4) ...
  const double s = std::sqrt(-2.0 * std::log(q));
  double z = s - (2.515517 + s * (0.802853 + s * 0.010328)) / (1.0 + s * (1.432788 + s * (0.189269 + s * 0.001308)));
  // ... then Halley's method on P(Z > z) - q, which triples the correct digits each step.
  for (int i = 0; i < 3; ++i) {
    const double e = normal_upper_tail(z) - q;
    const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * z * z);  // e / density
    z += u / (1.0 - 0.5 * z * u);
  }
  return z;
}

// The t > 0 with P(T > t) = q, for 0 < q < 1/2 and df > 0.
double student_t_upper_quantile(double q, double df) {
  const Expansion guess = cornish_fisher(normal_upper_quantile(q), df);
  if (expansion_is_exact(guess)) return guess.t;
  // Newton's method in u = ln t on h(u) = ln(P(T > t) / q), which is nearly linear in u in the
  // power-law tails of small df (Newton in t would only double t per step there), started from
  // the expansion. The root stays inside a bracket [lo, hi] that shrinks with every evaluation; a
  // step that leaves it is replaced by bisection, or by a step of max(1, |u|) while one end is
  // still open. h decreases monotonically, so this always converges.
  const double log_q = std::log(q);
  double u = guess.t > 0.0 && std::isfinite(guess.t) ? std::log(guess.t) : 0.0;
  double lo = -kInf;
  double hi = kInf;
  for (int i = 0; i < 200; ++i) {
    const double t = std::min(std::exp(u), kMax);
    const UpperTail tail = student_t_upper_tail_cf(t, df);
    const double h = tail.central ? std::log1p(((0.5 - q) - tail.value) / q) : tail.value - log_q;
    if (h == 0.0) break;
    if (h > 0.0) {
      if (t == kMax) return kInf;  // beyond the largest double (tiny q with df < 1)
      lo = u;
    } else {
      hi = u;
    }
    // -dh/du = t density(t) / P(T > t).
    const double slope = std::exp(u + student_t_log_density(t, df) - tail.log_probability());
    double next = u + h / slope;
    if (!(next > lo && next < hi)) {
      if (std::isinf(hi)) {
        next = u + std::max(1.0, std::fabs(u));
      } else if (std::isinf(lo)) {
        next = u - std::max(1.0, std::fabs(u));
      } else {
        next = 0.5 * (lo + hi);
      }
    }
    const bool done = std::fabs(next - u) <= 4.0 * kEpsilon * std::max(1.0, std::fabs(u));
    u = next;
    if (done) break;
  }
  return std::exp(u);
}

// The critical value t_{df, (1 + confidence)/2}, from the upper tail (1 - confidence)/2 directly.
double two_sided_critical_value(double confidence, double df) {
  return student_t_upper_quantile(0.5 * (1.0 - confidence), df);
}

// An Estimate from the mean, sample sd and count.
Estimate make_estimate(double mean, double sd, std::size_t n, double confidence) {
  if (n == 0) return {};
  if (n == 1) return {mean, -kInf, kInf, kNaN, 1};
  const double nd = static_cast<double>(n);
  const double half_width = two_sided_critical_value(confidence, nd - 1.0) * sd / std::sqrt(nd);
  return {mean, mean - half_width, mean + half_width, sd, n};
}

}  // namespace

Estimate mean_with_ci(std::span<const double> values, double confidence) {
  check_confidence(confidence);
  const std::size_t n = values.size();
  if (n == 0) return {};
  const double nd = static_cast<double>(n);
  CompensatedSum sum;
  for (const double x : values) sum.add(x);
  const double mean = sum.value() / nd;
  if (n == 1) return make_estimate(mean, kNaN, n, confidence);
  // Corrected two-pass algorithm: sum (x - mean)^2 - (sum (x - mean))^2 / n, the second term
  // removing the error left by rounding in the mean.
  CompensatedSum deviations;
  CompensatedSum squares;
  for (const double x : values) {
    const double d = x - mean;
    deviations.add(d);
    squares.add(d * d);
  }
  const double d1 = deviations.value();
  const double corrected = squares.value() - d1 * d1 / nd;
  const double m2 = corrected < 0.0 ? 0.0 : corrected;  // keeps a NaN from NaN or infinite values
  return make_estimate(mean, std::sqrt(m2 / (nd - 1.0)), n, confidence);
}

Estimate paired_difference(std::span<const double> option, std::span<const double> baseline, double confidence) {
  if (option.size() != baseline.size()) {
    throw std::invalid_argument("paired difference needs the same number of replications for both options");
  }
  std::vector<double> differences(option.size());
  for (std::size_t i = 0; i < option.size(); ++i) differences[i] = option[i] - baseline[i];
  return mean_with_ci(differences, confidence);
}

double quantile(std::span<const double> values, double p) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile probability must be between 0 and 1");
  const std::size_t n = values.size();
  if (n == 0) return kNaN;
  if (std::any_of(values.begin(), values.end(), [](double x) { return std::isnan(x); })) return kNaN;
  std::vector<double> sorted(values.begin(), values.end());
  // R: index = 1 + (n - 1) p, lo = floor(index), h = index - lo, result (1 - h) x[lo] + h x[lo + 1]
  // unless h = 0 or the two order statistics are equal.
  const double index = 1.0 + static_cast<double>(n - 1) * p;
  const double lo_index = std::floor(index);
  const double h = index - lo_index;
  const auto lo = static_cast<std::size_t>(lo_index) - 1;  // 0-based
  const auto lo_it = sorted.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(sorted.begin(), lo_it, sorted.end());
  const double x_lo = *lo_it;
  if (h <= 0.0 || lo + 1 >= n) return x_lo;
  const double x_hi = *std::min_element(lo_it + 1, sorted.end());
  if (x_hi == x_lo) return x_lo;
  return (1.0 - h) * x_lo + h * x_hi;
}

double fraction_at_most(std::span<const double> values, double limit) {
  if (values.empty()) return kNaN;
  const auto within = std::count_if(values.begin(), values.end(), [limit](double x) { return x <= limit; });
  return static_cast<double>(within) / static_cast<double>(values.size());
}

Estimate proportion_with_ci(std::size_t successes, std::size_t trials, double confidence) {
  check_confidence(confidence);
  if (successes > trials) throw std::invalid_argument("more successes than trials");
  if (trials == 0) return {};
  const double n = static_cast<double>(trials);
  const double s = static_cast<double>(successes);
  const double p = s / n;
  // The sample sd of the 0/1 outcomes: sqrt(s (n - s) / (n (n - 1))).
  const double sd = trials > 1 ? std::sqrt(s * (n - s) / (n * (n - 1.0))) : kNaN;
  // Wilson (1927): the p with |p_hat - p| = z sqrt(p (1 - p) / n), i.e.
  // (p_hat + z^2/2n ± z sqrt(p_hat (1 - p_hat) / n + z^2 / 4n^2)) / (1 + z^2/n).
  const double z = normal_upper_quantile(0.5 * (1.0 - confidence));
  const double z2n = z * z / n;
  const double centre = (p + 0.5 * z2n) / (1.0 + z2n);
  const double half_width = z * std::sqrt(p * (1.0 - p) / n + 0.25 * z2n / n) / (1.0 + z2n);
  // At 0 and `trials` successes the interval ends exactly at 0 or 1 (rounding would miss it).
  const double low = successes == 0 ? 0.0 : std::max(0.0, centre - half_width);
  const double high = successes == trials ? 1.0 : std::min(1.0, centre + half_width);
  return {p, low, high, sd, trials};
}

double student_t_quantile(double p, double df) {
  if (!(p >= 0.0 && p <= 1.0) || !(df > 0.0)) return kNaN;
  if (p == 0.0) return -kInf;
  if (p == 1.0) return kInf;
  if (p == 0.5) return 0.0;
  // 1 - p is exact for p >= 1/2; the quantile is odd about p = 1/2.
  const double t = student_t_upper_quantile(p < 0.5 ? p : 1.0 - p, df);
  return p < 0.5 ? -t : t;
}

double student_t_cdf(double t, double df) {
  if (std::isnan(t) || !(df > 0.0)) return kNaN;
  if (std::isinf(t)) return t > 0.0 ? 1.0 : 0.0;
  const double abs_t = std::fabs(t);
  double upper = 0.0;  // P(T > |t|)
  if (std::isinf(df)) {
    upper = normal_upper_tail(abs_t);
  } else if (expansion_is_exact(cornish_fisher(abs_t, df))) {
    // The test at z = |t| is conservative (z < |t|). Invert the expansion for z by Newton's method,
    // then take the normal tail at z.
    double z = abs_t;
    for (int i = 0; i < 20; ++i) {
      const Expansion e = cornish_fisher(z, df);
      const double step = (e.t - abs_t) / e.slope;
      z -= step;
      if (std::fabs(step) <= kEpsilon * z) break;
    }
    upper = normal_upper_tail(z);
  } else {
    const UpperTail tail = student_t_upper_tail_cf(abs_t, df);
    if (tail.central) return t >= 0.0 ? 0.5 + tail.value : 0.5 - tail.value;
    upper = std::exp(tail.value);
  }
  return t >= 0.0 ? 1.0 - upper : upper;
}

double standard_normal_quantile(double p) {
  if (!(p >= 0.0 && p <= 1.0)) return kNaN;
  if (p == 0.0) return -kInf;
  if (p == 1.0) return kInf;
  if (p == 0.5) return 0.0;
  const double q = p < 0.5 ? p : 1.0 - p;
  const double z = normal_upper_quantile(q);
  return p < 0.5 ? -z : z;
}

void RunningMoments::add(double value) {
  ++count_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (value - mean_);
  min_ = std::fmin(min_, value);
  max_ = std::fmax(max_, value);
}

void RunningMoments::merge(const RunningMoments& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const double na = static_cast<double>(count_);
  const double nb = static_cast<double>(other.count_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  count_ += other.count_;
  min_ = std::fmin(min_, other.min_);
  max_ = std::fmax(max_, other.max_);
}

double RunningMoments::mean() const { return count_ == 0 ? kNaN : mean_; }

double RunningMoments::variance() const { return count_ < 2 ? kNaN : m2_ / static_cast<double>(count_ - 1); }

double RunningMoments::sd() const { return std::sqrt(variance()); }

double RunningMoments::min() const { return count_ == 0 ? kNaN : min_; }

double RunningMoments::max() const { return count_ == 0 ? kNaN : max_; }

Estimate RunningMoments::estimate(double confidence) const {
  check_confidence(confidence);
  return make_estimate(mean(), sd(), count_, confidence);
}

}  // namespace mdasim

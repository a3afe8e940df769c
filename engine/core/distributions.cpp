// Random variates from uniforms: inversion, polar method, PTRS, alias tables.
#include "core/distributions.hpp"

#include <cmath>
#include <numbers>

namespace mdasim {

double sample_exponential(RandomStream& rng, double mean) { return -mean * std::log(rng.uniform_open()); }

double sample_standard_normal(RandomStream& rng) {
  for (;;) {
    const double u = 2.0 * rng.uniform() - 1.0;
    const double v = 2.0 * rng.uniform() - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

double sample_normal(RandomStream& rng, double mean, double sd) { return mean + sd * sample_standard_normal(rng); }

double sample_normal_nonnegative(RandomStream& rng, double mean, double sd) {
  if (sd <= 0.0) return std::max(mean, 0.0);
  const double alpha = -mean / sd;  // the truncation point in standard units
  if (alpha <= 1.0) {
    // Plain rejection accepts with probability >= P(Z > 1) = 0.16.
    for (;;) {
      const double x = sample_normal(rng, mean, sd);
      if (x >= 0.0) return x;
    }
  }
  // Robert (1995): exponential proposals with the optimal rate for a far tail.
  const double lambda = 0.5 * (alpha + std::sqrt(alpha * alpha + 4.0));
  for (;;) {
    const double z = alpha + sample_exponential(rng, 1.0 / lambda);
    const double rho = std::exp(-0.5 * (z - lambda) * (z - lambda));
    if (rng.uniform() <= rho) return mean + sd * z;
  }
}

double sample_lognormal(RandomStream& rng, double median, double sigma) {
  return median * std::exp(sigma * sample_standard_normal(rng));
}

double sample_weibull(RandomStream& rng, double scale, double shape) {
  return scale * std::pow(-std::log(rng.uniform_open()), 1.0 / shape);
}

double sample_uniform(RandomStream& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

namespace {
// ln k! : exact table below 10, Stirling's series beyond (error below 1e-10 there). Written out
// rather than std::lgamma, which sets the global signgam and so is not thread-safe.
double log_factorial(double k) {
  static constexpr double kTable[10] = {0.0, 0.0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458,
                                        4.787491742782046, 6.579251212010101, 8.525161361065415,
                                        10.60460290274525, 12.801827480081469};
  if (k < 10.0) return kTable[static_cast<int>(k)];
  const double n = k + 1.0;
  const double n2 = n * n;
  return (n - 0.5) * std::log(n) - n + 0.5 * std::log(2.0 * std::numbers::pi) +
         1.0 / (12.0 * n) - 1.0 / (360.0 * n * n2) + 1.0 / (1260.0 * n * n2 * n2);
}
}  // namespace

std::uint64_t sample_poisson(RandomStream& rng, double mean) {
  if (mean <= 0.0) return 0;
  if (mean < 10.0) {
    // Count uniforms until their product drops below exp(-mean).
    const double limit = std::exp(-mean);
    double product = rng.uniform_open();
    std::uint64_t k = 0;
    while (product > limit) {
      product *= rng.uniform_open();
      ++k;
    }
    return k;
  }
  // PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random
  // variables", Insurance: Mathematics and Economics 12 (1993) 39-45.
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = rng.uniform() - 0.5;
    const double v = rng.uniform_open();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - log_factorial(k)) {
      return static_cast<std::uint64_t>(k);
    }
  }
}

double sample(RandomStream& rng, const Distribution& d) {
  switch (d.kind) {
    case Distribution::Kind::kFixed: return d.a;
    case Distribution::Kind::kExponential: return sample_exponential(rng, d.a);
    case Distribution::Kind::kUniform: return sample_uniform(rng, d.a, d.b);
    case Distribution::Kind::kNormal: return sample_normal_nonnegative(rng, d.a, d.b);
    case Distribution::Kind::kLognormal: return sample_lognormal(rng, d.a, d.b);
    case Distribution::Kind::kWeibull: return sample_weibull(rng, d.a, d.b);
  }
  return d.a;
}

DiscreteChoice::DiscreteChoice(std::span<const double> weights) {
  const std::size_t n = weights.size();
  probability_.assign(n, 0.0);
  alias_.assign(n, 0);
  double total = 0.0;
  for (double w : weights) total += w;
  if (n == 0 || total <= 0.0) {
    probability_.clear();
    alias_.clear();
    return;
  }
  // Vose's stable construction of Walker's alias table.
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / total;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    probability_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (std::uint32_t i : large) probability_[i] = 1.0;
  for (std::uint32_t i : small) probability_[i] = 1.0;  // rounding leftovers
}

std::size_t DiscreteChoice::sample(RandomStream& rng) const {
  const std::size_t column = static_cast<std::size_t>(rng.below(probability_.size()));
  return rng.uniform() < probability_[column] ? column : alias_[column];
}

}  // namespace mdasim

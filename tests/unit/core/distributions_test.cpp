// Each distribution's mean and variance against theory (tolerances of five standard errors of
// the estimate, so a correct sampler fails about once in a few million runs and the fixed seeds
// make the test deterministic), plus quantiles for the inversions.
#include "core/distributions.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

template <typename Draw>
Moments moments(int n, Draw&& draw) {
  // Welford's running mean and variance.
  double mean = 0.0;
  double m2 = 0.0;
  for (int i = 1; i <= n; ++i) {
    const double x = draw();
    const double d = x - mean;
    mean += d / i;
    m2 += d * (x - mean);
  }
  return {mean, m2 / (n - 1)};
}

constexpr int kN = 400000;

// |estimate - truth| within five standard errors of the mean.
void expect_mean(const Moments& m, double mean, double variance) {
  EXPECT_NEAR(m.mean, mean, 5.0 * std::sqrt(variance / kN));
}

TEST(Distributions, Exponential) {
  RandomStream rng(1, 0, 0, StreamPurpose::kTest);
  const Moments m = moments(kN, [&] { return sample_exponential(rng, 4.0); });
  expect_mean(m, 4.0, 16.0);
  EXPECT_NEAR(m.variance, 16.0, 16.0 * 0.03);
}

TEST(Distributions, Normal) {
  RandomStream rng(2, 0, 0, StreamPurpose::kTest);
  const Moments m = moments(kN, [&] { return sample_normal(rng, 10.0, 2.0); });
  expect_mean(m, 10.0, 4.0);
  EXPECT_NEAR(m.variance, 4.0, 4.0 * 0.015);
}

TEST(Distributions, NormalTruncatedAtZero) {
  // Half-normal: mean sd*sqrt(2/pi), variance sd^2 (1 - 2/pi).
  RandomStream rng(3, 0, 0, StreamPurpose::kTest);
  const Moments m = moments(kN, [&] { return sample_normal_nonnegative(rng, 0.0, 3.0); });
  expect_mean(m, 3.0 * std::sqrt(2.0 / std::numbers::pi), 9.0 * (1.0 - 2.0 / std::numbers::pi));
  EXPECT_NEAR(m.variance, 9.0 * (1.0 - 2.0 / std::numbers::pi), 0.03);
  // A far tail (mean -3 sd): the mean of N(-3, 1) given X >= 0 is -3 + phi(3)/(1 - Phi(3)).
  const double phi3 = std::exp(-4.5) / std::sqrt(2.0 * std::numbers::pi);
  const double tail3 = 0.5 * std::erfc(3.0 / std::numbers::sqrt2);
  const Moments t = moments(kN, [&] { return sample_normal_nonnegative(rng, -3.0, 1.0); });
  EXPECT_NEAR(t.mean, -3.0 + phi3 / tail3, 0.003);
  EXPECT_GE(t.mean, 0.0);
}

TEST(Distributions, Lognormal) {
  // Mean median*exp(s^2/2), variance (exp(s^2) - 1) exp(2 ln median + s^2).
  RandomStream rng(4, 0, 0, StreamPurpose::kTest);
  const double median = 6.0;
  const double s = 0.5;
  const double mean = median * std::exp(s * s / 2.0);
  const double var = (std::exp(s * s) - 1.0) * median * median * std::exp(s * s);
  const Moments m = moments(kN, [&] { return sample_lognormal(rng, median, s); });
  expect_mean(m, mean, var);
  EXPECT_NEAR(m.variance, var, var * 0.05);
}

TEST(Distributions, Weibull) {
  // Mean scale Gamma(1 + 1/k), variance scale^2 (Gamma(1 + 2/k) - Gamma(1 + 1/k)^2).
  RandomStream rng(5, 0, 0, StreamPurpose::kTest);
  const double scale = 30.0;
  const double k = 1.5;
  const double g1 = std::tgamma(1.0 + 1.0 / k);
  const double g2 = std::tgamma(1.0 + 2.0 / k);
  const Moments m = moments(kN, [&] { return sample_weibull(rng, scale, k); });
  expect_mean(m, scale * g1, scale * scale * (g2 - g1 * g1));
  EXPECT_NEAR(m.variance, scale * scale * (g2 - g1 * g1), scale * scale * (g2 - g1 * g1) * 0.03);
  // Median scale (ln 2)^(1/k).
  std::vector<double> xs(20001);
  for (double& x : xs) x = sample_weibull(rng, scale, k);
  std::nth_element(xs.begin(), xs.begin() + 10000, xs.end());
  EXPECT_NEAR(xs[10000], scale * std::pow(std::log(2.0), 1.0 / k), 0.5);
}

TEST(Distributions, Uniform) {
  RandomStream rng(6, 0, 0, StreamPurpose::kTest);
  const Moments m = moments(kN, [&] { return sample_uniform(rng, 2.0, 8.0); });
  expect_mean(m, 5.0, 3.0);
  EXPECT_NEAR(m.variance, 3.0, 0.03);
}

TEST(Distributions, PoissonSmallAndLargeMeans) {
  // Mean = variance = lambda, on both branches (multiplication below 10, PTRS above).
  for (double lambda : {0.3, 4.0, 9.9, 10.0, 37.5, 1000.0}) {
    RandomStream rng(7, 0, static_cast<std::uint64_t>(lambda * 10), StreamPurpose::kTest);
    const Moments m = moments(kN, [&] { return static_cast<double>(sample_poisson(rng, lambda)); });
    expect_mean(m, lambda, lambda);
    EXPECT_NEAR(m.variance, lambda, lambda * 0.02) << lambda;
  }
}

TEST(Distributions, PoissonProbabilitiesForMeanTwelve) {
  // P(K = 12) for mean 12 is 12^12 e^-12 / 12! = 0.114368.
  RandomStream rng(8, 0, 0, StreamPurpose::kTest);
  int hits = 0;
  for (int i = 0; i < kN; ++i) hits += sample_poisson(rng, 12.0) == 12 ? 1 : 0;
  EXPECT_NEAR(static_cast<double>(hits) / kN, 0.114368, 5.0 * std::sqrt(0.114368 * (1 - 0.114368) / kN));
}

TEST(Distributions, DiscreteChoiceFrequencies) {
  const std::vector<double> weights{1.0, 0.0, 3.0, 6.0};
  const DiscreteChoice choice(weights);
  RandomStream rng(9, 0, 0, StreamPurpose::kTest);
  std::vector<int> counts(4, 0);
  for (int i = 0; i < kN; ++i) ++counts[choice.sample(rng)];
  EXPECT_EQ(counts[1], 0);
  for (std::size_t i : {0u, 2u, 3u}) {
    const double p = weights[i] / 10.0;
    EXPECT_NEAR(counts[i] / static_cast<double>(kN), p, 5.0 * std::sqrt(p * (1 - p) / kN));
  }
}

TEST(Distributions, ScenarioDistributionsDispatch) {
  RandomStream rng(10, 0, 0, StreamPurpose::kTest);
  Distribution fixed;
  fixed.kind = Distribution::Kind::kFixed;
  fixed.a = 6.0;
  EXPECT_DOUBLE_EQ(sample(rng, fixed), 6.0);
  Distribution w;
  w.kind = Distribution::Kind::kWeibull;
  w.a = 30.0;
  w.b = 1.5;
  const Moments m = moments(kN, [&] { return sample(rng, w); });
  EXPECT_NEAR(m.mean, w.mean_h(), 0.15);
}

}  // namespace
}  // namespace mdasim

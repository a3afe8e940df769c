// Means of the duration distributions, against closed forms evaluated by hand.
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "scenario/scenario.hpp"

namespace mdasim {
namespace {

Distribution make(Distribution::Kind kind, double a, double b = 0.0) {
  Distribution d;
  d.kind = kind;
  d.a = a;
  d.b = b;
  return d;
}

TEST(Distribution, Means) {
  EXPECT_DOUBLE_EQ(make(Distribution::Kind::kFixed, 6.0).mean_h(), 6.0);
  EXPECT_DOUBLE_EQ(make(Distribution::Kind::kExponential, 4.0).mean_h(), 4.0);
  EXPECT_DOUBLE_EQ(make(Distribution::Kind::kUniform, 2.0, 6.0).mean_h(), 4.0);
  // Lognormal: median * exp(sigma^2 / 2) = 6 * exp(0.32) = 6 * 1.3771278 = 8.2627666
  EXPECT_NEAR(make(Distribution::Kind::kLognormal, 6.0, 0.8).mean_h(), 8.2627666, 1e-6);
  // Weibull: scale * Gamma(1 + 1/shape) = 30 * Gamma(5/3) = 30 * 0.9027453 = 27.08236
  EXPECT_NEAR(make(Distribution::Kind::kWeibull, 30.0, 1.5).mean_h(), 27.08236, 1e-4);
  // Weibull with shape 1 is exponential.
  EXPECT_NEAR(make(Distribution::Kind::kWeibull, 5.0, 1.0).mean_h(), 5.0, 1e-12);
  // Normal(0, 1) truncated at 0 is the half-normal: sqrt(2 / pi) = 0.7978846
  EXPECT_NEAR(make(Distribution::Kind::kNormal, 0.0, 1.0).mean_h(), std::sqrt(2.0 / std::numbers::pi), 1e-12);
  // Far from zero the truncation hardly matters.
  EXPECT_NEAR(make(Distribution::Kind::kNormal, 50.0, 5.0).mean_h(), 50.0, 1e-9);
}

TEST(Distribution, Quantiles) {
  EXPECT_DOUBLE_EQ(make(Distribution::Kind::kFixed, 6.0).quantile_h(0.3), 6.0);
  // Exponential mean 2: median 2 ln 2 = 1.3862944
  EXPECT_NEAR(make(Distribution::Kind::kExponential, 2.0).quantile_h(0.5), 1.3862944, 1e-7);
  EXPECT_DOUBLE_EQ(make(Distribution::Kind::kUniform, 1.0, 3.0).quantile_h(0.25), 1.5);
  // Lognormal median 12, sigma 0.8: 12 exp(0.8 z_0.99), z_0.99 = 2.3263479 -> 77.164
  EXPECT_NEAR(make(Distribution::Kind::kLognormal, 12.0, 0.8).quantile_h(0.99), 12.0 * std::exp(0.8 * 2.3263479), 1e-5);
  EXPECT_NEAR(make(Distribution::Kind::kLognormal, 12.0, 0.8).quantile_h(0.5), 12.0, 1e-9);
  // Weibull scale 72, shape 0.9: 72 (ln 100)^(1/0.9) = 72 x 5.4621 = 393.3
  EXPECT_NEAR(make(Distribution::Kind::kWeibull, 72.0, 0.9).quantile_h(0.99), 72.0 * std::pow(4.6051702, 1.0 / 0.9), 1e-4);
  // Half-normal (normal 0, 1 truncated at 0): median z_0.75 = 0.6744898
  EXPECT_NEAR(make(Distribution::Kind::kNormal, 0.0, 1.0).quantile_h(0.5), 0.6744898, 1e-7);
  // Far from zero the truncation hardly matters: 50 + 5 z_0.9 = 50 + 5 x 1.2815516
  EXPECT_NEAR(make(Distribution::Kind::kNormal, 50.0, 5.0).quantile_h(0.9), 56.407758, 1e-5);
}

}  // namespace
}  // namespace mdasim

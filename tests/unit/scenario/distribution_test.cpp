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

}  // namespace
}  // namespace mdasim

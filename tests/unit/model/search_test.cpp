// Random search on scene: hand-computed coverage and times, the closed form against numerical
// integration of the detection rate, and sampled times against the POD curve.
#include "model/search.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(Search, FixedAreaByHand) {
  // W = 2 nm, V = 100 kt, E0 = 5 nm, no drift: A = 25 pi = 78.54 nm^2, sweep rate 200 nm^2/h.
  const SearchSetup s{2.0, 100.0, 5.0, 0.0, 3.0};
  EXPECT_NEAR(search_coverage(s, 1.0), 200.0 / (25.0 * std::numbers::pi), 1e-12);  // 2.546
  EXPECT_NEAR(search_pod(s, 0.5), 1.0 - std::exp(-100.0 / (25.0 * std::numbers::pi)), 1e-12);
  // Coverage 1 (POD 63.2%) after A / (W V) = 0.3927 h.
  EXPECT_NEAR(search_time_for_coverage_h(s, 1.0), 25.0 * std::numbers::pi / 200.0, 1e-12);
  EXPECT_DOUBLE_EQ(search_coverage(s, 0.0), 0.0);
}

TEST(Search, ClosedFormMatchesNumericalIntegrationWithDrift) {
  // E0 = 3 nm, d = 1.5 kt, the datum 4 h old: integrate W V / (pi E(t)^2) by Simpson's rule.
  const SearchSetup s{0.5, 12.0, 3.0, 1.5, 4.0};
  for (double t : {0.5, 2.0, 10.0, 40.0}) {
    const int n = 20000;
    const double h = t / n;
    double sum = 0.0;
    for (int i = 0; i <= n; ++i) {
      const double tau = s.datum_age_h + i * h;
      const double f = s.sweep_width_nm * s.search_speed_kt /
                       (std::numbers::pi * (s.initial_error_nm * s.initial_error_nm + 2.25 * tau * tau));
      sum += f * (i == 0 || i == n ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0));
    }
    EXPECT_NEAR(search_coverage(s, t), sum * h / 3.0, 1e-9) << t;
  }
}

TEST(Search, InverseOfTheCoverage) {
  const SearchSetup s{0.5, 12.0, 3.0, 1.5, 4.0};
  for (double e : {0.01, 0.1, 0.19}) {  // the limit here is 0.1968
    const double t = search_time_for_coverage_h(s, e);
    ASSERT_TRUE(std::isfinite(t));
    EXPECT_NEAR(search_coverage(s, t), e, 1e-9);
  }
}

TEST(Search, ShortSearchOfAnOldDatumKeepsItsDigits) {
  // W V = 100 nm^2/h, E0 = 1 nm, d = 1 kt, the datum 1000 h old: over t = 1e-8 h the area is
  // A(tau0) = pi (1 + 10^6) nm^2 to a relative 2e-11, so C = W V t / A(tau0) = 3.1831e-13. As
  // a difference of two arctangents near pi/2 it would keep only two digits.
  const SearchSetup s{1.0, 100.0, 1.0, 1.0, 1000.0};
  const double area = std::numbers::pi * (1.0 + 1e6);
  const double expected = 100.0 * 1e-8 / area;
  EXPECT_NEAR(search_coverage(s, 1e-8) / expected, 1.0, 1e-9);
  EXPECT_NEAR(search_time_for_coverage_h(s, expected) / 1e-8, 1.0, 1e-9);
}

TEST(Search, DriftingObjectMayNeverBeFound) {
  // The coverage tends to W V / (pi d E0) (pi/2 - atan(d tau0 / E0)); beyond it, never.
  const SearchSetup s{0.5, 12.0, 3.0, 1.5, 4.0};
  const double limit = 6.0 / (std::numbers::pi * 1.5 * 3.0) * (0.5 * std::numbers::pi - std::atan(2.0));
  EXPECT_NEAR(search_coverage(s, 1e9), limit, 1e-6);
  EXPECT_TRUE(std::isinf(search_time_for_coverage_h(s, limit * 1.01)));
  EXPECT_TRUE(std::isfinite(search_time_for_coverage_h(s, limit * 0.99)));
}

TEST(Search, SampledTimesFollowThePodCurve) {
  // The fraction of sampled times within t equals POD(t).
  const SearchSetup s{1.0, 90.0, 8.0, 0.7, 6.0};
  RandomStream rng(4, 0, 0, StreamPurpose::kSearch);
  constexpr int kN = 100000;
  const double checkpoints[] = {0.5, 1.0, 3.0};
  int within[3] = {0, 0, 0};
  for (int i = 0; i < kN; ++i) {
    const double t = sample_time_to_find_h(s, rng);
    for (int k = 0; k < 3; ++k) within[k] += t <= checkpoints[k] ? 1 : 0;
  }
  for (int k = 0; k < 3; ++k) {
    const double p = search_pod(s, checkpoints[k]);
    EXPECT_NEAR(within[k] / static_cast<double>(kN), p, 5.0 * std::sqrt(p * (1 - p) / kN)) << checkpoints[k];
  }
}

TEST(Search, NoSensorNoDetection) {
  const SearchSetup s{0.0, 100.0, 5.0, 0.0, 0.0};
  EXPECT_DOUBLE_EQ(search_coverage(s, 10.0), 0.0);
  EXPECT_TRUE(std::isinf(search_time_for_coverage_h(s, 0.5)));
}

}  // namespace
}  // namespace mdasim

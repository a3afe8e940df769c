// Detection models: hand-computed radar horizons, lateral-range curves against hand values,
// their sweep widths against adaptive-Simpson quadrature, and the inverse of the inverse cube.
#include "model/detection.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Adaptive Simpson quadrature of f over [a, b] to about `tolerance` (Richardson-corrected). Every
// branch is split at least kMinLevel times so that a narrow feature is not missed by the first
// few samples.
constexpr int kMinLevel = 6;
constexpr int kMaxLevel = 60;

double simpson_step(const std::function<double(double)>& f, double a, double b, double fa, double fm, double fb,
                    double whole, double tolerance, int level) {
  const double m = 0.5 * (a + b);
  const double lm = 0.5 * (a + m);
  const double rm = 0.5 * (m + b);
  const double flm = f(lm);
  const double frm = f(rm);
  const double left = (m - a) / 6.0 * (fa + 4.0 * flm + fm);
  const double right = (b - m) / 6.0 * (fm + 4.0 * frm + fb);
  const double delta = left + right - whole;
  if (level >= kMaxLevel || (level >= kMinLevel && std::abs(delta) <= 15.0 * tolerance)) {
    return left + right + delta / 15.0;
  }
  return simpson_step(f, a, m, fa, flm, fm, left, 0.5 * tolerance, level + 1) +
         simpson_step(f, m, b, fm, frm, fb, right, 0.5 * tolerance, level + 1);
}

double integrate(const std::function<double(double)>& f, double a, double b, double tolerance) {
  const double fa = f(a);
  const double fb = f(b);
  const double fm = f(0.5 * (a + b));
  const double whole = (b - a) / 6.0 * (fa + 4.0 * fm + fb);
  return simpson_step(f, a, b, fa, fm, fb, whole, tolerance, 0);
}

TEST(Detection, RadarHorizonByHand) {
  // 4.12 (sqrt(100) + sqrt(2)) = 4.12 * 11.41421 = 47.0266 km = 25.3923 nm.
  EXPECT_NEAR(radar_horizon_nm(100.0, 2.0), 25.392311, 1e-6);
  // 4.12 (sqrt(25) + sqrt(10)) = 4.12 * 8.16228 = 33.6286 km = 18.1580 nm.
  EXPECT_NEAR(radar_horizon_nm(25.0, 10.0), 18.157983, 1e-6);
  // A target on the water: the antenna's own horizon, 41.2 km = 22.2462 nm.
  EXPECT_NEAR(radar_horizon_nm(100.0, 0.0), 22.246220, 1e-6);
  EXPECT_NEAR(radar_horizon_nm(100.0, -3.0), 22.246220, 1e-6);
  // Symmetric in the two heights.
  EXPECT_DOUBLE_EQ(radar_horizon_nm(2.0, 100.0), radar_horizon_nm(100.0, 2.0));
  EXPECT_DOUBLE_EQ(radar_horizon_nm(0.0, 0.0), 0.0);
}

TEST(Detection, RadarRangeIsCappedByTheInstrumentedRange) {
  EXPECT_DOUBLE_EQ(radar_detection_range_nm(100.0, 2.0, 20.0), 20.0);        // range-limited
  EXPECT_NEAR(radar_detection_range_nm(100.0, 2.0, 30.0), 25.392311, 1e-6);   // horizon-limited
  EXPECT_NEAR(radar_detection_range_nm(25.0, 10.0, 200.0), 18.157983, 1e-6);
}

TEST(Detection, DefiniteRangeByHand) {
  EXPECT_DOUBLE_EQ(definite_range_sweep_width_nm(1.5), 3.0);
  const auto p = [](double x) { return lateral_range_pod(DetectionModel::kDefiniteRange, 3.0, x); };
  EXPECT_DOUBLE_EQ(p(0.0), 1.0);
  EXPECT_DOUBLE_EQ(p(1.0), 1.0);
  EXPECT_DOUBLE_EQ(p(1.5), 1.0);  // the boundary is inside
  EXPECT_DOUBLE_EQ(p(-1.5), 1.0);
  EXPECT_DOUBLE_EQ(p(std::nextafter(1.5, kInf)), 0.0);
  EXPECT_DOUBLE_EQ(p(-std::nextafter(1.5, kInf)), 0.0);
  EXPECT_DOUBLE_EQ(p(10.0), 0.0);
  // A cap inside the definite range shortens it.
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kDefiniteRange, 3.0, 1.0, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kDefiniteRange, 3.0, 1.2, 1.0), 0.0);
}

TEST(Detection, InverseCubeByHand) {
  // W = 2 nm: c = W^2 / (4 pi) = 1 / pi.
  const auto p = [](double x) { return lateral_range_pod(DetectionModel::kInverseCube, 2.0, x); };
  EXPECT_DOUBLE_EQ(p(0.0), 1.0);
  EXPECT_NEAR(p(1.0), 0.272622650705, 1e-12);    // 1 - exp(-1/pi)
  EXPECT_NEAR(p(-1.0), 0.272622650705, 1e-12);
  EXPECT_NEAR(p(2.0), 0.076493528277, 1e-12);    // 1 - exp(-1/(4 pi))
  EXPECT_NEAR(p(1000.0), 3.183098355e-7, 1e-16);  // the tail: c/x^2 - c^2/(2 x^4), c = 1/pi
  EXPECT_NEAR(p(1e-3), 1.0, 1e-15);
}

TEST(Detection, CertainAtZeroLateralRange) {
  for (DetectionModel law : {DetectionModel::kDefiniteRange, DetectionModel::kInverseCube}) {
    EXPECT_DOUBLE_EQ(lateral_range_pod(law, 0.5, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(lateral_range_pod(law, 0.5, 0.0, 0.1), 1.0);
    EXPECT_DOUBLE_EQ(lateral_range_pod(law, 0.0, 0.0), 0.0);  // no sensor, no detection
    EXPECT_DOUBLE_EQ(lateral_range_pod(law, -1.0, 0.3), 0.0);
  }
}

TEST(Detection, CurvesAreNonIncreasingInLateralRange) {
  for (DetectionModel law : {DetectionModel::kDefiniteRange, DetectionModel::kInverseCube}) {
    for (double cap : {kInf, 1.7}) {
      double previous = 1.0;
      for (int i = 0; i <= 4000; ++i) {
        const double x = 0.0025 * i;  // 0 to 10 nm
        const double p = lateral_range_pod(law, 2.5, x, cap);
        EXPECT_LE(p, previous) << to_string(law) << " x=" << x << " cap=" << cap;
        EXPECT_GE(p, 0.0);
        EXPECT_DOUBLE_EQ(p, lateral_range_pod(law, 2.5, -x, cap));  // symmetric
        previous = p;
      }
    }
  }
}

TEST(Detection, DefiniteRangeIntegratesToTheSweepWidth) {
  for (double w : {0.3, 3.0, 17.0}) {
    const auto p = [w](double x) { return lateral_range_pod(DetectionModel::kDefiniteRange, w, x); };
    // Asymmetric limits keep the jumps at +-w/2 off the bisection points, so the value on the
    // boundary does not matter to the integral.
    const double integral = integrate(p, -2.2 * w, 1.9 * w, 1e-12 * w);
    EXPECT_NEAR(integral, w, 1e-6 * w) << w;
  }
}

TEST(Detection, InverseCubeIntegratesToTheSweepWidth) {
  // Quadrature over [-X, X]; beyond, 1 - exp(-c/x^2) = c/x^2 - c^2/(2 x^4) + ..., whose two
  // tails integrate to 2 (c/X - c^2/(6 X^3)).
  for (double w : {0.3, 2.0, 12.0}) {
    const double c = w * w / (4.0 * std::numbers::pi);
    const double big_x = 50.0 * w;
    const auto p = [w](double x) { return lateral_range_pod(DetectionModel::kInverseCube, w, x); };
    const double inside = integrate(p, -big_x, big_x, 1e-12 * w);
    const double tails = 2.0 * (c / big_x - c * c / (6.0 * big_x * big_x * big_x));
    EXPECT_NEAR(inside + tails, w, 1e-6 * w) << w;
    // Without the tail correction the quadrature falls visibly short (by about 0.32%).
    EXPECT_GT(w - inside, 1e-3 * w) << w;
  }
}

TEST(Detection, CappedSweepWidthMatchesQuadrature) {
  // W = 2 nm capped at 1 nm: 2 (1 - exp(-1/pi)) + 2 erfc(1/sqrt(pi)) = 1.3951203 (also by a
  // midpoint sum of 2e6 cells).
  EXPECT_NEAR(capped_sweep_width_nm(DetectionModel::kInverseCube, 2.0, 1.0), 1.3951202688, 1e-9);
  for (double w : {0.5, 2.0, 9.0}) {
    for (double cap : {0.05, 0.4, 1.0, 3.0, 25.0}) {
      const double r = cap * w;
      const auto p = [w, r](double x) { return lateral_range_pod(DetectionModel::kInverseCube, w, x, r); };
      const double integral = integrate(p, -r, r, 1e-12 * w);
      EXPECT_NEAR(capped_sweep_width_nm(DetectionModel::kInverseCube, w, r), integral, 1e-6 * integral)
          << w << " " << r;
      EXPECT_LT(integral, w);
    }
  }
  EXPECT_DOUBLE_EQ(capped_sweep_width_nm(DetectionModel::kInverseCube, 2.0, kInf), 2.0);
  EXPECT_NEAR(capped_sweep_width_nm(DetectionModel::kInverseCube, 2.0, 1e6), 2.0, 1e-6);
  EXPECT_DOUBLE_EQ(capped_sweep_width_nm(DetectionModel::kDefiniteRange, 3.0, 1.0), 2.0);
  EXPECT_DOUBLE_EQ(capped_sweep_width_nm(DetectionModel::kDefiniteRange, 3.0, 4.0), 3.0);
  EXPECT_DOUBLE_EQ(capped_sweep_width_nm(DetectionModel::kInverseCube, 2.0, 0.0), 0.0);
}

TEST(Detection, CappedInverseCubeIsZeroBeyondTheCap) {
  const double w = 2.0;
  const double r = 1.5;
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kInverseCube, w, r, r),
                   lateral_range_pod(DetectionModel::kInverseCube, w, r));
  EXPECT_NEAR(lateral_range_pod(DetectionModel::kInverseCube, w, r, r), 1.0 - std::exp(-1.0 / (2.25 * std::numbers::pi)),
              1e-15);
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kInverseCube, w, std::nextafter(r, kInf), r), 0.0);
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kInverseCube, w, -2.0, r), 0.0);
  EXPECT_DOUBLE_EQ(lateral_range_pod(DetectionModel::kInverseCube, w, 0.7, r),
                   lateral_range_pod(DetectionModel::kInverseCube, w, 0.7));
}

TEST(Detection, InverseCubeRangeForProbabilityByHand) {
  // p >= 0.5 inside W / sqrt(4 pi ln 2) = 0.338830 W.
  EXPECT_NEAR(inverse_cube_range_for_probability_nm(1.0, 0.5), 0.3388303758, 1e-10);
  EXPECT_NEAR(inverse_cube_range_for_probability_nm(4.0, 0.5), 4.0 * 0.3388303758, 1e-9);
  // p(1 nm) for W = 2 is 1 - exp(-1/pi).
  EXPECT_NEAR(inverse_cube_range_for_probability_nm(2.0, 0.272622650705), 1.0, 1e-11);
  EXPECT_TRUE(std::isinf(inverse_cube_range_for_probability_nm(2.0, 0.0)));
  EXPECT_DOUBLE_EQ(inverse_cube_range_for_probability_nm(2.0, 1.0), 0.0);
  EXPECT_DOUBLE_EQ(inverse_cube_range_for_probability_nm(0.0, 0.5), 0.0);
}

TEST(Detection, InverseCubeRangeRoundTrips) {
  for (double w : {0.2, 2.0, 15.0}) {
    for (double prob : {1e-6, 0.01, 0.1, 0.5, 0.9, 0.999}) {
      const double x = inverse_cube_range_for_probability_nm(w, prob);
      EXPECT_NEAR(lateral_range_pod(DetectionModel::kInverseCube, w, x), prob, 1e-12 * std::max(prob, 1e-3))
          << w << " " << prob;
    }
    for (double k : {0.2, 0.5, 1.0, 7.0, 60.0}) {  // nearer, 1 - p is too small to invert well
      const double x = k * w;
      const double prob = lateral_range_pod(DetectionModel::kInverseCube, w, x);
      EXPECT_NEAR(inverse_cube_range_for_probability_nm(w, prob), x, 1e-9 * x) << w << " " << x;
    }
  }
}

}  // namespace
}  // namespace mdasim

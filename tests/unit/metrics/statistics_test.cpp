// Statistics over replications against published tables, closed forms and values computed by hand
// in the comments; coverage of the paired interval on synthetic common-random-number experiments
// from fixed seeds (so deterministic); the running accumulator's merge against one accumulator.
#include "metrics/statistics.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Half a unit in the last place of a table given to 3 decimals.
constexpr double kTable = 0.0005;

// --- Student-t and normal quantiles ---

TEST(StatisticsStudentT, MatchesPublishedTableValues) {
  // Two-sided 95% (p = 0.975), one-sided 95% and two-sided 99% critical values from the t table
  // of any statistics text (e.g. the NIST/SEMATECH e-Handbook, section 1.3.6.7.2).
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.303, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 4), 2.776, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 7), 2.365, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.228, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 30), 2.042, kTable);
  EXPECT_NEAR(student_t_quantile(0.95, 5), 2.015, kTable);
  EXPECT_NEAR(student_t_quantile(0.995, 20), 2.845, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 120), 1.980, kTable);
  // The table's last row, df = infinity: the normal 1.960.
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.960, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, 1e12), 1.960, kTable);
  EXPECT_NEAR(student_t_quantile(0.975, kInf), 1.960, kTable);
}

TEST(StatisticsStudentT, MatchesClosedFormsForOneAndTwoDegreesOfFreedom) {
  // df = 1 is the Cauchy distribution: t = tan(pi (p - 1/2)). df = 2: t = (2p - 1) / sqrt(2 p (1-p)).
  for (int i = 1; i < 200; ++i) {
    const double p = i / 200.0;
    const double cauchy = std::tan(std::numbers::pi * (p - 0.5));
    const double two = (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p));
    EXPECT_NEAR(student_t_quantile(p, 1), cauchy, 1e-13 * std::max(1.0, std::fabs(cauchy))) << p;
    EXPECT_NEAR(student_t_quantile(p, 2), two, 1e-13 * std::max(1.0, std::fabs(two))) << p;
  }
  // Far tails keep their relative accuracy: P(T > t) ~ 1/(pi t) for the Cauchy.
  EXPECT_NEAR(student_t_quantile(1e-12, 1) / (-1.0 / (std::numbers::pi * 1e-12)), 1.0, 1e-12);
  EXPECT_NEAR(student_t_quantile(1e-300, 1) / (-1.0 / (std::numbers::pi * 1e-300)), 1.0, 1e-12);
}

TEST(StatisticsStudentT, MatchesHighPrecisionValuesAcrossTheLargeDfMethod) {
  // Quantiles from the regularized incomplete beta function in 40-digit arithmetic (mpmath
  // betainc and findroot), on both sides of where the implementation changes from the continued
  // fraction to the Cornish-Fisher expansion (df about 1100 for p = 0.975, 9000 for p = 1e-10).
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.2281388519862742, 1e-13);
  EXPECT_NEAR(student_t_quantile(0.975, 1000), 1.9623390808264081, 1e-13);
  EXPECT_NEAR(student_t_quantile(0.995, 1200), 2.5799325688329548, 5e-14);
  EXPECT_NEAR(student_t_quantile(0.975, 1500), 1.9615467538950187, 5e-14);
  EXPECT_NEAR(student_t_quantile(0.975, 3000), 1.9607550553224585, 5e-14);
  EXPECT_NEAR(student_t_quantile(0.975, 1e4), 1.9602012398906259, 1e-13);
  EXPECT_NEAR(student_t_quantile(0.975, 1e5), 1.9599877075346093, 1e-13);
  EXPECT_NEAR(student_t_quantile(0.975, 1e7), 1.9599642217672051, 1e-13);
  EXPECT_NEAR(student_t_quantile(1e-10, 1000), -6.4278762831342136, 1e-12);
  EXPECT_NEAR(student_t_quantile(1e-10, 1e4), -6.3679413514828029, 1e-12);
  EXPECT_NEAR(student_t_quantile(1e-10, 2e4), -6.3646396613715946, 1e-13);
  EXPECT_NEAR(student_t_quantile(1e-10, 1e6), -6.3614068488767426, 1e-13);
  EXPECT_NEAR(student_t_quantile(0.6, 20), 0.25674275385450192, 1e-14);
}

TEST(StatisticsStudentT, DistributionFunctionMatchesClosedFormsAndInvertsTheQuantile) {
  // df = 3: F(t) = 1/2 + (t / (sqrt(3) (1 + t^2/3)) + atan(t / sqrt(3))) / pi.
  for (int i = -40; i <= 40; ++i) {
    const double t = i / 4.0;
    const double s = std::sqrt(3.0);
    const double closed = 0.5 + (t / (s * (1.0 + t * t / 3.0)) + std::atan(t / s)) / std::numbers::pi;
    EXPECT_NEAR(student_t_cdf(t, 3), closed, 1e-15) << t;
    EXPECT_NEAR(student_t_cdf(t, 1), 0.5 + std::atan(t) / std::numbers::pi, 1e-15) << t;
    EXPECT_NEAR(student_t_cdf(t, 7) + student_t_cdf(-t, 7), 1.0, 1e-15) << t;
  }
  for (const double df : {0.5, 1.0, 2.5, 7.0, 19.0, 250.0, 3000.0, 1e6}) {
    for (const double p : {1e-9, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999}) {
      const double t = student_t_quantile(p, df);
      EXPECT_NEAR(student_t_cdf(t, df), p, 1e-12 * std::min(p, 1.0 - p)) << df << " " << p;
      // Odd about p = 1/2 (1 - p is exact for p >= 1/2).
      if (p >= 0.5) {
        EXPECT_EQ(student_t_quantile(1.0 - p, df), -t) << df << " " << p;
      }
    }
  }
  EXPECT_DOUBLE_EQ(student_t_cdf(kInf, 4), 1.0);
  EXPECT_DOUBLE_EQ(student_t_cdf(-kInf, 4), 0.0);
  EXPECT_TRUE(std::isnan(student_t_cdf(1.0, 0.0)));
}

TEST(StatisticsStudentT, DecreasesTowardsTheNormalAsDegreesOfFreedomGrow) {
  double previous = kInf;
  for (const double df : {0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e8}) {
    const double t = student_t_quantile(0.975, df);
    EXPECT_LT(t, previous) << df;
    EXPECT_GT(t, standard_normal_quantile(0.975)) << df;
    previous = t;
  }
  EXPECT_DOUBLE_EQ(student_t_quantile(0.975, kInf), standard_normal_quantile(0.975));
}

TEST(StatisticsStudentT, EdgeCases) {
  EXPECT_EQ(student_t_quantile(0.0, 5), -kInf);
  EXPECT_EQ(student_t_quantile(1.0, 5), kInf);
  EXPECT_EQ(student_t_quantile(0.5, 5), 0.0);
  EXPECT_TRUE(std::isnan(student_t_quantile(1.5, 5)));
  EXPECT_TRUE(std::isnan(student_t_quantile(kNaN, 5)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, 0.0)));
  EXPECT_TRUE(std::isnan(student_t_quantile(0.9, -1.0)));
  // With df = 1/2 the 1e-300 quantile (about -1e600) is beyond the doubles.
  EXPECT_EQ(student_t_quantile(1e-300, 0.5), -kInf);
}

TEST(StatisticsNormal, QuantileMatchesPublishedValues) {
  // R: qnorm(0.975), qnorm(0.995), qnorm(0.95), qnorm(1e-10), to all printed digits.
  EXPECT_NEAR(standard_normal_quantile(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(standard_normal_quantile(0.995), 2.575829303548901, 1e-15);
  EXPECT_NEAR(standard_normal_quantile(0.95), 1.644853626951472, 1e-15);
  EXPECT_NEAR(standard_normal_quantile(1e-10), -6.361340902404056, 1e-14);
  EXPECT_EQ(standard_normal_quantile(0.5), 0.0);
  EXPECT_EQ(standard_normal_quantile(0.0), -kInf);
  EXPECT_EQ(standard_normal_quantile(1.0), kInf);
  EXPECT_TRUE(std::isnan(standard_normal_quantile(-0.1)));
}

// --- Means and paired differences ---

TEST(StatisticsMeanWithCi, SmallDataSetByHand) {
  // {2, 4, 4, 4, 5, 5, 7, 9}: mean 40/8 = 5; deviations -3 -1 -1 -1 0 0 2 4, squares sum to 32;
  // sd = sqrt(32/7) = 2.138; standard error sd / sqrt(8) = sqrt(4/7) = 0.755929;
  // t_{0.975, 7} = 2.365 (table; 2.364624 to more digits), half-width 2.364624 * 0.755929 =
  // 1.78749 (1.788 with the table's rounded t): interval (3.21251, 6.78749).
  const std::vector<double> values = {2, 4, 4, 4, 5, 5, 7, 9};
  const Estimate e = mean_with_ci(values);
  EXPECT_EQ(e.n, 8u);
  EXPECT_DOUBLE_EQ(e.mean, 5.0);
  EXPECT_NEAR(e.sd, 2.138, kTable);
  EXPECT_NEAR(e.sd, std::sqrt(32.0 / 7.0), 1e-15);
  EXPECT_NEAR(e.ci_high - e.mean, 1.78749, 0.000005);
  EXPECT_NEAR(e.mean - e.ci_low, 1.78749, 0.000005);
  EXPECT_NEAR(e.ci_low, 3.21251, 0.000005);
  EXPECT_NEAR(e.ci_high, 6.78749, 0.000005);
  EXPECT_NEAR(e.ci_high - e.mean, student_t_quantile(0.975, 7) * std::sqrt(4.0 / 7.0), 1e-14);
  // 99%: t_{0.995, 7} = 3.499 (table; 3.499483), half-width 3.499483 * 0.755929 = 2.64536.
  const Estimate e99 = mean_with_ci(values, 0.99);
  EXPECT_NEAR(e99.ci_high - e99.mean, 2.64536, 0.000005);
}

TEST(StatisticsMeanWithCi, StableWithALargeCommonOffset) {
  // 1e12 + {4, 7, 13, 16}: mean 1e12 + 10, deviations -6 -3 3 6, variance 90/3 = 30 exactly. The
  // one-pass formula (sum x^2 - n mean^2) / (n - 1) loses every digit here.
  const std::vector<double> values = {1e12 + 4, 1e12 + 7, 1e12 + 13, 1e12 + 16};
  const Estimate e = mean_with_ci(values);
  EXPECT_DOUBLE_EQ(e.mean, 1e12 + 10);
  EXPECT_NEAR(e.sd, std::sqrt(30.0), 1e-12);
  // 1e16 + {0, 2, 2} (the last place of 1e16 is 2): the mean 1e16 + 4/3 rounds to 1e16 + 2, and
  // the deviations -2, 0, 0 give 4 for the sum of squares; the correction (sum of deviations)^2/n
  // = 4/3 restores the exact 8/3, variance 4/3.
  const std::vector<double> coarse = {1e16, 1e16 + 2, 1e16 + 2};
  EXPECT_NEAR(mean_with_ci(coarse).sd, std::sqrt(4.0 / 3.0), 1e-15);
  // Compensated summation: 1 + 1e-16 * 10^4 sums to 1 + 1e-12 (a plain sum stays at 1).
  std::vector<double> tiny(10001, 1e-16);
  tiny[0] = 1.0;
  EXPECT_NEAR(mean_with_ci(tiny).mean * 10001.0, 1.0 + 1e-12, 1e-15);
}

TEST(StatisticsMeanWithCi, EmptySingleAndInvalidConfidence) {
  const Estimate none = mean_with_ci({});
  EXPECT_EQ(none.n, 0u);
  EXPECT_TRUE(std::isnan(none.mean));
  EXPECT_TRUE(std::isnan(none.ci_low));
  EXPECT_TRUE(std::isnan(none.ci_high));
  EXPECT_TRUE(std::isnan(none.sd));
  // One replication: the mean, but no spread and an unbounded interval.
  const std::vector<double> one = {3.5};
  const Estimate single = mean_with_ci(one);
  EXPECT_EQ(single.n, 1u);
  EXPECT_EQ(single.mean, 3.5);
  EXPECT_TRUE(std::isnan(single.sd));
  EXPECT_EQ(single.ci_low, -kInf);
  EXPECT_EQ(single.ci_high, kInf);
  // Identical values: zero width.
  const std::vector<double> same = {2.0, 2.0, 2.0};
  const Estimate flat = mean_with_ci(same);
  EXPECT_EQ(flat.sd, 0.0);
  EXPECT_EQ(flat.ci_low, 2.0);
  EXPECT_EQ(flat.ci_high, 2.0);
  // A NaN propagates rather than vanishing into the spread.
  const std::vector<double> with_nan = {1.0, kNaN, 3.0};
  EXPECT_TRUE(std::isnan(mean_with_ci(with_nan).mean));
  EXPECT_TRUE(std::isnan(mean_with_ci(with_nan).sd));
  const std::vector<double> values = {1.0, 2.0};
  EXPECT_THROW((void)mean_with_ci(values, 0.0), std::invalid_argument);
  EXPECT_THROW((void)mean_with_ci(values, 1.0), std::invalid_argument);
  EXPECT_THROW((void)mean_with_ci(values, 95.0), std::invalid_argument);
  EXPECT_THROW((void)mean_with_ci(values, kNaN), std::invalid_argument);
}

TEST(StatisticsPairedDifference, HandExample) {
  // Response times (h) of an option and the baseline in five replications:
  // differences 2, 1, -1, 3, 3: mean 8/5 = 1.6; deviations 0.4 -0.6 -2.6 1.4 1.4, squares sum to
  // 11.2; sd = sqrt(11.2/4) = sqrt(2.8) = 1.67332; standard error sqrt(2.8/5) = 0.748331;
  // t_{0.975, 4} = 2.776 (table; 2.776445), half-width 2.776445 * 0.748331 = 2.07770: interval
  // (-0.47770, 3.67770), which includes 0.
  const std::vector<double> option = {12, 15, 11, 18, 14};
  const std::vector<double> baseline = {10, 14, 12, 15, 11};
  const Estimate e = paired_difference(option, baseline);
  EXPECT_EQ(e.n, 5u);
  EXPECT_NEAR(e.mean, 1.6, 1e-15);
  EXPECT_NEAR(e.sd, std::sqrt(2.8), 1e-15);
  EXPECT_NEAR(e.ci_low, -0.47770, 0.000005);
  EXPECT_NEAR(e.ci_high, 3.67770, 0.000005);
  // The sign: option - baseline.
  EXPECT_NEAR(paired_difference(baseline, option).mean, -1.6, 1e-15);
}

TEST(StatisticsPairedDifference, MismatchedLengthsThrow) {
  const std::vector<double> three = {1, 2, 3};
  const std::vector<double> two = {1, 2};
  EXPECT_THROW((void)paired_difference(three, two), std::invalid_argument);
  EXPECT_THROW((void)paired_difference(two, three), std::invalid_argument);
}

// Synthetic comparisons under common random numbers: in each experiment, `pairs` replications of
// a response time with a large shared component (the incident's conditions, the same for both
// options) plus small independent noise, the option faster by kTrueDifference.
struct PairedExperiments {
  double coverage = 0.0;             // of the 95% paired interval
  double normal_coverage = 0.0;      // of the same interval with the normal 1.96 instead of t
  double paired_half_width = 0.0;    // mean over the experiments
  double unpaired_half_width = 0.0;  // mean over the experiments, two-sample interval, same data
};

constexpr double kTrueDifference = -0.5;  // h
constexpr int kExperiments = 2000;

PairedExperiments run_paired_experiments(std::uint64_t seed, int pairs) {
  PairedExperiments result;
  int covered = 0;
  int normal_covered = 0;
  const double n = pairs;
  for (int rep = 0; rep < kExperiments; ++rep) {
    RandomStream rng(seed, 0, static_cast<std::uint64_t>(rep), StreamPurpose::kTest);
    std::vector<double> option;
    std::vector<double> baseline;
    for (int i = 0; i < pairs; ++i) {
      const double shared = sample_normal(rng, 6.0, 3.0);
      option.push_back(shared + kTrueDifference + sample_normal(rng, 0.0, 0.4));
      baseline.push_back(shared + sample_normal(rng, 0.0, 0.4));
    }
    const Estimate paired = paired_difference(option, baseline);
    if (paired.ci_low <= kTrueDifference && kTrueDifference <= paired.ci_high) ++covered;
    const double normal_half_width = 1.959963984540054 * paired.sd / std::sqrt(n);
    if (std::fabs(paired.mean - kTrueDifference) <= normal_half_width) ++normal_covered;
    result.paired_half_width += 0.5 * (paired.ci_high - paired.ci_low);
    // Unpaired: t_{0.975, 2n-2} * sqrt((s_option^2 + s_baseline^2) / n), ignoring the pairing.
    const Estimate a = mean_with_ci(option);
    const Estimate b = mean_with_ci(baseline);
    result.unpaired_half_width +=
        student_t_quantile(0.975, 2.0 * n - 2.0) * std::sqrt((a.sd * a.sd + b.sd * b.sd) / n);
  }
  result.coverage = covered / static_cast<double>(kExperiments);
  result.normal_coverage = normal_covered / static_cast<double>(kExperiments);
  result.paired_half_width /= kExperiments;
  result.unpaired_half_width /= kExperiments;
  return result;
}

TEST(StatisticsPairedDifference, CoversTheTrueDifferenceUnderCommonRandomNumbers) {
  // 2,000 experiments of 20 pairs: a correct 95% interval covers in a fraction with standard
  // error sqrt(0.95 * 0.05 / 2000) = 0.0049, so [0.93, 0.97] is four standard errors each way.
  const PairedExperiments r = run_paired_experiments(20240611, 20);
  EXPECT_GE(r.coverage, 0.93);
  EXPECT_LE(r.coverage, 0.97);
  // The shared sd 3 cancels in the differences (sd 0.4 sqrt 2 = 0.57) but not between the
  // option means (sd about 3.03 each): the unpaired interval is about 7.5 times as wide.
  EXPECT_LT(r.paired_half_width, 0.2 * r.unpaired_half_width);
  EXPECT_NEAR(r.paired_half_width, 2.093 * 0.4 * std::numbers::sqrt2 / std::sqrt(20.0), 0.03);
}

TEST(StatisticsPairedDifference, CoverageNeedsTheStudentTWithFewPairs) {
  // With 3 pairs t_{0.975, 2} = 4.303: the t interval still covers 95%, while 1.96 would cover
  // only P(|T_2| < 1.96) = 1.96 / sqrt(2 + 1.96^2) = 0.81.
  const PairedExperiments r = run_paired_experiments(77, 3);
  EXPECT_GE(r.coverage, 0.93);
  EXPECT_LE(r.coverage, 0.97);
  EXPECT_NEAR(r.normal_coverage, 0.81, 0.035);
}

// --- Quantiles and proportions ---

TEST(StatisticsQuantile, MatchesRType7) {
  // R: quantile(1:10, p) with index 1 + 9 p: 0.9 -> 9.1 (9 + 0.1 * (10 - 9)), 0.5 -> 5.5,
  // 0.25 -> 3.25, 0 -> 1, 1 -> 10. Given out of order; the input must stay as it was.
  const std::vector<double> values = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};
  const std::vector<double> copy = values;
  EXPECT_NEAR(quantile(values, 0.9), 9.1, 1e-14);
  EXPECT_NEAR(quantile(values, 0.5), 5.5, 1e-14);
  EXPECT_NEAR(quantile(values, 0.25), 3.25, 1e-14);
  EXPECT_EQ(quantile(values, 0.0), 1.0);
  EXPECT_EQ(quantile(values, 1.0), 10.0);
  EXPECT_EQ(values, copy);
  // quantile(c(1, 3, 3, 7, 20), p), index 1 + 4 p: 0.1 -> 1.4: 1 + 0.4 * 2 = 1.8; 0.3 -> 2.2:
  // between the two 3s, 3; 0.8 -> 4.2: 7 + 0.2 * 13 = 9.6.
  const std::vector<double> skewed = {20, 3, 1, 7, 3};
  EXPECT_NEAR(quantile(skewed, 0.1), 1.8, 1e-14);
  EXPECT_EQ(quantile(skewed, 0.3), 3.0);
  EXPECT_NEAR(quantile(skewed, 0.8), 9.6, 1e-14);
  const std::vector<double> one = {4.2};
  EXPECT_EQ(quantile(one, 0.7), 4.2);
}

TEST(StatisticsQuantile, EmptyNaNAndInvalidProbability) {
  EXPECT_TRUE(std::isnan(quantile({}, 0.5)));
  const std::vector<double> with_nan = {1.0, kNaN, 3.0};
  EXPECT_TRUE(std::isnan(quantile(with_nan, 0.5)));
  const std::vector<double> values = {1.0, 2.0};
  EXPECT_THROW((void)quantile(values, -0.1), std::invalid_argument);
  EXPECT_THROW((void)quantile(values, 1.1), std::invalid_argument);
  EXPECT_THROW((void)quantile(values, kNaN), std::invalid_argument);
}

TEST(StatisticsFractionAtMost, CountsValuesWithinTheLimit) {
  // Responses within 2 h: 0.5, 1.0, 1.9 and 2.0 (the limit itself counts) of 8; a response that
  // never came (infinite or NaN) does not.
  const std::vector<double> hours = {0.5, 2.1, 1.0, 3.0, 1.9, 2.0, kInf, kNaN};
  EXPECT_DOUBLE_EQ(fraction_at_most(hours, 2.0), 0.5);
  EXPECT_DOUBLE_EQ(fraction_at_most(hours, 0.1), 0.0);
  EXPECT_DOUBLE_EQ(fraction_at_most(hours, kInf), 7.0 / 8.0);
  EXPECT_TRUE(std::isnan(fraction_at_most({}, 2.0)));
}

TEST(StatisticsProportion, WilsonIntervalByHand) {
  // 8 of 10, z = 1.96: centre (0.8 + z^2/20) / (1 + z^2/10) = 0.99207 / 1.38415 = 0.71674;
  // half-width z sqrt(0.016 + z^2/400) / 1.38415 = 0.22658: (0.4902, 0.9433).
  const Estimate e = proportion_with_ci(8, 10);
  EXPECT_EQ(e.n, 10u);
  EXPECT_DOUBLE_EQ(e.mean, 0.8);
  EXPECT_NEAR(e.ci_low, 0.4902, 0.00005);
  EXPECT_NEAR(e.ci_high, 0.9433, 0.00005);
  // sd of the 0/1 outcomes, as mean_with_ci gives for them: sqrt(8 * 2 / (10 * 9)).
  EXPECT_NEAR(e.sd, std::sqrt(16.0 / 90.0), 1e-15);
  const std::vector<double> outcomes = {1, 1, 0, 1, 1, 1, 1, 0, 1, 1};
  EXPECT_NEAR(e.sd, mean_with_ci(outcomes).sd, 1e-15);
}

TEST(StatisticsProportion, WilsonIntervalAtTheEnds) {
  // 0 of n: (0, z^2 / (n + z^2)); n of n: (n / (n + z^2), 1).
  const double z2 = 1.959963984540054 * 1.959963984540054;
  const Estimate none = proportion_with_ci(0, 10);
  EXPECT_EQ(none.ci_low, 0.0);
  EXPECT_NEAR(none.ci_high, z2 / (10.0 + z2), 1e-15);
  const Estimate all = proportion_with_ci(10, 10);
  EXPECT_NEAR(all.ci_low, 10.0 / (10.0 + z2), 1e-15);
  EXPECT_EQ(all.ci_high, 1.0);
  const Estimate empty = proportion_with_ci(0, 0);
  EXPECT_EQ(empty.n, 0u);
  EXPECT_TRUE(std::isnan(empty.mean));
  EXPECT_THROW((void)proportion_with_ci(11, 10), std::invalid_argument);
  EXPECT_THROW((void)proportion_with_ci(5, 10, 1.0), std::invalid_argument);
}

// --- RunningMoments ---

void expect_same_moments(const RunningMoments& a, const RunningMoments& b) {
  EXPECT_EQ(a.count(), b.count());
  EXPECT_NEAR(a.mean(), b.mean(), 1e-12 * std::fabs(b.mean()));
  EXPECT_NEAR(a.variance(), b.variance(), 1e-12 * b.variance());
  EXPECT_EQ(a.min(), b.min());
  EXPECT_EQ(a.max(), b.max());
}

TEST(StatisticsRunningMoments, SmallDataSetByHand) {
  // As in StatisticsMeanWithCi.SmallDataSetByHand: mean 5, variance 32/7, min 2, max 9.
  RunningMoments m;
  for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) m.add(x);
  EXPECT_EQ(m.count(), 8u);
  EXPECT_DOUBLE_EQ(m.mean(), 5.0);
  EXPECT_NEAR(m.variance(), 32.0 / 7.0, 1e-14);
  EXPECT_EQ(m.min(), 2.0);
  EXPECT_EQ(m.max(), 9.0);
  const Estimate e = m.estimate();
  EXPECT_EQ(e.n, 8u);
  EXPECT_NEAR(e.ci_low, 3.21251, 0.000005);
  EXPECT_NEAR(e.ci_high, 6.78749, 0.000005);
}

TEST(StatisticsRunningMoments, EmptyAndSingle) {
  RunningMoments m;
  EXPECT_EQ(m.count(), 0u);
  EXPECT_TRUE(std::isnan(m.mean()));
  EXPECT_TRUE(std::isnan(m.variance()));
  EXPECT_TRUE(std::isnan(m.min()));
  EXPECT_TRUE(std::isnan(m.max()));
  EXPECT_EQ(m.estimate().n, 0u);
  m.add(-1.5);
  EXPECT_EQ(m.mean(), -1.5);
  EXPECT_TRUE(std::isnan(m.variance()));
  EXPECT_EQ(m.min(), -1.5);
  EXPECT_EQ(m.max(), -1.5);
  EXPECT_EQ(m.estimate().ci_low, -kInf);
  EXPECT_EQ(m.estimate().ci_high, kInf);
}

// `values` added to one accumulator and, in the same order, to chunks of uneven sizes (empty ones
// included) merged left to right.
RunningMoments merge_in_chunks(const std::vector<double>& values) {
  const std::vector<std::size_t> chunk_sizes = {0, 1, 7, 0, 250, 2, 0, 340, 1, 399, 0};
  RunningMoments merged;
  std::size_t next = 0;
  for (const std::size_t size : chunk_sizes) {
    RunningMoments chunk;
    for (std::size_t i = 0; i < size; ++i) chunk.add(values.at(next++));
    merged.merge(chunk);
  }
  EXPECT_EQ(next, values.size());
  return merged;
}

TEST(StatisticsRunningMoments, MergeEqualsAddingEverythingToOne) {
  // 1,000 response times (mean 6 h, sd 3 h).
  RandomStream rng(5, 0, 0, StreamPurpose::kTest);
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(sample_normal(rng, 6.0, 3.0));
  RunningMoments all;
  for (const double x : values) all.add(x);
  const RunningMoments merged = merge_in_chunks(values);
  expect_same_moments(merged, all);
  // And both agree with the two-pass compensated computation.
  const Estimate e = mean_with_ci(values);
  EXPECT_NEAR(all.mean(), e.mean, 1e-12 * e.mean);
  EXPECT_NEAR(all.sd(), e.sd, 1e-12 * e.sd);
  EXPECT_NEAR(merged.estimate().ci_low, e.ci_low, 1e-12 * e.mean);
  EXPECT_NEAR(merged.estimate().ci_high, e.ci_high, 1e-12 * e.mean);
}

TEST(StatisticsRunningMoments, MergeWithALargeCommonOffset) {
  // Values 1e6 + N(0, 3^2): Welford's update and the merge both round the running mean, whose
  // last place (1e-10) is 3e-11 of the sd, so they agree to about 1e-10 of the variance, not to
  // 1e-12; the two-pass mean_with_ci is the more accurate one here.
  RandomStream rng(6, 0, 0, StreamPurpose::kTest);
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(sample_normal(rng, 1e6, 3.0));
  RunningMoments all;
  for (const double x : values) all.add(x);
  const RunningMoments merged = merge_in_chunks(values);
  const Estimate e = mean_with_ci(values);
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_NEAR(merged.mean(), e.mean, 1e-12 * e.mean);
  EXPECT_NEAR(all.mean(), e.mean, 1e-12 * e.mean);
  EXPECT_NEAR(merged.sd(), e.sd, 1e-9 * e.sd);
  EXPECT_NEAR(all.sd(), e.sd, 1e-9 * e.sd);
}

TEST(StatisticsRunningMoments, MergingEmptyAccumulators) {
  RunningMoments a;
  for (const double x : {3.0, 1.0, 4.0, 1.0, 5.0}) a.add(x);
  const RunningMoments empty;
  // Non-empty with empty, either way round, is unchanged.
  RunningMoments left = a;
  left.merge(empty);
  expect_same_moments(left, a);
  RunningMoments right;
  right.merge(a);
  expect_same_moments(right, a);
  // Empty with empty stays empty.
  RunningMoments both;
  both.merge(empty);
  EXPECT_EQ(both.count(), 0u);
  EXPECT_TRUE(std::isnan(both.mean()));
  EXPECT_TRUE(std::isnan(both.min()));
  // Two singles merge to the pair: mean 2, variance ((1-2)^2 + (3-2)^2) / 1 = 2.
  RunningMoments one;
  one.add(1.0);
  RunningMoments three;
  three.add(3.0);
  one.merge(three);
  EXPECT_EQ(one.count(), 2u);
  EXPECT_DOUBLE_EQ(one.mean(), 2.0);
  EXPECT_DOUBLE_EQ(one.variance(), 2.0);
  EXPECT_EQ(one.min(), 1.0);
  EXPECT_EQ(one.max(), 3.0);
}

}  // namespace
}  // namespace mdasim

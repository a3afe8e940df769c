// The paired comparison of a measure between a baseline and an option: hand-computed intervals,
// pairs with a missing value left out, zero difference for identical runs, and the coverage of
// the relative change's interval on a synthetic common-random-number experiment (fixed seeds).
#include "metrics/comparison.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"

namespace mdasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(PairedComparison, HandComputedIntervals) {
  // Differences {1, 0.5, 1, 1.5}: mean 1, sd sqrt(0.5 / 3) = 0.408248; t(3, 0.975) = 3.182446,
  // half-width 3.182446 x 0.408248 / 2 = 0.649614. Ratio of the means 3.5 / 2.5 = 1.4; residuals
  // o - 1.4 b = {0.6, -0.3, -0.2, -0.1}, sd sqrt(0.5 / 3) again; half-width
  // 3.182446 x 0.408248 / (2 x 2.5) = 0.259846 about the relative change 0.4.
  const std::vector<double> baseline{1.0, 2.0, 3.0, 4.0};
  const std::vector<double> option{2.0, 2.5, 4.0, 5.5};
  const PairedComparison c = compare_paired(option, baseline);
  EXPECT_EQ(c.pairs, 4u);
  EXPECT_DOUBLE_EQ(c.baseline.mean, 2.5);
  EXPECT_DOUBLE_EQ(c.option.mean, 3.5);
  EXPECT_NEAR(c.difference.mean, 1.0, 1e-15);
  EXPECT_NEAR(c.difference.ci_low, 1.0 - 0.649614, 1e-6);
  EXPECT_NEAR(c.difference.ci_high, 1.0 + 0.649614, 1e-6);
  EXPECT_NEAR(c.relative.mean, 0.4, 1e-15);
  EXPECT_NEAR(c.relative.ci_low, 0.4 - 0.259846, 1e-6);
  EXPECT_NEAR(c.relative.ci_high, 0.4 + 0.259846, 1e-6);
  EXPECT_NEAR(c.relative.sd, 0.408248, 1e-6);
  // Per unit of a cost of 20: a twentieth of each.
  const Estimate per = per_unit_cost(c.difference, 20.0);
  EXPECT_NEAR(per.mean, 0.05, 1e-15);
  EXPECT_NEAR(per.ci_low, (1.0 - 0.649614) / 20.0, 1e-7);
  EXPECT_NEAR(per.ci_high, (1.0 + 0.649614) / 20.0, 1e-7);
  EXPECT_TRUE(std::isnan(per_unit_cost(c.difference, 0.0).mean));
}

TEST(PairedComparison, PairsWithAMissingValueAreLeftOut) {
  // The second and fourth pairs have a NaN on one side or the other: the rest is the case above.
  const std::vector<double> baseline{1.0, kNaN, 2.0, 7.0, 3.0, 4.0};
  const std::vector<double> option{2.0, 9.0, 2.5, kNaN, 4.0, 5.5};
  const PairedComparison c = compare_paired(option, baseline);
  EXPECT_EQ(c.pairs, 4u);
  EXPECT_EQ(c.baseline.n, 4u);
  EXPECT_EQ(c.option.n, 4u);
  EXPECT_DOUBLE_EQ(c.baseline.mean, 2.5);
  EXPECT_DOUBLE_EQ(c.option.mean, 3.5);
  EXPECT_NEAR(c.relative.mean, 0.4, 1e-15);
  // No pair at all: nothing but NaN.
  const PairedComparison none = compare_paired(std::vector<double>{kNaN}, std::vector<double>{1.0});
  EXPECT_EQ(none.pairs, 0u);
  EXPECT_TRUE(std::isnan(none.difference.mean));
  EXPECT_TRUE(std::isnan(none.relative.mean));
  EXPECT_TRUE(std::isnan(none.relative.ci_low));
  EXPECT_THROW((void)compare_paired(std::vector<double>{1.0}, std::vector<double>{1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW((void)compare_paired(baseline, baseline, 1.0), std::invalid_argument);
}

TEST(PairedComparison, IdenticalRunsDifferByExactlyZero) {
  const std::vector<double> values{4.75, 4.81, 4.69, 4.77, 4.73};
  const PairedComparison c = compare_paired(values, values);
  EXPECT_EQ(c.difference.mean, 0.0);
  EXPECT_EQ(c.difference.ci_low, 0.0);
  EXPECT_EQ(c.difference.ci_high, 0.0);
  EXPECT_EQ(c.relative.mean, 0.0);
  EXPECT_EQ(c.relative.ci_low, 0.0);
  EXPECT_EQ(c.relative.ci_high, 0.0);
}

TEST(PairedComparison, RelativeChangeIntervalCoversAtTheStatedRate) {
  // 2,000 experiments of 40 paired replications: a shared replication effect s ~ N(10, 2) seen by
  // both sides, the option 20% higher, each side with its own noise N(0, 1). The true relative
  // change of the means is 0.2; the 95% interval should hold it in 95% of experiments (binomial
  // sd 0.0049: allow 3 of them and the delta method's small-sample bias).
  int covered = 0;
  const int experiments = 2000;
  for (int k = 0; k < experiments; ++k) {
    RandomStream rng(20261130, 0, static_cast<std::uint64_t>(k), StreamPurpose::kTest);
    std::vector<double> b(40);
    std::vector<double> o(40);
    for (std::size_t i = 0; i < b.size(); ++i) {
      const double shared = sample_normal(rng, 10.0, 2.0);
      b[i] = shared + sample_normal(rng, 0.0, 1.0);
      o[i] = 1.2 * shared + sample_normal(rng, 0.0, 1.0);
    }
    const PairedComparison c = compare_paired(o, b);
    if (c.relative.ci_low <= 0.2 && 0.2 <= c.relative.ci_high) ++covered;
  }
  EXPECT_NEAR(static_cast<double>(covered) / experiments, 0.95, 0.017);
}

}  // namespace
}  // namespace mdasim

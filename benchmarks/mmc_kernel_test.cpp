// The M/M/c queue on the event kernel (mmc_kernel.hpp) against Erlang C: c = 3, lambda = 54/d =
// 2.25/h, 1/mu = pi/3 h, so A = lambda / mu = 0.75 pi = 2.356194 and, by hand,
//   C(3, A) = [A^3/3! 3/(3 - A)] / [1 + A + A^2/2 + A^3/3! 3/(3 - A)] = 10.158948 / 16.290968 = 0.623594,
//   E[wait] = C(3, A) / (3 mu - lambda) = 0.623594 / 0.614789 = 1.014322 h.
// 200 replications of a 365-day window (about 3.9 million customers): the 95% Student-t interval
// over replications of P(wait) and of the mean wait must hold those values and be narrow enough
// to tell them from those of a load 1% off. Also: the same key gives the same replication.
#include <gtest/gtest.h>

#include <cstdint>
#include <numbers>
#include <vector>

#include "metrics/erlang_c.hpp"
#include "metrics/statistics.hpp"
#include "mmc_kernel.hpp"

namespace {

using mdasim::bench::MmcQueue;
using mdasim::bench::MmcTally;
using mdasim::bench::run_mmc_replication;

constexpr double kErlangCWaitProbability = 0.623594;  // C(3, 0.75 pi), by hand (above)
constexpr double kErlangCMeanWaitH = 1.014322;

TEST(MmcKernel, ErlangCValuesAreTheHandComputedOnes) {
  const MmcQueue q;
  const double service_per_h = 1.0 / q.mean_service_h;
  EXPECT_NEAR(q.arrivals_per_h / service_per_h, 0.75 * std::numbers::pi, 1e-12);
  EXPECT_NEAR(mdasim::erlang_c_wait_probability(q.servers, q.arrivals_per_h / service_per_h),
              kErlangCWaitProbability, 1e-6);
  EXPECT_NEAR(mdasim::erlang_c_mean_wait_h(q.servers, q.arrivals_per_h, service_per_h), kErlangCMeanWaitH, 1e-6);
}

TEST(MmcKernel, WaitsAgreeWithErlangC) {
  const MmcQueue q;
  constexpr std::uint64_t kSeed = 12;
  constexpr std::uint64_t kReplications = 200;
  std::vector<double> waited_fraction;
  std::vector<double> mean_wait_h;
  std::uint64_t customers = 0;
  for (std::uint64_t r = 0; r < kReplications; ++r) {
    const MmcTally t = run_mmc_replication(q, kSeed, r);
    ASSERT_GT(t.customers, 0u);
    customers += t.customers;
    waited_fraction.push_back(static_cast<double>(t.waited) / static_cast<double>(t.customers));
    mean_wait_h.push_back(t.wait_sum_h / static_cast<double>(t.customers));
  }
  // Arrivals in the window are Poisson of mean lambda 365 d per replication: 3,942,000 in all,
  // standard deviation 1,985.
  const double expected_customers = q.arrivals_per_h * (q.duration_h - q.warmup_h) * kReplications;
  EXPECT_NEAR(static_cast<double>(customers), expected_customers, 4.0 * 1985.0);

  const mdasim::Estimate p = mdasim::mean_with_ci(waited_fraction);
  EXPECT_LE(p.ci_low, kErlangCWaitProbability);
  EXPECT_GE(p.ci_high, kErlangCWaitProbability);
  EXPECT_LT(p.ci_high - p.ci_low, 0.01) << "too wide to tell P(wait) from that of a load 1% off (0.0126 apart)";

  const mdasim::Estimate w = mdasim::mean_with_ci(mean_wait_h);
  EXPECT_LE(w.ci_low, kErlangCMeanWaitH);
  EXPECT_GE(w.ci_high, kErlangCMeanWaitH);
  EXPECT_LT(w.ci_high - w.ci_low, 0.05) << "too wide to tell the mean wait from that of a load 1% off (0.06 h apart)";
}

TEST(MmcKernel, SameKeySameReplication) {
  const MmcQueue q;
  const MmcTally a = run_mmc_replication(q, 12, 3);
  const MmcTally b = run_mmc_replication(q, 12, 3);
  const MmcTally other = run_mmc_replication(q, 12, 4);
  EXPECT_EQ(a.customers, b.customers);
  EXPECT_EQ(a.waited, b.waited);
  EXPECT_EQ(a.wait_sum_h, b.wait_sum_h);
  EXPECT_EQ(a.events, b.events);
  EXPECT_NE(a.wait_sum_h, other.wait_sum_h);
}

}  // namespace

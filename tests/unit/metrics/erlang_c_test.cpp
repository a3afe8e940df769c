// Erlang C against values worked by hand: M/M/1 waits with probability rho and for rho/(mu - lambda);
// two servers at A = 1 wait with probability 1/3.
#include "metrics/erlang_c.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(ErlangC, OneServerWaitsWithProbabilityRho) {
  EXPECT_NEAR(erlang_c_wait_probability(1, 0.7), 0.7, 1e-15);
  // lambda = 0.7/h, mu = 1/h: wait rho / (mu - lambda) = 0.7 / 0.3 h.
  EXPECT_NEAR(erlang_c_mean_wait_h(1, 0.7, 1.0), 0.7 / 0.3, 1e-12);
}

TEST(ErlangC, TwoServersAtUnitLoad) {
  // A^2/2! * 2/(2 - 1) = 1; sum_{k<2} A^k/k! = 2: C = 1/3.
  EXPECT_NEAR(erlang_c_wait_probability(2, 1.0), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(erlang_c_mean_wait_h(2, 1.0, 1.0), 1.0 / 3.0, 1e-15);
}

TEST(ErlangC, WaitingBecomesCertainNearSaturation) {
  EXPECT_GT(erlang_c_wait_probability(3, 2.999), 0.999);
  EXPECT_LT(erlang_c_wait_probability(3, 0.01), 1e-5);
}

}  // namespace
}  // namespace mdasim

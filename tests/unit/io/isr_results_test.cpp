// The ISR summary across replications: means and intervals per class from hand-made
// per-replication measures, replications without a defined measure left out.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "io/isr_results.hpp"

namespace mdasim {
namespace {

TargetClassMetrics m(double targets, double detected, double detect_mean_h, double detect_median_h, double alert_h) {
  return {targets, detected, detect_mean_h, detect_median_h, alert_h};
}

TEST(IsrSummary, MeansPerClassSkippingUndefined) {
  const double nan = std::nan("");
  // Two replications; rows: class 0, then all classes.
  const std::vector<std::vector<TargetClassMetrics>> reps = {
      {m(10, 0.5, 2.0, 1.5, 3.0), m(10, 0.5, 2.0, 1.5, 3.0)},
      {m(0, nan, nan, nan, nan), m(0, nan, nan, nan, nan)},
  };
  const IsrSummary s = summarise_isr(reps);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(s.rows[0][0].mean, 5.0);  // targets: (10 + 0) / 2
  EXPECT_EQ(s.rows[0][0].n, 2u);
  EXPECT_DOUBLE_EQ(s.rows[0][1].mean, 0.5);  // the second replication had no target: left out
  EXPECT_EQ(s.rows[0][1].n, 1u);
  EXPECT_DOUBLE_EQ(s.rows[0][4].mean, 3.0);
  // Student-t interval of (10, 0): mean 5, sd 7.0711, t(0.975, 1) = 12.706: 5 -+ 63.53.
  EXPECT_NEAR(s.rows[0][0].ci_high, 5.0 + 12.7062047 * 7.0710678 / std::sqrt(2.0), 1e-4);

  Scenario sc;
  sc.target_classes.resize(1);
  sc.target_classes[0].name = "dark-vessel";
  std::ostringstream out;
  print_isr_summary(out, sc, s);
  EXPECT_NE(out.str().find("dark-vessel"), std::string::npos);
  EXPECT_NE(out.str().find("all"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

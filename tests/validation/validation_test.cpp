// The validation cases as tests: every check of every case must pass (analytic value inside
// the simulation's 95% interval, interval narrower than its tolerance; statistics within their
// bounds). Seeds are fixed in the cases, so the outcome is deterministic.
#include <gtest/gtest.h>

#include "cases/validation_case.hpp"

namespace mdasim::validation {
namespace {

void expect_passed(const CaseResult& result) {
  ASSERT_TRUE(result.problem.empty()) << result.problem;
  ASSERT_FALSE(result.checks.empty());
  for (const Check& c : result.checks) {
    EXPECT_TRUE(c.passed) << result.id << ": " << c.what << ": analytic " << c.analytic << ", simulated "
                          << c.simulated << " [" << c.ci_low << ", " << c.ci_high << "], " << c.criterion;
    ::testing::Test::RecordProperty(c.what, std::to_string(c.simulated));
  }
}

TEST(Validation, PoissonCountsAndLanePlacement) { expect_passed(poisson_lanes_case()); }
TEST(Validation, RadarCoverageIsAvailabilityOverTheHorizon) { expect_passed(radar_coverage_case()); }
TEST(Validation, PatrolRevisitGapIsPeriodLessAccess) { expect_passed(patrol_revisit_case()); }

TEST(Validation, GeodesicAndOverWaterDistances) { expect_passed(distances_case()); }
TEST(Validation, UnitsAtOneBaseQueueAsErlangC) { expect_passed(mm_c_queue_case()); }

TEST(Validation, RandomSearchFollowsOneMinusExpOfCoverage) {
  const CaseResult result = random_search_case();
  expect_passed(result);
  ASSERT_TRUE(result.plot.has_value());
  // Several points on the curve, spread over it.
  ASSERT_EQ(result.plot->series.size(), 1u);
  const PlotSeries& points = result.plot->series.front();
  ASSERT_EQ(points.x.size(), 4u);
  EXPECT_GT(points.x.front(), 2.0);
  EXPECT_LT(points.x.back(), 0.3);
}

TEST(Validation, ParallelSweepFollowsCookieCutterAndInverseCube) {
  const CaseResult result = parallel_sweep_case();
  expect_passed(result);
  ASSERT_TRUE(result.plot.has_value());
  ASSERT_EQ(result.plot->series.size(), 2u);
  EXPECT_EQ(result.plot->series[0].x.size(), 4u);  // definite range
  EXPECT_EQ(result.plot->series[1].x.size(), 4u);  // inverse cube
}

}  // namespace
}  // namespace mdasim::validation

// Measure-by-measure comparison: verdicts read from the difference's interval and the measure's
// direction, measures matched by domain, class and metric, and the directions of the measures.
#include "run/option_comparison.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

PairedComparison with_difference(double mean, double low, double high, double sd, std::size_t pairs = 10) {
  PairedComparison p;
  p.pairs = pairs;
  p.difference = Estimate{mean, low, high, sd, pairs};
  return p;
}

TEST(Verdict, ReadsTheIntervalAgainstTheDirection) {
  const PairedComparison lower = with_difference(-0.5, -0.8, -0.2, 0.4);
  const PairedComparison higher = with_difference(0.5, 0.2, 0.8, 0.4);
  const PairedComparison straddles = with_difference(0.1, -0.2, 0.4, 0.4);
  EXPECT_EQ(verdict(lower, Better::kLower), "better");
  EXPECT_EQ(verdict(lower, Better::kHigher), "worse");
  EXPECT_EQ(verdict(higher, Better::kHigher), "better");
  EXPECT_EQ(verdict(higher, Better::kLower), "worse");
  EXPECT_EQ(verdict(straddles, Better::kLower), "unclear");
  EXPECT_EQ(verdict(straddles, Better::kHigher), "unclear");
  EXPECT_EQ(verdict(higher, Better::kNeither), "-");
  EXPECT_EQ(verdict(with_difference(0.0, 0.0, 0.0, 0.0), Better::kLower), "no change");
  EXPECT_EQ(verdict(with_difference(0.5, 0.2, 0.8, 0.4, 1), Better::kLower), "-");  // one pair: no interval
  // An interval that only touches zero does not exclude it.
  EXPECT_EQ(verdict(with_difference(0.3, 0.0, 0.6, 0.4), Better::kHigher), "unclear");
}

MeasureSeries series(std::string domain, std::string subject, std::string metric, Better better,
                     std::vector<double> values) {
  return MeasureSeries{std::move(domain), std::move(subject), std::move(metric), "h", "a measure", better,
                       std::move(values)};
}

TEST(CompareMeasures, MatchesByDomainClassAndMetric) {
  const std::vector<MeasureSeries> baseline{
      series("sar", "all", "response_mean_h", Better::kLower, {5.0, 6.0, 7.0, 8.0}),
      series("sar", "gone", "response_mean_h", Better::kLower, {1.0, 1.0, 1.0, 1.0}),
      series("isr", "all", "alert_mean_h", Better::kLower, {3.0, 3.0, 5.0, 5.0}),
  };
  // In another order, without the class "gone", with a class of its own.
  const std::vector<MeasureSeries> option{
      series("isr", "all", "alert_mean_h", Better::kLower, {2.0, 2.5, 4.0, 4.5}),
      series("sar", "new", "response_mean_h", Better::kLower, {9.0, 9.0, 9.0, 9.0}),
      series("sar", "all", "response_mean_h", Better::kLower, {4.0, 5.5, 6.0, 7.5}),
  };
  const std::vector<MeasureComparison> rows = compare_measures(baseline, option, 4.0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].domain, "sar");
  EXPECT_EQ(rows[0].subject, "all");
  // Differences -1, -0.5, -1, -0.5: mean -0.75, sd 0.288675, t(3, 0.975) = 3.182446.
  EXPECT_DOUBLE_EQ(rows[0].paired.difference.mean, -0.75);
  EXPECT_NEAR(rows[0].paired.difference.ci_high, -0.75 + 3.182446 * 0.288675 / 2.0, 1e-5);
  EXPECT_EQ(rows[0].verdict, "better");
  EXPECT_DOUBLE_EQ(rows[0].per_musd.mean, -0.75 / 4.0);
  EXPECT_NEAR(rows[0].paired.relative.mean, 5.75 / 6.5 - 1.0, 1e-12);
  EXPECT_EQ(rows[1].domain, "isr");
  EXPECT_DOUBLE_EQ(rows[1].paired.difference.mean, -0.75);
  EXPECT_EQ(rows[1].verdict, "better");
}

TEST(CompareMeasures, LeavesOutPairsWithAnUndefinedSide) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<MeasureSeries> baseline{series("sar", "all", "wait_mean_h", Better::kLower, {1.0, nan, 3.0, 2.0})};
  const std::vector<MeasureSeries> option{series("sar", "all", "wait_mean_h", Better::kLower, {2.0, 1.0, nan, 4.0})};
  const std::vector<MeasureComparison> rows = compare_measures(baseline, option, 1.0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].paired.pairs, 2u);  // replications 0 and 3
  EXPECT_DOUBLE_EQ(rows[0].paired.difference.mean, 1.5);
  EXPECT_DOUBLE_EQ(rows[0].paired.baseline.mean, 1.5);
  EXPECT_DOUBLE_EQ(rows[0].paired.option.mean, 3.0);
}

TEST(CompareMeasures, ACostOfZeroHasNoPerCostFigure) {
  const std::vector<MeasureSeries> b{series("sar", "all", "within_6h", Better::kHigher, {0.5, 0.6, 0.7})};
  const std::vector<MeasureSeries> o{series("sar", "all", "within_6h", Better::kHigher, {0.6, 0.7, 0.8})};
  const std::vector<MeasureComparison> rows = compare_measures(b, o, 0.0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NEAR(rows[0].paired.difference.mean, 0.1, 1e-15);
  EXPECT_TRUE(std::isnan(rows[0].per_musd.mean));
}

TEST(CompareMeasures, RefusesSeriesOfDifferentLengths) {
  const std::vector<MeasureSeries> b{series("sar", "all", "within_6h", Better::kHigher, {0.5, 0.6, 0.7})};
  const std::vector<MeasureSeries> o{series("sar", "all", "within_6h", Better::kHigher, {0.6, 0.7})};
  EXPECT_THROW((void)compare_measures(b, o, 1.0), std::invalid_argument);
}

TEST(MeasureSeries, DirectionsOfTheHeadlineMeasures) {
  Scenario scenario;
  scenario.incident_classes.resize(1);
  scenario.incident_classes[0].name = "boat";
  VariantResults results;  // no replications: the series are empty but listed
  const std::vector<MeasureSeries> all = measure_series(scenario, results);
  const auto direction = [&all](const std::string& domain, const std::string& subject, const std::string& metric) {
    for (const MeasureSeries& s : all) {
      if (s.domain == domain && s.subject == subject && s.metric == metric) return s.better;
    }
    ADD_FAILURE() << "no " << domain << " " << subject << " " << metric;
    return Better::kNeither;
  };
  EXPECT_EQ(direction("sar", "all", "response_mean_h"), Better::kLower);
  EXPECT_EQ(direction("sar", "all", "within_6h"), Better::kHigher);
  EXPECT_EQ(direction("sar", "all", "persons_saved"), Better::kHigher);
  EXPECT_EQ(direction("sar", "all", "unreachable"), Better::kLower);
  EXPECT_EQ(direction("sar", "all", "incidents"), Better::kNeither);
  EXPECT_EQ(direction("sar", "boat", "response_p90_h"), Better::kLower);
  // Utilisation is the whole replication's: not per class.
  for (const MeasureSeries& s : all) EXPECT_FALSE(s.subject == "boat" && s.metric == "utilisation");
}

}  // namespace
}  // namespace mdasim

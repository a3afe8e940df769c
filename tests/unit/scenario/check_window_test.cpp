// The checks against the run's window (scenario/check_window.hpp), one edit of the small SAR
// world at a time (tests/data/valid/sar/small-sar.yaml: a 60-day run, 1440 h, of which 48 h
// warm-up; line numbers refer to that file). Thresholds worked out by hand in each test.
#include <gtest/gtest.h>

#include <string>

#include "rule_check.hpp"
#include "scenario/check_window.hpp"

namespace mdasim {
namespace {

using test::edited;

std::string small_sar() { return test::read_text(test::data_path("valid/sar/small-sar.yaml")); }

// Loaded as a file beside small-sar.yaml, so that its geodata are found.
const std::string kName = test::data_path("valid/sar/edited.yaml");

// An error at line:col whose message contains `needle`.
::testing::AssertionResult fails_with(const std::string& text, int line, int col, const std::string& needle) {
  Diagnostics d;
  if (load_scenario_text(text, kName, d)) return ::testing::AssertionFailure() << "loaded without error";
  for (const Diagnostic& x : d.items()) {
    if (x.severity == Severity::kError && x.where.line == line && x.where.column == col &&
        x.message.find(needle) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error at " << line << ":" << col << " containing '" << needle
                                       << "'; got:\n" << test::printed(d);
}

const std::string kSurvival = "survival: {dist: weibull, scale: 48h, shape: 1.2}";
const std::string kOverdue = "overdue_delay: {dist: exponential, mean: 6h}";

// The diagnostics of loading `text` (which must load) that contain `needle`, with `severity`.
int count_with(const std::string& text, Severity severity, const std::string& needle) {
  Diagnostics d;
  const auto s = load_scenario_text(text, kName, d);
  EXPECT_TRUE(s.has_value()) << test::printed(d);
  int n = 0;
  for (const Diagnostic& x : d.items()) n += x.severity == severity && x.message.find(needle) != std::string::npos;
  return n;
}

TEST(CheckWindow, TheSmallWorldHasNothingToReport) {
  Diagnostics d;
  ASSERT_TRUE(load_scenario_text(small_sar(), kName, d).has_value()) << test::printed(d);
  EXPECT_EQ(d.items().size(), 0u) << test::printed(d);
}

// Weibull: the 99th percentile over the median is (ln 100 / ln 2)^(1/k) = 6.644^(1/k), 10^4 at
// k = log10(6.644) / 4 = 0.2056.
TEST(CheckWindow, WeibullSpreadIsBounded) {
  EXPECT_TRUE(fails_with(edited(small_sar(), kSurvival, "survival: {dist: weibull, scale: 48h, shape: 0.2}"), 77, 15,
                         "puts its 99th percentile about 10^4 times its median"));
  EXPECT_TRUE(fails_with(edited(small_sar(), kSurvival, "survival: {dist: weibull, scale: 48h, shape: 0.01}"), 77, 15,
                         "about 10^82 times its median"));
  // 0.21: 10^3.92, accepted; its 99th percentile, 48 (ln 100)^(1/0.21) = 69,670 h, is beyond the run.
  EXPECT_EQ(count_with(edited(small_sar(), kSurvival, "survival: {dist: weibull, scale: 48h, shape: 0.21}"),
                       Severity::kWarning, "searches are suspended at the 99th percentile of survival or when"),
            1);
}

// Lognormal: the ratio is exp(2.3263 sigma), 10^4 at sigma = 3.959.
TEST(CheckWindow, LognormalSpreadIsBounded) {
  EXPECT_TRUE(fails_with(edited(small_sar(), kSurvival, "survival: {dist: lognormal, median: 48h, sigma: 3.96}"), 77,
                         15, "sigma at most 3.95"));
  EXPECT_EQ(count_with(edited(small_sar(), kSurvival, "survival: {dist: lognormal, median: 48h, sigma: 3.95}"),
                       Severity::kError, ""),
            0);
}

// An overdue median more than ten times the run (1440 h): exponential means above
// 14,400 / ln 2 = 20,775 h are errors; a 99th percentile beyond the run is a warning.
TEST(CheckWindow, OverdueDelaysFarBeyondTheRunAreErrors) {
  EXPECT_TRUE(fails_with(edited(small_sar(), kOverdue, "overdue_delay: {dist: exponential, mean: 1e15h}"), 73, 20,
                         "has a median of 6.931e+14 h, more than 10 times the run"));
  EXPECT_TRUE(fails_with(edited(small_sar(), kOverdue, "overdue_delay: {dist: exponential, mean: 20800h}"), 73, 20,
                         "more than 10 times the run"));
  // 1000 h: the 99th percentile 1000 ln 100 = 4,605 h.
  EXPECT_EQ(count_with(edited(small_sar(), kOverdue, "overdue_delay: {dist: exponential, mean: 20700h}"),
                       Severity::kWarning, "come after the run has ended"),
            1);
  EXPECT_EQ(count_with(edited(small_sar(), kOverdue, "overdue_delay: {dist: exponential, mean: 1000h}"),
                       Severity::kWarning, "reaches 4605 h (191.9 d) at its 99th percentile"),
            1);
}

// Outages: a cycle of repair / (1 - MC) = 5 x repair at 80%; at most 10^4 cycles in 1440 h, so a
// mean repair time of at least 1440 x 0.2 / 10^4 h = 1.728 min.
TEST(CheckWindow, OutageCyclesAreBounded) {
  EXPECT_TRUE(fails_with(edited(small_sar(), "mean_repair_time: 24h", "mean_repair_time: 0.001s"), 43, 23,
                         "1.04e+09 outages of each unit"));
  EXPECT_TRUE(fails_with(edited(small_sar(), "mean_repair_time: 24h", "mean_repair_time: 1.7min"), 43, 23,
                         "a mean repair time of at least 1.73 min"));
  EXPECT_EQ(count_with(edited(small_sar(), "mean_repair_time: 24h", "mean_repair_time: 1.75min"), Severity::kError, ""),
            0);
}

// Sorties: at most 10^6 endurances in 1440 h, an endurance of at least 5.184 s.
TEST(CheckWindow, SortiesAreBounded) {
  EXPECT_TRUE(fails_with(edited(small_sar(), "endurance: 6h", "endurance: 5s"), 40, 16,
                         "an endurance of at least 5.18 s"));
  EXPECT_EQ(count_with(edited(small_sar(), "endurance: 6h", "endurance: 6s"), Severity::kError, ""), 0);
}

// At most 10^6 incidents expected: 200/yr x 60 d = 32.9; 10^6 / 1440 h = 694.4 an hour.
TEST(CheckWindow, ExpectedIncidentsAreBounded) {
  EXPECT_TRUE(fails_with(edited(small_sar(), "rate: 200/yr", "rate: 700/h"), 65, 11,
                         "give 1.01e+06 incidents expected in the run"));
  EXPECT_EQ(count_with(edited(small_sar(), "rate: 200/yr", "rate: 690/h"), Severity::kError, ""), 0);
  // Persons: 690/h x 1440 h x 11 aboard = 1.09e7.
  std::string text = edited(small_sar(), "rate: 200/yr", "rate: 690/h");
  EXPECT_TRUE(fails_with(edited(text, "persons_on_board: 3", "persons_on_board: 11"), 71, 23,
                         "1.09e+07 persons aboard expected"));
}

// The measured window is counted in 32-bit seconds by the coverage maps: at most 68.05 years.
TEST(CheckWindow, MeasuredWindowFitsTheCoverageMaps) {
  EXPECT_TRUE(fails_with(edited(small_sar(), "duration: 60d", "duration: 70yr"), 9, 13, "(68 years)"));
  EXPECT_EQ(count_with(edited(small_sar(), "duration: 60d", "duration: 68yr"), Severity::kError, "68 years"), 0);
}

TEST(CheckWindow, DelaysLongerThanTheRunAreWarnings) {
  EXPECT_EQ(count_with(edited(small_sar(), "readiness: 1h", "readiness: 61d"), Severity::kWarning,
                       "asset type 'Patrol plane': readiness (1464 h (61 d)) is longer than the run"),
            1);
}

}  // namespace
}  // namespace mdasim

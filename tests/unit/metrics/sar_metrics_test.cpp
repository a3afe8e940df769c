// The SAR measures on hand-built replication records, against values worked out by hand in the
// comments: response statistics over reached incidents, fractions over all incidents (never
// reached counts as not within), persons saved, waits, utilisation, the per-class filter, NaN
// where there is nothing to average, and the across-replication summary skipping NaN.
#include "metrics/sar_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace mdasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEps = 1e-12;

struct IncidentSpec {
  int class_index;
  double alerted_h;
  double ready_h;
  double dispatched_h;  // NaN: never dispatched
  double on_scene_h;    // NaN: never reached
  IncidentOutcome outcome;
  std::int32_t persons;
  std::int32_t saved;
};

IncidentRecord incident(const IncidentSpec& s, std::uint32_t id) {
  IncidentRecord r;
  r.id = id;
  r.class_index = s.class_index;
  r.persons = s.persons;
  r.occurred_h = s.alerted_h - 0.25;
  r.alerted_h = s.alerted_h;
  r.ready_h = s.ready_h;
  r.dispatched_h = s.dispatched_h;
  r.on_scene_h = s.on_scene_h;
  r.outcome = s.outcome;
  r.persons_saved = s.saved;
  return r;
}

// Window 0..100 h; two units busy 10 h and 30 h: utilisation (0.1 + 0.3) / 2 = 0.2.
// Incidents (class, alert, ready, dispatch, on scene -> response, wait, outcome, persons/saved):
//   A  0   1    1.5    1.5             2.5   -> 1.5, 0          found      4/4
//   B  0  10   10.5   11.5            14     -> 4,   1          found      2/1
//   C  1  20   20.5   20.5            28     -> 8,   0          not found  3/0
//   D  1  30   30.5   never           never  -> -,   -          unreachable 1/0
//   E  0  40   40.25  40.25 + 0.5 s   40.5   -> 0.5, 0.5 s      found      1/1
SarReplicationResult sample() {
  SarReplicationResult r;
  r.replication = 3;
  r.window_start_h = 0.0;
  r.window_end_h = 100.0;
  const std::vector<IncidentSpec> specs{
      {0, 1.0, 1.5, 1.5, 2.5, IncidentOutcome::kFound, 4, 4},
      {0, 10.0, 10.5, 11.5, 14.0, IncidentOutcome::kFound, 2, 1},
      {1, 20.0, 20.5, 20.5, 28.0, IncidentOutcome::kNotFound, 3, 0},
      {1, 30.0, 30.5, kNaN, kNaN, IncidentOutcome::kUnreachable, 1, 0},
      {0, 40.0, 40.25, 40.25 + 0.5 / 3600.0, 40.5, IncidentOutcome::kFound, 1, 1},
  };
  for (std::size_t i = 0; i < specs.size(); ++i)
    r.incidents.push_back(incident(specs[i], static_cast<std::uint32_t>(i)));
  r.units = {UnitRecord{2, 10.0, 5.0}, UnitRecord{1, 30.0, 0.0}};
  return r;
}

TEST(SarMetrics, MeasuresOfOneReplication) {
  const SarReplicationMetrics m = sar_metrics(sample());
  EXPECT_EQ(m[SarMeasure::kIncidents], 5.0);
  EXPECT_EQ(m[SarMeasure::kReached], 4.0);
  EXPECT_EQ(m[SarMeasure::kUnreachable], 1.0);
  // Reached responses 1.5, 4, 8, 0.5: sorted 0.5 1.5 4 8, mean 14 / 4.
  EXPECT_NEAR(m[SarMeasure::kResponseMean], 3.5, kEps);
  // Type 7: median at 1 + 3 * 0.5 = 2.5 -> (1.5 + 4) / 2; p90 at 1 + 3 * 0.9 = 3.7 -> 0.3 * 4 + 0.7 * 8.
  EXPECT_NEAR(m[SarMeasure::kResponseMedian], 2.75, kEps);
  EXPECT_NEAR(m[SarMeasure::kResponseP90], 6.8, kEps);
  // Within 2 h: 1.5 and 0.5 of 5 incidents (D never reached counts as not within); 6 h: also 4.
  EXPECT_NEAR(m[SarMeasure::kWithin2h], 0.4, kEps);
  EXPECT_NEAR(m[SarMeasure::kWithin6h], 0.6, kEps);
  EXPECT_NEAR(m[SarMeasure::kFound], 0.6, kEps);
  // Persons 4 + 2 + 3 + 1 + 1 = 11, saved 4 + 1 + 0 + 0 + 1 = 6.
  EXPECT_NEAR(m[SarMeasure::kPersonsSaved], 6.0 / 11.0, kEps);
  // Dispatched A, B, C, E: waits 0, 1, 0, 0.5 s; only B waited more than a second.
  EXPECT_NEAR(m[SarMeasure::kWaitMean], (1.0 + 0.5 / 3600.0) / 4.0, kEps);
  EXPECT_NEAR(m[SarMeasure::kWaited], 0.25, kEps);
  EXPECT_NEAR(m[SarMeasure::kUtilisation], 0.2, kEps);
}

TEST(SarMetrics, UtilisationIsOverTheMeasuredWindow) {
  SarReplicationResult r = sample();
  r.window_start_h = 50.0;  // 50 h window: (10/50 + 30/50) / 2
  EXPECT_NEAR(sar_metrics(r)[SarMeasure::kUtilisation], 0.4, kEps);
  r.units.clear();
  EXPECT_TRUE(std::isnan(sar_metrics(r)[SarMeasure::kUtilisation]));
}

TEST(SarMetrics, PerClassFilter) {
  const SarReplicationResult r = sample();
  // Class 0: A, B, E. Responses 1.5, 4, 0.5: mean 2, median 1.5, p90 at 1 + 2 * 0.9 = 2.8 ->
  // 0.2 * 1.5 + 0.8 * 4 = 3.5. Persons 7, saved 6. Waits 0, 1, 0.5 s.
  const SarReplicationMetrics a = sar_metrics(r, 0);
  EXPECT_EQ(a[SarMeasure::kIncidents], 3.0);
  EXPECT_EQ(a[SarMeasure::kReached], 3.0);
  EXPECT_EQ(a[SarMeasure::kUnreachable], 0.0);
  EXPECT_NEAR(a[SarMeasure::kResponseMean], 2.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kResponseMedian], 1.5, kEps);
  EXPECT_NEAR(a[SarMeasure::kResponseP90], 3.5, kEps);
  EXPECT_NEAR(a[SarMeasure::kWithin2h], 2.0 / 3.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kWithin6h], 1.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kFound], 1.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kPersonsSaved], 6.0 / 7.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kWaitMean], (1.0 + 0.5 / 3600.0) / 3.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kWaited], 1.0 / 3.0, kEps);
  EXPECT_NEAR(a[SarMeasure::kUtilisation], 0.2, kEps);  // the whole replication's

  // Class 1: C reached in 8 h and not found, D unreachable.
  const SarReplicationMetrics b = sar_metrics(r, 1);
  EXPECT_EQ(b[SarMeasure::kIncidents], 2.0);
  EXPECT_EQ(b[SarMeasure::kReached], 1.0);
  EXPECT_EQ(b[SarMeasure::kUnreachable], 1.0);
  EXPECT_EQ(b[SarMeasure::kResponseMean], 8.0);
  EXPECT_EQ(b[SarMeasure::kResponseMedian], 8.0);
  EXPECT_EQ(b[SarMeasure::kResponseP90], 8.0);
  EXPECT_EQ(b[SarMeasure::kWithin2h], 0.0);
  EXPECT_EQ(b[SarMeasure::kWithin6h], 0.0);
  EXPECT_EQ(b[SarMeasure::kFound], 0.0);
  EXPECT_EQ(b[SarMeasure::kPersonsSaved], 0.0);
  EXPECT_EQ(b[SarMeasure::kWaitMean], 0.0);
  EXPECT_EQ(b[SarMeasure::kWaited], 0.0);
}

TEST(SarMetrics, NaNWithoutIncidents) {
  for (const SarReplicationMetrics& m : {sar_metrics(sample(), 7), [] {
                                           SarReplicationResult empty = sample();
                                           empty.incidents.clear();
                                           return sar_metrics(empty);
                                         }()}) {
    EXPECT_EQ(m[SarMeasure::kIncidents], 0.0);
    EXPECT_EQ(m[SarMeasure::kReached], 0.0);
    EXPECT_EQ(m[SarMeasure::kUnreachable], 0.0);
    for (const SarMeasure k : {SarMeasure::kResponseMean, SarMeasure::kResponseMedian, SarMeasure::kResponseP90,
                               SarMeasure::kWithin2h, SarMeasure::kWithin6h, SarMeasure::kFound,
                               SarMeasure::kPersonsSaved, SarMeasure::kWaitMean, SarMeasure::kWaited}) {
      EXPECT_TRUE(std::isnan(m[k])) << info(k).key;
    }
    EXPECT_NEAR(m[SarMeasure::kUtilisation], 0.2, kEps);
  }
}

TEST(SarMetrics, NoneReachedGivesNaNResponseButZeroWithin) {
  SarReplicationResult r = sample();
  r.incidents.resize(4);
  r.incidents.erase(r.incidents.begin(), r.incidents.begin() + 3);  // only D
  const SarReplicationMetrics m = sar_metrics(r);
  EXPECT_EQ(m[SarMeasure::kIncidents], 1.0);
  EXPECT_TRUE(std::isnan(m[SarMeasure::kResponseMean]));
  EXPECT_TRUE(std::isnan(m[SarMeasure::kResponseMedian]));
  EXPECT_EQ(m[SarMeasure::kWithin2h], 0.0);
  EXPECT_EQ(m[SarMeasure::kWithin6h], 0.0);
  EXPECT_TRUE(std::isnan(m[SarMeasure::kWaitMean]));  // never dispatched
  EXPECT_TRUE(std::isnan(m[SarMeasure::kWaited]));
}

TEST(SarMetrics, SummariseSkipsNaNReplications) {
  SarReplicationMetrics a;
  SarReplicationMetrics b;
  SarReplicationMetrics c;
  a.values.fill(1.0);
  b.values.fill(kNaN);
  c.values.fill(3.0);
  a[SarMeasure::kResponseMean] = 3.5;
  c[SarMeasure::kResponseMean] = 2.5;
  b[SarMeasure::kIncidents] = 0.0;
  a[SarMeasure::kIncidents] = 5.0;
  c[SarMeasure::kIncidents] = 3.0;
  const auto s = summarise({a, b, c});
  const Estimate& response = s[static_cast<std::size_t>(SarMeasure::kResponseMean)];
  EXPECT_EQ(response.n, 2u);
  EXPECT_NEAR(response.mean, 3.0, kEps);
  // sd of {3.5, 2.5} = sqrt(0.5); half width t(0.975, 1) sd / sqrt(2) = 12.7062047 * 0.5.
  EXPECT_NEAR(response.sd, std::sqrt(0.5), kEps);
  EXPECT_NEAR(response.ci_high - response.mean, 12.7062047362 * 0.5, 1e-8);
  EXPECT_NEAR(response.mean - response.ci_low, 12.7062047362 * 0.5, 1e-8);
  const Estimate& incidents = s[static_cast<std::size_t>(SarMeasure::kIncidents)];
  EXPECT_EQ(incidents.n, 3u);
  EXPECT_NEAR(incidents.mean, 8.0 / 3.0, kEps);
  // A measure NaN in every replication: n = 0 and NaN.
  SarReplicationMetrics all_nan;
  all_nan.values.fill(kNaN);
  const Estimate none = summarise({all_nan, all_nan})[0];
  EXPECT_EQ(none.n, 0u);
  EXPECT_TRUE(std::isnan(none.mean));
}

TEST(SarMetrics, MeasureKeysAreStableAndUnique) {
  std::set<std::string> keys;
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    const SarMeasureInfo& i = info(static_cast<SarMeasure>(k));
    EXPECT_FALSE(i.units.empty());
    EXPECT_FALSE(i.long_name.empty());
    keys.emplace(i.key);
  }
  EXPECT_EQ(keys.size(), kSarMeasureCount);
  EXPECT_EQ(info(SarMeasure::kIncidents).key, "incidents");
  EXPECT_EQ(info(SarMeasure::kResponseMean).key, "response_mean_h");
  EXPECT_EQ(info(SarMeasure::kResponseMean).units, "h");
  EXPECT_EQ(info(SarMeasure::kWithin6h).key, "within_6h");
  EXPECT_EQ(info(SarMeasure::kPersonsSaved).key, "persons_saved");
  EXPECT_EQ(info(SarMeasure::kUtilisation).key, "utilisation");
}

}  // namespace
}  // namespace mdasim

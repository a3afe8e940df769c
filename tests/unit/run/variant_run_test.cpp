// Simulating variants and comparing them: common random numbers (an option that changes only
// the assets sees exactly the incidents and targets of its base), results that do not depend on
// the thread count, and an option that changes nothing compared with its base giving exactly
// zero differences.
#include "run/variant_run.hpp"

#include <cmath>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "model/isr_replication.hpp"
#include "model/sar_replication.hpp"
#include "run/option_comparison.hpp"
#include "scenario/load.hpp"
#include "../scenario/test_paths.hpp"

namespace mdasim {
namespace {

struct World {
  Scenario scenario;
  Geography geography;
};

World load(const std::string& relative) {
  Diagnostics diagnostics;
  std::optional<Scenario> s = load_scenario(test::data_path(relative), diagnostics);
  EXPECT_TRUE(s.has_value()) << relative;
  std::optional<Geography> g = build_geography(*s, diagnostics);
  EXPECT_TRUE(g.has_value()) << relative;
  EXPECT_EQ(diagnostics.error_count(), 0u);
  return World{std::move(*s), std::move(*g)};
}

// One replication of a variant, by hand, keeping the target records the run does not keep.
struct Replication {
  SarReplicationResult sar;
  IsrReplicationResult isr;
};

Replication replicate(const World& w, std::size_t r) {
  const SarSetup setup(w.scenario, w.geography);
  const PatrolSetup patrols(w.scenario, w.geography, setup);
  const IsrSetup isr(w.scenario, w.geography, setup, &patrols);
  const ReplicationKey key{7, 0, r};
  Replication out{run_sar_replication(setup, &patrols, key), {}};
  out.isr = run_isr_replication(isr, key, out.sar.sorties);
  return out;
}

TEST(CommonRandomNumbers, AnAssetOnlyOptionSeesTheSameIncidentsAndTargets) {
  const World base = load("valid/sar/small-patrol.yaml");
  const World option = load("valid/compare/more-boats.yaml");
  ASSERT_EQ(option.scenario.assets.size(), base.scenario.assets.size() + 1);
  bool responses_differ = false;
  std::size_t incidents = 0;
  std::size_t targets = 0;
  for (std::size_t r = 0; r < 4; ++r) {
    const Replication b = replicate(base, r);
    const Replication o = replicate(option, r);
    ASSERT_EQ(o.sar.incidents.size(), b.sar.incidents.size()) << "replication " << r;
    for (std::size_t i = 0; i < b.sar.incidents.size(); ++i) {
      const IncidentRecord& x = b.sar.incidents[i];
      const IncidentRecord& y = o.sar.incidents[i];
      EXPECT_EQ(y.class_index, x.class_index);
      EXPECT_EQ(y.occurred_h, x.occurred_h);  // bit for bit
      EXPECT_EQ(y.position.lon_deg, x.position.lon_deg);
      EXPECT_EQ(y.position.lat_deg, x.position.lat_deg);
      EXPECT_EQ(y.persons, x.persons);
      EXPECT_EQ(y.beacon, x.beacon);
      EXPECT_EQ(y.state_index, x.state_index);
      if (y.response_h() != x.response_h()) responses_differ = true;
    }
    ASSERT_EQ(o.isr.records.size(), b.isr.records.size()) << "replication " << r;
    for (std::size_t i = 0; i < b.isr.records.size(); ++i) {
      const TargetRecord& x = b.isr.records[i];
      const TargetRecord& y = o.isr.records[i];
      EXPECT_EQ(y.class_index, x.class_index);
      EXPECT_EQ(y.appear_h, x.appear_h);
      EXPECT_EQ(y.leave_h, x.leave_h);
      EXPECT_EQ(y.appear_position.lon_deg, x.appear_position.lon_deg);
      EXPECT_EQ(y.appear_position.lat_deg, x.appear_position.lat_deg);
      EXPECT_EQ(y.ais_on, x.ais_on);
    }
    incidents += b.sar.incidents.size();
    targets += b.isr.records.size();
  }
  EXPECT_GT(incidents, 100u);  // 200/yr over 58 measured days, 4 replications: about 127
  EXPECT_GT(targets, 300u);    // 2/d over 58 days, 4 replications: about 464
  EXPECT_TRUE(responses_differ) << "the extra boat should change some response";
}

TEST(VariantSimulation, SameResultsForAnyThreadCount) {
  const World w = load("valid/sar/small-patrol.yaml");
  VariantSimulation one(w.scenario, w.geography, 1);
  VariantSimulation two(w.scenario, w.geography, 2);
  const SarRunInfo info{7, 5};
  const VariantResults a = one.run(info, 1, {});
  const VariantResults b = two.run(info, 2, {});
  const std::vector<MeasureSeries> sa = measure_series(w.scenario, a);
  const std::vector<MeasureSeries> sb = measure_series(w.scenario, b);
  ASSERT_EQ(sa.size(), sb.size());
  for (std::size_t i = 0; i < sa.size(); ++i) {
    ASSERT_EQ(sa[i].values.size(), 5u);
    for (std::size_t r = 0; r < 5; ++r) {
      const double x = sa[i].values[r];
      const double y = sb[i].values[r];
      EXPECT_TRUE((std::isnan(x) && std::isnan(y)) || x == y) << sa[i].metric << " replication " << r;
    }
  }
}

TEST(VariantSimulation, AnOptionThatChangesNothingDiffersByExactlyZero) {
  const World base = load("valid/sar/small-patrol.yaml");
  const World option = load("valid/compare/nothing.yaml");
  const SarRunInfo info{11, 6};
  VariantSimulation b(base.scenario, base.geography, 2);
  VariantSimulation o(option.scenario, option.geography, 2);
  const std::vector<MeasureSeries> sb = measure_series(base.scenario, b.run(info, 2, {}));
  const std::vector<MeasureSeries> so = measure_series(option.scenario, o.run(info, 2, {}));
  const std::vector<MeasureComparison> rows = compare_measures(sb, so, option.scenario.option->cost_musd);
  ASSERT_EQ(rows.size(), sb.size());  // every measure matched
  std::size_t compared = 0;
  for (const MeasureComparison& m : rows) {
    if (m.paired.pairs == 0) continue;  // never defined (e.g. waits with no wait)
    ++compared;
    const std::string what = m.domain + " " + m.subject + " " + m.metric;
    EXPECT_EQ(m.paired.difference.mean, 0.0) << what;
    EXPECT_EQ(m.paired.difference.ci_low, 0.0) << what;
    EXPECT_EQ(m.paired.difference.ci_high, 0.0) << what;
    EXPECT_EQ(m.per_musd.mean, 0.0) << what;
    if (m.paired.baseline.mean != 0.0) {
      EXPECT_EQ(m.paired.relative.mean, 0.0) << what;
      EXPECT_EQ(m.paired.relative.ci_low, 0.0) << what;
      EXPECT_EQ(m.paired.relative.ci_high, 0.0) << what;
    }
    EXPECT_TRUE(m.verdict == "no change" || m.verdict == "-") << what << ": " << m.verdict;
  }
  EXPECT_GT(compared, 20u);
}

}  // namespace
}  // namespace mdasim

// Detection of ISR targets by patrols: the sorties on station while a target is out, found from
// the schedule, against going through every sortie (random schedules), and the first patrol
// detection of every target of a baseline replication, from those sorties only and from all.
#include "model/isr_replication.hpp"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_stream.hpp"
#include "model/sar_replication.hpp"
#include "../geo/baseline_geography.hpp"

namespace mdasim {
namespace {

TEST(SortieSchedule, OnStationIsEverySortieWhoseTimeOnStationMeetsTheWindow) {
  RandomStream rng(11, 0, 0, StreamPurpose::kTest);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<PatrolSortie> sorties(static_cast<std::size_t>(rng.below(60)));
    for (PatrolSortie& s : sorties) {
      // Whole hours, so that windows often start or end exactly where a time on station does.
      s.station_start_h = static_cast<double>(rng.below(200));
      s.station_end_h = s.station_start_h + static_cast<double>(rng.below(12));
      s.launch_h = s.station_start_h - 1.0;
    }
    const SortieSchedule schedule(sorties);
    std::vector<std::uint32_t> found;
    for (int w = 0; w < 40; ++w) {
      const double appear_h = static_cast<double>(rng.below(220)) - 10.0;
      const double leave_h = appear_h + static_cast<double>(rng.below(30));
      schedule.on_station(appear_h, leave_h, found);
      std::vector<std::uint32_t> expected;
      for (std::size_t s = 0; s < sorties.size(); ++s) {
        if (sorties[s].station_start_h < leave_h && sorties[s].station_end_h > appear_h) {
          expected.push_back(static_cast<std::uint32_t>(s));
        }
      }
      EXPECT_EQ(found, expected) << "trial " << trial << ", window " << appear_h << " to " << leave_h;
    }
  }
}

TEST(PatrolTargetDetection, FromTheSortiesOnStationAsFromAll) {
  const test::BaselineGeography* base = test::baseline_geography();
  ASSERT_NE(base, nullptr);
  const SarSetup sar(base->scenario, base->geography, 2);
  const PatrolSetup patrols(base->scenario, base->geography, sar);
  const IsrSetup isr(base->scenario, base->geography, sar, &patrols);
  const ReplicationKey key{base->scenario.run.seed, 0, 3};
  const std::vector<PatrolSortie> sorties = run_sar_replication(sar, &patrols, key).sorties;
  const std::vector<Target> targets = draw_targets(isr.targets(), key);
  ASSERT_GT(sorties.size(), 100u);
  ASSERT_GT(targets.size(), 1000u);
  const std::vector<SortieTrack> tracks = sortie_tracks(patrols, sorties);
  const SortieSchedule schedule(sorties);
  std::vector<std::uint32_t> candidates;
  int detected = 0;
  for (std::size_t n = 0; n < targets.size(); ++n) {
    const Target& t = targets[n];
    const int object = base->scenario.target_classes[static_cast<std::size_t>(t.class_index)].search_object_index;
    const auto index = static_cast<std::uint32_t>(n);
    schedule.on_station(t.appear_h, t.leave_h, candidates);
    const PatrolTargetDetection some = first_patrol_detection(patrols, sorties, tracks, candidates, t, index, key, object);
    const PatrolTargetDetection all = first_patrol_detection(patrols, sorties, tracks, t, index, key, object);
    ASSERT_EQ(some.detected, all.detected) << "target " << n;
    if (!all.detected) continue;
    ++detected;
    EXPECT_EQ(some.sortie, all.sortie);
    EXPECT_EQ(some.detected_h, all.detected_h);
    EXPECT_EQ(some.position.lon_deg, all.position.lon_deg);
    EXPECT_EQ(some.position.lat_deg, all.position.lat_deg);
  }
  EXPECT_GT(detected, 10);
}

// A replication's records against each target's first detection by the fixed sensors and by
// every sortie (no screening): the patrols' boxes only spare the looks that cannot see.
TEST(IsrReplication, EachTargetFirstSeenAsByEverySensorAndSortie) {
  const test::BaselineGeography* base = test::baseline_geography();
  ASSERT_NE(base, nullptr);
  const Scenario& sc = base->scenario;
  const SarSetup sar(sc, base->geography, 2);
  const PatrolSetup patrols(sc, base->geography, sar);
  const IsrSetup isr(sc, base->geography, sar, &patrols);
  const ReplicationKey key{sc.run.seed, 0, 5};
  const std::vector<PatrolSortie> sorties = run_sar_replication(sar, &patrols, key).sorties;
  const IsrReplicationResult result = run_isr_replication(isr, key, sorties);
  const std::vector<Target> targets = draw_targets(isr.targets(), key);
  const std::vector<UpPeriods> up = fixed_sensors_up_periods(sc, key, std::max(sc.run.duration_h, latest_leave_h(targets)));
  const std::vector<SortieTrack> tracks = sortie_tracks(patrols, sorties);
  std::size_t k = 0;
  int by_patrol = 0;
  int by_sensor = 0;
  for (std::size_t n = 0; n < targets.size(); ++n) {
    const Target& t = targets[n];
    if (t.appear_h < sc.run.warmup_h || t.appear_h >= sc.run.duration_h) continue;
    ASSERT_LT(k, result.records.size());
    const TargetRecord& r = result.records[k++];
    ASSERT_EQ(r.appear_h, t.appear_h);
    const FixedDetection fixed = first_fixed_detection(t, isr.sensors(), up, isr.routing());
    const int object = sc.target_classes[static_cast<std::size_t>(t.class_index)].search_object_index;
    const PatrolTargetDetection patrol =
        first_patrol_detection(patrols, sorties, tracks, t, static_cast<std::uint32_t>(n), key, object);
    const bool patrol_first = patrol.detected && (!fixed.detected || patrol.detected_h < fixed.detected_h);
    ASSERT_EQ(r.detected, fixed.detected || patrol.detected) << "target " << n;
    if (!r.detected) continue;
    EXPECT_EQ(r.detected_h, patrol_first ? patrol.detected_h : fixed.detected_h);
    EXPECT_EQ(r.sortie, patrol_first ? patrol.sortie : kNoIndex);
    (patrol_first ? by_patrol : by_sensor) += 1;
  }
  EXPECT_EQ(k, result.records.size());
  EXPECT_GT(by_patrol, 10);
  EXPECT_GT(by_sensor, 10);
}

}  // namespace
}  // namespace mdasim

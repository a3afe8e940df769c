// Patrols in the simulation, on tests/data/valid/sar/small-patrol.yaml: the sortie plan
// (transit, time on station), the schedule, missed sorties, retasking of a patrolling SAR unit,
// incidents alerted by a patrol and by a coastal radar, targets seen by a patrol, and the
// coverage a sortie gives. Every unit is mission capable (no outages) unless a test says
// otherwise; times are worked out by hand from the geometry (geodesic distances, speeds).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
#include "model/detection.hpp"
#include "model/fixed_sensors.hpp"
#include "model/isr_replication.hpp"
#include "model/patrol_coverage.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_replication.hpp"
#include "model/sightings.hpp"
#include "model/target_detection.hpp"
#include "scenario/load.hpp"
#include "../scenario/test_paths.hpp"

namespace mdasim {
namespace {

struct PatrolWorld {
  Scenario scenario;
  Geography geography;
};

const PatrolWorld& patrol_world() {
  static const std::unique_ptr<PatrolWorld> built = [] {
    Diagnostics d;
    auto s = load_scenario(test::data_path("valid/sar/small-patrol.yaml"), d);
    EXPECT_TRUE(s.has_value()) << "small-patrol.yaml does not load";
    auto g = build_geography(*s, d);
    EXPECT_TRUE(g.has_value());
    return std::make_unique<PatrolWorld>(PatrolWorld{std::move(*s), std::move(*g)});
  }();
  return *built;
}

// The scenario with every unit mission capable (or the given rate for the patrol plane's type).
Scenario variant(double plane_mission_capable_rate = 1.0) {
  Scenario s = patrol_world().scenario;
  for (AssetType& t : s.asset_types) t.mission_capable_rate = 1.0;
  s.asset_types[0].mission_capable_rate = plane_mission_capable_rate;  // "Patrol plane"
  return s;
}

// The SAR and patrol setups of one scenario variant, built together.
struct Setups {
  Scenario scenario;
  std::unique_ptr<SarSetup> sar;
  std::unique_ptr<PatrolSetup> patrols;
  explicit Setups(Scenario s) : scenario(std::move(s)) {
    sar = std::make_unique<SarSetup>(scenario, patrol_world().geography);
    patrols = std::make_unique<PatrolSetup>(scenario, patrol_world().geography, *sar);
  }
};

const GeoPoint kWestAir{100.2, 2.0};
const GeoPoint kBarrierSouth{101.55, 0.5};
const GeoPoint kBarrierNorth{101.55, 3.5};
const ReplicationKey kKey{11, 0, 3};

double leg_nm() { return geodesic_nm(kBarrierSouth, kBarrierNorth); }

SarReplicationResult run(const Setups& s, std::vector<SarIncident> incidents) {
  return run_sar_replication(*s.sar, s.patrols.get(), kKey, std::move(incidents));
}

// An incident at `p` occurring at `occurred_h`, alerted by beacon at once or by an overdue report
// `overdue_h` later; found as soon as searched.
SarIncident incident(const SarSetup& setup, GeoPoint p, double occurred_h, bool beacon, double overdue_h = 100.0) {
  SarIncident inc;
  inc.class_index = 0;
  inc.position = p;
  inc.state = setup.responsible_state(p);
  inc.beacon = beacon;
  inc.occurred_h = occurred_h;
  inc.alerted_h = beacon ? occurred_h : occurred_h + overdue_h;
  inc.ready_h = inc.alerted_h + 0.5;
  inc.suspend_h = occurred_h + setup.incident_classes()[0].search_suspension_h;
  inc.coverage_needed = 0.01;
  inc.survival_h = {1000.0};
  return inc;
}

TEST(PatrolSetup, SortiePlanFromTheBase) {
  const Setups s(variant());
  ASSERT_EQ(s.patrols->units().size(), 1u);
  const PatrolUnit& u = s.patrols->units()[0];
  EXPECT_EQ(u.name, "West plane");
  ASSERT_GE(u.sar_unit, 0);
  EXPECT_EQ(s.sar->units()[static_cast<std::size_t>(u.sar_unit)].name, "West plane");
  // Out to the barrier's southern end at 200 kt; 3 h on station fits the 6 h endurance
  // (6 - out - the farther end's return > 3).
  const double out_h = geodesic_nm(kWestAir, kBarrierSouth) / 200.0;
  EXPECT_NEAR(u.transit_out_h, out_h, 1e-12);
  const double farthest_h = std::max(geodesic_nm(kWestAir, kBarrierSouth), geodesic_nm(kWestAir, kBarrierNorth)) / 200.0;
  ASSERT_GT(6.0 - out_h - farthest_h, 3.0);
  EXPECT_DOUBLE_EQ(u.on_station_h, 3.0);
  const PatrolPlan& plan = s.patrols->patrols()[0];
  EXPECT_DOUBLE_EQ(plan.interval_h, 24.0);  // 7 a week
  EXPECT_NEAR(plan.route.cycle_nm, 2.0 * leg_nm(), 1e-9);
  // Without time_on_station the endurance decides: 6 - out - farthest return.
  Scenario longer = variant();
  longer.patrols[0].time_on_station_h.reset();
  const Setups l(longer);
  EXPECT_NEAR(l.patrols->units()[0].on_station_h, 6.0 - out_h - farthest_h, 1e-12);
}

TEST(PatrolSetup, AVesselSailsToItsStationOverWater) {
  // The West boat (West Port, 100.5 E on the coast) keeps a weekly 10 h station 30 nm out.
  Scenario sc = variant();
  Patrol station;
  station.name = "Boat station";
  station.pattern = PatrolPattern::kStation;
  station.point = {101.0, 2.0};
  station.sorties_per_week = 1.0;
  station.time_on_station_h = 10.0;
  sc.patrols.push_back(station);
  sc.assets[1].patrol = station.name;
  sc.assets[1].patrol_index = 1;
  sc.assets[1].isr = true;
  const Setups s(sc);
  ASSERT_EQ(s.patrols->units().size(), 2u);
  const PatrolUnit& boat = s.patrols->units()[1];
  EXPECT_EQ(boat.name, "West boat");
  EXPECT_TRUE(boat.surface);
  // Over water: never below the geodesic, at most the 16-move metric's 2.75% above it plus the
  // port's access leg (within a cell diagonal, 8.5 nm).
  const double geodesic_h = geodesic_nm({100.5, 2.0}, station.point) / 20.0;
  EXPECT_GE(boat.transit_out_h, geodesic_h - 1e-9);
  EXPECT_LE(boat.transit_out_h, 1.0275 * geodesic_h + 8.5 / 20.0);
  EXPECT_DOUBLE_EQ(boat.on_station_h, 10.0);
  const SarReplicationResult r = run(s, {});
  int flown = 0;
  for (const PatrolSortie& so : r.sorties) {
    if (so.patrol != 1) continue;
    ++flown;
    EXPECT_NEAR(so.station_start_h - so.launch_h, boat.transit_out_h, 1e-9);
    EXPECT_NEAR(so.station_end_h - so.station_start_h, 10.0, 1e-9);
  }
  EXPECT_GE(flown, 8);  // 60 days of weekly sorties: 8 or 9
  EXPECT_LE(flown, 9);
  ASSERT_EQ(r.patrols.size(), 2u);
  EXPECT_EQ(r.patrols[1].flown, r.patrols[1].planned);
}

TEST(PatrolWorld, DailySortiesFlownWhenTheUnitIsUp) {
  const Setups s(variant());
  const SarReplicationResult r = run(s, {});
  // 60 days, one sortie a day from a phase in [0, 24 h): 60 sorties, 58 of them planned after
  // the 2-day warm-up.
  ASSERT_EQ(r.sorties.size(), 60u);
  ASSERT_EQ(r.patrols.size(), 1u);
  EXPECT_EQ(r.patrols[0].planned, 58);
  EXPECT_EQ(r.patrols[0].flown, 58);
  EXPECT_EQ(r.patrols[0].retasked, 0);
  const PatrolUnit& u = s.patrols->units()[0];
  EXPECT_GE(r.sorties[0].launch_h, 0.0);
  EXPECT_LT(r.sorties[0].launch_h, 24.0);
  double station_h = 0.0;
  double patrol_h = 0.0;
  for (std::size_t k = 0; k < r.sorties.size(); ++k) {
    const PatrolSortie& so = r.sorties[k];
    if (k > 0) {
      EXPECT_NEAR(so.launch_h - r.sorties[k - 1].launch_h, 24.0, 1e-9);
    }
    EXPECT_NEAR(so.station_start_h - so.launch_h, u.transit_out_h, 1e-9);
    EXPECT_NEAR(so.station_end_h - so.station_start_h, 3.0, 1e-9);
    EXPECT_FALSE(so.retasked);
    // Back from where 3 h at 150 kt along the barrier left it, then 2 h turnaround.
    const GeoPoint exit = route_position(s.patrols->patrols()[0].route, 3.0 * 150.0);
    const double ready_h = so.station_end_h + geodesic_nm(exit, kWestAir) / 200.0 + 2.0;
    if (so.launch_h >= 48.0 && so.launch_h < 1440.0) {
      station_h += std::min(so.station_end_h, 1440.0) - so.station_start_h;
    }
    patrol_h += std::max(0.0, std::min(ready_h, 1440.0) - std::max(so.launch_h, 48.0));
  }
  EXPECT_NEAR(r.patrols[0].station_h, station_h, 1e-6);
  EXPECT_NEAR(r.units[static_cast<std::size_t>(u.sar_unit)].patrol_h, patrol_h, 1e-6);
  EXPECT_DOUBLE_EQ(r.units[static_cast<std::size_t>(u.sar_unit)].busy_h, 0.0);  // no SAR task
}

TEST(PatrolWorld, SortiesAreMissedWhileTheUnitIsDown) {
  const Setups s(variant(0.0));  // never mission capable
  const SarReplicationResult r = run(s, {});
  EXPECT_TRUE(r.sorties.empty());
  EXPECT_EQ(r.patrols[0].planned, 58);
  EXPECT_EQ(r.patrols[0].flown, 0);
  // Half the time up: about half the sorties fly, and never more than planned.
  const Setups h(variant(0.5));
  int planned = 0;
  int flown = 0;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    const SarReplicationResult x = run_sar_replication(*h.sar, h.patrols.get(), {5, 0, rep}, {});
    planned += x.patrols[0].planned;
    flown += x.patrols[0].flown;
  }
  EXPECT_EQ(planned, 20 * 58);
  EXPECT_NEAR(static_cast<double>(flown) / planned, 0.5, 0.1);
}

TEST(PatrolWorld, APatrollingPlaneIsRetaskedFromWhereItIs) {
  const Setups s(variant());
  const std::vector<PatrolSortie> plan = run(s, {}).sorties;
  const PatrolSortie& so = plan[5];
  // A beacon 1 h into the sortie's time on station, in the West's area east of the barrier.
  const GeoPoint p{101.8, 2.0};
  const SarIncident inc = incident(*s.sar, p, so.station_start_h + 1.0, true);
  const SarReplicationResult r = run(s, {inc});
  ASSERT_EQ(r.incidents.size(), 1u);
  const IncidentRecord& rec = r.incidents[0];
  // At ready (1.5 h on station: 225 nm along the barrier's cycle) it turns for the scene at
  // 200 kt, with no readiness notice: it is airborne.
  const GeoPoint here = route_position(s.patrols->patrols()[0].route, 1.5 * 150.0);
  EXPECT_NEAR(rec.dispatched_h, inc.ready_h, 1e-9);
  EXPECT_NEAR(rec.on_scene_h, inc.ready_h + geodesic_nm(here, p) / 200.0, 1e-9);
  EXPECT_EQ(s.sar->units()[static_cast<std::size_t>(rec.first_unit)].name, "West plane");
  ASSERT_EQ(r.sorties.size(), plan.size());
  EXPECT_TRUE(r.sorties[5].retasked);
  EXPECT_NEAR(r.sorties[5].station_end_h, inc.ready_h, 1e-9);
  EXPECT_EQ(r.patrols[0].retasked, 1);
  // The next day's sortie still flies from base.
  EXPECT_NEAR(r.sorties[6].launch_h, plan[6].launch_h, 1e-9);

  // Retasking denied: the plane stays on patrol; the first unit is another, and later.
  Scenario denied = variant();
  denied.policies.patrol_retasking_allowed = false;
  const Setups d(denied);
  const SarReplicationResult rd = run(d, {incident(*d.sar, p, so.station_start_h + 1.0, true)});
  EXPECT_NE(d.sar->units()[static_cast<std::size_t>(rd.incidents[0].first_unit)].name, "West plane");
  EXPECT_GT(rd.incidents[0].on_scene_h, rec.on_scene_h);
  EXPECT_FALSE(rd.sorties[5].retasked);
}

TEST(PatrolWorld, APatrolAlertsAnIncidentItFliesOver) {
  const Setups s(variant());
  const std::vector<PatrolSortie> plan = run(s, {}).sorties;
  const PatrolSortie& so = plan[10];
  // No beacon; the overdue report would come 100 h later. The plane flies north up the barrier
  // over the incident (a cell centre on its line) half-way along the first leg: the inverse-cube
  // hazard grows without bound as it comes overhead, so it sees it within its 10 nm range and no
  // later than overhead. Same state, so no sharing delay.
  const GeoPoint p{101.55, 2.0};
  const SarIncident inc = incident(*s.sar, p, so.station_start_h - 1.0, false);
  const double leg_h = leg_nm() / 150.0;
  const double overhead_h = so.station_start_h + 0.5 * leg_h;
  const SarReplicationResult r = run(s, {inc});
  const IncidentRecord& rec = r.incidents[0];
  EXPECT_EQ(rec.alerted_by, AlertSource::kPatrol);
  EXPECT_LE(rec.alerted_h, overhead_h + 1e-9);
  EXPECT_GE(rec.alerted_h, overhead_h - 10.0 / 150.0 - 1e-9);
  EXPECT_NEAR(rec.ready_h, rec.alerted_h + 0.5, 1e-12);
  EXPECT_LT(rec.alerted_h, inc.alerted_h);
  // Occurring after the sortie has left, it waits for the next day's sortie.
  const SarIncident later = incident(*s.sar, p, so.station_end_h + 0.1, false);
  const SarReplicationResult rl = run(s, {later});
  EXPECT_EQ(rl.incidents[0].alerted_by, AlertSource::kPatrol);
  EXPECT_GE(rl.incidents[0].alerted_h, plan[11].station_start_h);
  // The crew's report takes the sensor's reporting delay, and the same sighting comes that much
  // later to the centre.
  Scenario slow = variant();
  slow.asset_types[0].sensors[0].reporting_delay_h = 0.25;
  const Setups ss(slow);
  const SarReplicationResult rs = run(ss, {incident(*ss.sar, p, so.station_start_h - 1.0, false)});
  EXPECT_EQ(rs.incidents[0].alerted_by, AlertSource::kPatrol);
  EXPECT_NEAR(rs.incidents[0].alerted_h, rec.alerted_h + 0.25, 1e-9);
  // A beacon alert needs nobody's help.
  const SarReplicationResult rb = run(s, {incident(*s.sar, p, so.station_start_h - 1.0, true)});
  EXPECT_EQ(rb.incidents[0].alerted_by, AlertSource::kBeacon);
}

TEST(PatrolWorld, ACoastalRadarAlertsIncidentsWithinItsHorizon) {
  Scenario no_patrol = variant();
  no_patrol.assets[0].patrol.clear();
  no_patrol.assets[0].patrol_index = kNoIndex;
  const Setups s(no_patrol);
  // Radar at the West Port (100.5, 2.0), antenna 30 m, always up, 10 min reporting delay; a 2 m
  // small craft is within its horizon out to 4.12 (sqrt 30 + sqrt 2) km = 15.33 nm.
  EXPECT_NEAR(radar_horizon_nm(30.0, 2.0), 4.12 * (std::sqrt(30.0) + std::sqrt(2.0)) / 1.852, 1e-9);
  const GeoPoint near_p{100.6, 2.0};  // 6.0 nm
  const GeoPoint far_p{100.85, 2.0};  // 21 nm
  ASSERT_LT(geodesic_nm({100.5, 2.0}, near_p), 15.33);
  ASSERT_GT(geodesic_nm({100.5, 2.0}, far_p), 15.34);
  const SarReplicationResult r =
      run(s, {incident(*s.sar, near_p, 200.0, false), incident(*s.sar, far_p, 300.0, false)});
  ASSERT_EQ(r.incidents.size(), 2u);
  EXPECT_EQ(r.incidents[0].alerted_by, AlertSource::kCoastalRadar);
  EXPECT_NEAR(r.incidents[0].alerted_h, 200.0 + 10.0 / 60.0, 1e-9);
  EXPECT_NEAR(r.incidents[0].ready_h, 200.0 + 10.0 / 60.0 + 0.5, 1e-9);
  EXPECT_EQ(r.incidents[1].alerted_by, AlertSource::kOverdue);
  EXPECT_NEAR(r.incidents[1].alerted_h, 400.0, 1e-9);
  // A person in the water (0.3 m) is lost in the sea clutter: no radar alert.
  Scenario piw = no_patrol;
  piw.search_objects[0].height_m = 0.3;
  const Setups sp(piw);
  const SarReplicationResult rp = run(sp, {incident(*sp.sar, near_p, 200.0, false)});
  EXPECT_EQ(rp.incidents[0].alerted_by, AlertSource::kOverdue);
  // The SAR model alone (no ISR assets) has no radar alerts.
  const SarReplicationResult alone = run_sar_replication(*s.sar, kKey, {incident(*s.sar, near_p, 200.0, false)});
  EXPECT_EQ(alone.incidents[0].alerted_by, AlertSource::kOverdue);
}

TEST(PatrolWorld, APatrolSeesATargetOnItsBarrier) {
  const Setups s(variant());
  const std::vector<PatrolSortie> sorties = run(s, {}).sorties;
  const std::vector<SortieTrack> tracks = sortie_tracks(*s.patrols, sorties);
  const PatrolSortie& so = sorties[10];
  const double overhead_h = so.station_start_h + 0.5 * leg_nm() / 150.0;
  Target on_line;
  on_line.appear_h = so.station_start_h - 1.0;
  on_line.leave_h = so.station_end_h + 1.0;
  on_line.track = {{{101.55, 2.0}, on_line.appear_h}, {{101.55, 2.0}, on_line.leave_h}};
  const PatrolTargetDetection d = first_patrol_detection(*s.patrols, sorties, tracks, on_line, 0, kKey, 0);
  ASSERT_TRUE(d.detected);
  EXPECT_EQ(d.sortie, 10);
  EXPECT_LE(d.detected_h, overhead_h + 1e-9);
  EXPECT_GE(d.detected_h, overhead_h - 10.0 / 150.0 - 1e-9);
  // 60 nm east of the barrier, beyond the 10 nm sensor range: never.
  Target away = on_line;
  away.track = {{{102.55, 2.0}, on_line.appear_h}, {{102.55, 2.0}, on_line.leave_h}};
  EXPECT_FALSE(first_patrol_detection(*s.patrols, sorties, tracks, away, 1, kKey, 0).detected);
}

TEST(PatrolCoverage, EachPassCoversACellOnTheBarrierForTheSwathOverTheSpeed) {
  const Setups s(variant());
  const PatrolCoverageSetup cov(*s.patrols, patrol_world().geography, 0);
  // Visual, sweep width 2 nm for a small craft: radius 1 nm.
  EXPECT_DOUBLE_EQ(cov.radius_nm(0), 1.0);
  const std::vector<PatrolSortie> sorties = run(s, {}).sorties;
  std::vector<CoverageInterval> iv;
  sortie_coverage(cov, sorties[10], iv);
  // The barrier runs along the centres of column 15 (lon 101.55), so a pass covers a cell there
  // for 2 nm / 150 kt = 48 s. 3 h at 150 kt is 450 nm: the cycle (2 x 179.1 nm) and 92 nm more.
  // Cells from lat 0.55 to 2.05 are passed three times, those above twice; no other cell.
  const Grid& grid = patrol_world().geography.grid();
  const double extra_nm = 450.0 - 2.0 * leg_nm();
  std::vector<double> covered_s(grid.size(), 0.0);
  for (const CoverageInterval& c : iv) {
    EXPECT_EQ(grid.col_of(c.cell), 15);
    covered_s[c.cell] += (c.end_h - c.start_h) * 3600.0;
  }
  int cells = 0;
  for (int row = 5; row < 35; ++row) {
    const double lat = grid.center_lat(row);
    const double along_nm = geodesic_nm(kBarrierSouth, {101.55, lat});
    const int passes = along_nm < extra_nm - 1.0 ? 3 : (along_nm > extra_nm + 1.0 ? 2 : -1);
    if (passes < 0) continue;  // the sortie ends over this cell
    ++cells;
    EXPECT_NEAR(covered_s[grid.index(row, 15)], passes * 2.0 / 150.0 * 3600.0, 0.5) << "row " << row;
  }
  EXPECT_GE(cells, 29);
  // Into an accumulator: exact whole seconds, order-free.
  CoverageAccumulator acc(grid.size(), 0.0, 1440.0);
  add_patrol_coverage(cov, {sorties[10]}, acc);
  EXPECT_NEAR(static_cast<double>(acc.covered_seconds(grid.index(30, 15))), 2 * 48.0, 2.0);
  EXPECT_EQ(acc.covered_seconds(grid.index(30, 16)), 0);
}

TEST(PatrolCoverage, SolvedOncePerRecurringSegmentAsInRangeIntervalSolvesEveryCell) {
  // Every sortie's intervals, by brute force: each segment against every sea cell with
  // in_range_interval, joined per cell as the coverage joins them; then through the replication's
  // working memory three times over (its segment cache warm after the first): the same doubles,
  // then the same whole seconds.
  const Setups s(variant());
  const PatrolCoverageSetup cov(*s.patrols, patrol_world().geography, 0);
  const Grid& grid = patrol_world().geography.grid();
  const std::vector<std::uint8_t>& sea = patrol_world().geography.sea.sea();
  const std::vector<PatrolSortie> sorties = run(s, {}).sorties;
  ASSERT_GT(sorties.size(), 20U);
  std::vector<CoverageInterval> brute;
  for (const PatrolSortie& so : sorties) {
    std::vector<TrackPoint> track;
    sortie_track(*s.patrols, so, track);
    std::vector<std::vector<CoverageInterval>> per_cell(grid.size());
    for (std::size_t k = 0; k + 1 < track.size(); ++k) {
      if (!(track[k + 1].time_h > track[k].time_h)) continue;
      for (std::size_t cell = 0; cell < grid.size(); ++cell) {
        if (sea[cell] == 0) continue;
        const auto iv = in_range_interval(LocalFrame(grid.center(cell)), cov.radius_nm(so.unit), track[k], track[k + 1]);
        if (!iv || !(iv->end_h > iv->start_h)) continue;
        auto& mine = per_cell[cell];
        if (!mine.empty() && iv->start_h <= mine.back().end_h) {
          mine.back().end_h = std::max(mine.back().end_h, iv->end_h);
        } else {
          mine.push_back({cell, iv->start_h, iv->end_h});
        }
      }
    }
    for (const auto& mine : per_cell) brute.insert(brute.end(), mine.begin(), mine.end());
  }
  const auto order = [](const CoverageInterval& x, const CoverageInterval& y) {
    return std::tuple(x.cell, x.start_h, x.end_h) < std::tuple(y.cell, y.start_h, y.end_h);
  };
  std::sort(brute.begin(), brute.end(), order);
  std::vector<CoverageInterval> solved;
  for (const PatrolSortie& so : sorties) sortie_coverage(cov, so, solved);
  std::sort(solved.begin(), solved.end(), order);
  ASSERT_EQ(solved.size(), brute.size());
  for (std::size_t k = 0; k < brute.size(); ++k) {
    ASSERT_EQ(solved[k].cell, brute[k].cell);
    ASSERT_EQ(solved[k].start_h, brute[k].start_h);
    ASSERT_EQ(solved[k].end_h, brute[k].end_h);
  }
  CoverageAccumulator window(grid.size(), 0.0, 1440.0);
  std::vector<CoverageSeconds> expected;
  window.append_clipped(brute, expected);
  PatrolCoverageBuffers buffers;
  CoverageSorter sorter;
  sorter.sort(expected);
  for (int pass = 0; pass < 3; ++pass) {
    CoverageByCell by_cell;
    patrol_coverage_seconds(cov, sorties, window, by_cell, buffers, sorter);
    std::vector<CoverageSeconds> got;
    for (std::size_t k = 0; k < by_cell.cell_count(); ++k) {
      for (std::size_t i = 0; i < by_cell.starts(k).size(); ++i) {
        got.push_back({by_cell.cell(k), by_cell.starts(k)[i], by_cell.ends(k)[i]});
      }
    }
    ASSERT_EQ(got.size(), expected.size()) << "pass " << pass;
    const auto key = [](const CoverageSeconds& c) { return std::tuple(c.cell, c.start_s, c.end_s); };
    std::sort(got.begin(), got.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
    std::sort(expected.begin(), expected.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
    for (std::size_t k = 0; k < got.size(); ++k) ASSERT_EQ(key(got[k]), key(expected[k])) << "pass " << pass;
  }
}

TEST(PatrolCoverage, TheRadarOrPatrolLayerIsTheUnionOfBoth) {
  // The radar moved 9 nm west of the barrier and up 70% of the time, so that its footprint and
  // the patrol's swath share cells and, now and then, moments.
  Scenario sc = variant();
  sc.fixed_sensors[0].position = {101.4, 2.0};
  sc.fixed_sensors[0].availability = 0.7;
  const Setups s(sc);
  const Geography& geo = patrol_world().geography;
  const FixedSensorSetup fixed(s.scenario, geo, 2.0);
  const PatrolCoverageSetup cov(*s.patrols, geo, 0);
  const std::vector<PatrolSortie> sorties = run(s, {}).sorties;
  const std::size_t cells = geo.grid().size();
  CoverageAccumulator radar(cells, 48.0, 1440.0), ais(cells, 48.0, 1440.0), patrol(cells, 48.0, 1440.0),
      both(cells, 48.0, 1440.0);
  add_fixed_sensor_coverage(fixed, kKey, radar, ais);
  add_patrol_coverage(cov, sorties, patrol);
  // The union as the run's fields take it: the two lists in seconds, grouped by cell, together.
  CoverageByCell radar_cells, ais_cells, patrol_cells;
  std::vector<CoverageSeconds> seconds;
  PatrolCoverageBuffers buffers;
  CoverageSorter sorter;
  fixed_sensor_coverage_seconds(fixed, kKey, both, radar_cells, ais_cells, seconds, sorter);
  patrol_coverage_seconds(cov, sorties, both, patrol_cells, buffers, sorter);
  both.add_replication(radar_cells, patrol_cells);
  // The intervals in hours: each radar's up periods over its footprint, each sortie's own.
  std::vector<CoverageInterval> either;
  for (const SensorFootprint& f : fixed.footprints()) {
    if (f.ais) continue;
    const FixedSensor& sensor = s.scenario.fixed_sensors[static_cast<std::size_t>(f.sensor_index)];
    for (const auto& [start_h, end_h] : fixed_sensor_up_periods(sensor, kKey, s.scenario.run.duration_h)) {
      for (const std::size_t cell : f.cells) either.push_back({cell, start_h, end_h});
    }
  }
  for (const PatrolSortie& so : sorties) sortie_coverage(cov, so, either);
  // By brute force: per cell, the intervals in whole seconds clipped to the window, sorted, joined.
  const std::int64_t w0 = 48 * 3600, w1 = 1440 * 3600;
  std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> per_cell(cells);
  for (const CoverageInterval& c : either) {
    const std::int64_t a = std::max(w0, static_cast<std::int64_t>(std::llround(c.start_h * 3600.0)));
    const std::int64_t b = std::min(w1, static_cast<std::int64_t>(std::llround(c.end_h * 3600.0)));
    if (b > a) per_cell[c.cell].emplace_back(a, b);
  }
  int shared_cells = 0;
  int overlapping_cells = 0;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    auto& iv = per_cell[cell];
    std::sort(iv.begin(), iv.end());
    std::int64_t covered = 0, run_start = -1, run_end = -1;
    for (const auto& [a, b] : iv) {
      if (a > run_end) {
        covered += run_end - run_start;
        run_start = a;
        run_end = b;
      } else {
        run_end = std::max(run_end, b);
      }
    }
    covered += run_end - run_start;
    ASSERT_EQ(both.covered_seconds(cell), covered) << "cell " << cell;
    ASSERT_EQ(both.sensor_seconds(cell), radar.sensor_seconds(cell) + patrol.sensor_seconds(cell)) << "cell " << cell;
    ASSERT_EQ(both.hits(cell), radar.hits(cell) + patrol.hits(cell)) << "cell " << cell;
    EXPECT_GE(covered, std::max(radar.covered_seconds(cell), patrol.covered_seconds(cell)));
    EXPECT_LE(covered, radar.covered_seconds(cell) + patrol.covered_seconds(cell));
    if (radar.covered_seconds(cell) > 0 && patrol.covered_seconds(cell) > 0) ++shared_cells;
    if (covered < radar.covered_seconds(cell) + patrol.covered_seconds(cell)) ++overlapping_cells;
  }
  EXPECT_GT(shared_cells, 0);
  EXPECT_GT(overlapping_cells, 0);  // overlaps count once
}

}  // namespace
}  // namespace mdasim

// The SAR model on the small two-state world of tests/data/valid/sar/small-sar.yaml, with
// incidents placed by hand and arrival times worked out from the timeline: ready (alert + 30 min
// processing), plus the foreign delay (sharing + coordination) for another state's unit, plus
// readiness, plus distance / cruise speed. Every unit is mission capable (no outages) unless a
// test says otherwise, so each timeline is exact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
#include "model/sar_replication.hpp"
#include "model/search.hpp"
#include "run/replication_runner.hpp"
#include "scenario/load.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

using test::small_world;

// A variant of the small world's scenario: every unit mission capable, only the named assets.
Scenario variant(std::initializer_list<std::string> keep = {}) {
  Scenario s = small_world().scenario;
  for (AssetType& t : s.asset_types) t.mission_capable_rate = 1.0;
  if (keep.size() > 0) {
    std::vector<Asset> kept;
    for (const Asset& a : s.assets) {
      if (std::find(keep.begin(), keep.end(), a.name) != keep.end()) kept.push_back(a);
    }
    s.assets = kept;
  }
  return s;
}

int unit_index(const SarSetup& setup, const std::string& name) {
  for (std::size_t k = 0; k < setup.units().size(); ++k) {
    if (setup.units()[k].name == name) return static_cast<int>(k);
  }
  ADD_FAILURE() << "no unit " << name;
  return -1;
}

constexpr double kReadyH = 100.0;  // after the 48 h warm-up
const GeoPoint kWestAir{100.2, 2.0};
const GeoPoint kEastAir{103.8, 2.0};

// A beacon-alerted incident at `p`, ready at `ready_h` (occurred 30 min before), three persons
// aboard surviving 100 h, 1 h and 1000 h, found once the coverage reaches `coverage`.
SarIncident incident(const SarSetup& setup, GeoPoint p, double ready_h = kReadyH, double coverage = 0.01) {
  SarIncident inc;
  inc.class_index = 0;
  inc.position = p;
  inc.state = setup.responsible_state(p);
  inc.beacon = true;
  inc.occurred_h = ready_h - 0.5;
  inc.alerted_h = inc.occurred_h;
  inc.ready_h = ready_h;
  inc.suspend_h = inc.occurred_h + setup.incident_classes()[0].search_suspension_h;
  inc.coverage_needed = coverage;
  inc.survival_h = {100.0, 1.0, 1000.0};
  return inc;
}

SarReplicationResult run(const SarSetup& setup, std::vector<SarIncident> incidents) {
  return run_sar_replication(setup, ReplicationKey{1, 0, 0}, std::move(incidents));
}

// The search time of unit type `type` for an incident of the small world's class.
double search_time_h(const Scenario& s, int type, double datum_age_h, double coverage) {
  const IncidentClass& c = s.incident_classes[0];
  SearchSetup q;
  q.sweep_width_nm = s.asset_types[static_cast<std::size_t>(type)].sensors[0].sweep_widths[0].width_nm;
  q.search_speed_kt = s.asset_types[static_cast<std::size_t>(type)].search_speed_kt;
  q.initial_error_nm = c.position_error_nm;
  q.drift_error_kt = c.drift_error_kt;
  q.datum_age_h = datum_age_h;
  return search_time_for_coverage_h(q, coverage);
}

TEST(SarSetup, UnitsFieldsAndPolicies) {
  const Scenario s = variant();
  const SarSetup setup(s, small_world().geography);
  ASSERT_EQ(setup.units().size(), 4u);
  EXPECT_EQ(setup.sea_fields().size(), 2u);  // West Port and East Port
  EXPECT_TRUE(setup.units()[1].surface);
  EXPECT_FALSE(setup.units()[0].surface);
  EXPECT_DOUBLE_EQ(setup.sweep_width_nm(0, 0), 2.0);
  EXPECT_DOUBLE_EQ(setup.sweep_width_nm(1, 0), 1.0);
  EXPECT_EQ(setup.responsible_state({101.0, 2.0}), 0);  // MY
  EXPECT_EQ(setup.responsible_state({102.5, 2.0}), 1);  // ID
  EXPECT_DOUBLE_EQ(setup.sharing_delay_h(1, 0), 2.0);
  EXPECT_DOUBLE_EQ(setup.sharing_delay_h(0, 0), 0.0);
  EXPECT_TRUE(setup.cross_border_allowed(0, 1));
  EXPECT_DOUBLE_EQ(setup.coordination_delay_h(0, 1), 1.0);
  EXPECT_DOUBLE_EQ(setup.coordination_delay_h(1, 1), 0.0);
  // Weibull(48 h, 1.2): the 99th percentile 48 (ln 100)^(1/1.2) = 171.1 h.
  EXPECT_NEAR(setup.incident_classes()[0].search_suspension_h, 48.0 * std::pow(std::log(100.0), 1.0 / 1.2), 1e-9);
  // Over water from West Port (100.5, 2) to (101, 2): 0.5 degree of longitude at 2 N is
  // 30.03 nm; the 16-neighbour grid path is at most 2.75% longer plus the port's access leg.
  const double d = setup.sea_distance_nm(setup.units()[1], {101.0, 2.0});
  EXPECT_GT(d, 29.9);
  EXPECT_LT(d, 30.03 * 1.0275 + 6.0);
}

TEST(SarDispatch, NearestFreeUnitArrivesFirst) {
  const Scenario s = variant();
  const SarSetup setup(s, small_world().geography);
  const GeoPoint p{101.0, 2.0};
  const auto r = run(setup, {incident(setup, p)});
  ASSERT_EQ(r.incidents.size(), 1u);
  const IncidentRecord& rec = r.incidents[0];
  // West plane: 0.8 degree east along 2 N, 48.05 nm at 200 kt after 1 h readiness.
  const double d_nm = geodesic_nm(kWestAir, p);
  EXPECT_NEAR(d_nm, 48.05, 0.05);
  EXPECT_EQ(rec.first_unit, unit_index(setup, "West plane"));
  EXPECT_FALSE(rec.foreign_first);
  EXPECT_DOUBLE_EQ(rec.dispatched_h, kReadyH);
  EXPECT_NEAR(rec.on_scene_h, kReadyH + 1.0 + d_nm / 200.0, 1e-12);
  EXPECT_NEAR(rec.response_h(), 0.5 + 1.0 + d_nm / 200.0, 1e-12);
  EXPECT_DOUBLE_EQ(rec.wait_h(), 0.0);
  // Found after the search time for coverage 0.01 at a datum age of (on scene - occurred).
  const double age_h = rec.on_scene_h - rec.occurred_h;
  EXPECT_NEAR(rec.found_h, rec.on_scene_h + search_time_h(s, 0, age_h, 0.01), 1e-9);
  EXPECT_EQ(rec.outcome, IncidentOutcome::kFound);
  EXPECT_EQ(rec.persons, 3);
  EXPECT_EQ(rec.persons_saved, 2);  // the person surviving 1 h died before being found (~2 h)
  EXPECT_EQ(rec.sorties, 1);
}

TEST(SarDispatch, BusyNearestUnitLeavesTheNextIncidentToTheBoat) {
  const Scenario s = variant();
  const SarSetup setup(s, small_world().geography);
  const GeoPoint p{101.0, 2.0};
  const auto r = run(setup, {incident(setup, p, kReadyH), incident(setup, p, kReadyH + 0.1)});
  ASSERT_EQ(r.incidents.size(), 2u);
  EXPECT_EQ(r.incidents[0].first_unit, unit_index(setup, "West plane"));
  const IncidentRecord& second = r.incidents[1];
  EXPECT_EQ(second.first_unit, unit_index(setup, "West boat"));
  const double sea_nm = setup.sea_distance_nm(setup.units()[static_cast<std::size_t>(second.first_unit)], p);
  EXPECT_NEAR(second.on_scene_h, kReadyH + 0.1 + 0.5 + sea_nm / 20.0, 1e-9);
  // The East plane would arrive later: 3 h of sharing and coordination, then 1 h and 1.2 h.
  EXPECT_LT(second.on_scene_h, kReadyH + 0.1 + 3.0 + 1.0 + geodesic_nm(kEastAir, p) / 200.0);
}

TEST(SarDispatch, EnduranceTooShortToSearchAndReturn) {
  const GeoPoint p{101.9, 2.0};  // 1.7 degrees from West Air: 102.1 nm, 0.51 h at 200 kt
  const double transit_h = geodesic_nm(kWestAir, p) / 200.0;
  for (const double endurance_h : {2.0, 2.1}) {
    Scenario s = variant({"West plane"});
    s.asset_types[0].endurance_h = endurance_h;  // on scene: endurance - 2 x 0.51 h; 1 h needed
    const SarSetup setup(s, small_world().geography);
    const auto r = run(setup, {incident(setup, p)});
    ASSERT_EQ(r.incidents.size(), 1u);
    const bool reachable = endurance_h - 2.0 * transit_h >= 1.0;
    EXPECT_EQ(reachable, endurance_h == 2.1);
    if (reachable) {
      EXPECT_NEAR(r.incidents[0].on_scene_h, kReadyH + 1.0 + transit_h, 1e-12);
    } else {
      EXPECT_EQ(r.incidents[0].outcome, IncidentOutcome::kUnreachable);
      EXPECT_DOUBLE_EQ(r.incidents[0].closed_h, kReadyH);
      EXPECT_TRUE(std::isnan(r.incidents[0].on_scene_h));
    }
  }
}

// The small world's scenario with only West's planes, one at each of `bases` (new MY airfields,
// in order), and no other unit.
Scenario planes_at(std::initializer_list<GeoPoint> bases) {
  Scenario s = variant({"West plane"});
  const Asset plane = s.assets[0];
  s.assets.clear();
  for (const GeoPoint& p : bases) {
    Base b = s.bases[static_cast<std::size_t>(plane.base_index)];
    b.name = "Air " + std::to_string(s.bases.size());
    b.position = p;
    Asset a = plane;
    a.name = "Plane " + std::to_string(s.assets.size());
    a.base = b.name;
    a.base_index = static_cast<int>(s.bases.size());
    s.bases.push_back(b);
    s.assets.push_back(a);
  }
  return s;
}

// Reach is decided on the WGS84 geodesic, which the screens only bound from below: due north of
// its base, where the mean-radius sphere overstates the distance by 0.56%, a plane whose reach
// lies between the geodesic and the sphere's distance serves the incident.
TEST(SarDispatch, ReachOnTheGeodesicNotTheSphere) {
  const GeoPoint base{101.0, 1.3};
  const GeoPoint p{101.0, 3.0};  // 1.7 degrees of latitude: 101.5 nm; the sphere says 102.07 nm
  const double d_nm = geodesic_nm(base, p);
  const double sphere_nm = approx_distance_nm(base, p);
  ASSERT_GT(sphere_nm, d_nm * 1.005);
  for (const double reach_nm : {0.5 * (d_nm + sphere_nm), d_nm * 0.999}) {
    Scenario s = planes_at({base});
    // Reach: endurance less the minimum search time (1 h), half of it at 200 kt.
    s.asset_types[0].endurance_h = 1.0 + 2.0 * reach_nm / 200.0;
    const SarSetup setup(s, small_world().geography);
    const auto r = run(setup, {incident(setup, p)});
    ASSERT_EQ(r.incidents.size(), 1u);
    if (reach_nm > d_nm) {
      EXPECT_EQ(r.incidents[0].first_unit, 0);
      EXPECT_NEAR(r.incidents[0].on_scene_h, kReadyH + 1.0 + d_nm / 200.0, 1e-12);
    } else {
      EXPECT_EQ(r.incidents[0].outcome, IncidentOutcome::kUnreachable);
    }
  }
}

// The earliest exact arrival wins even where the lower bounds rank the units the other way: the
// plane due south of the incident is 0.2% nearer on the geodesic than the one due east, whose
// distance the bound (like the sphere) understates more.
TEST(SarDispatch, EarliestArrivalOnTheGeodesicNotTheBound) {
  const GeoPoint p{101.0, 3.0};
  const GeoPoint south{101.0, 1.3};
  const double d_south_nm = geodesic_nm(south, p);
  GeoPoint east{101.0 + 1.002 * d_south_nm / 60.03, 3.0};  // 60.03 nm per degree of longitude at 3 N
  const double d_east_nm = geodesic_nm(east, p);
  ASSERT_GT(d_east_nm, d_south_nm);
  ASSERT_LT(d_east_nm, d_south_nm * 1.003);
  ASSERT_LT(geodesic_floor_nm(east, p), geodesic_floor_nm(south, p));
  ASSERT_LT(approx_distance_nm(east, p), approx_distance_nm(south, p));
  const Scenario s = planes_at({east, south});
  const SarSetup setup(s, small_world().geography);
  const auto r = run(setup, {incident(setup, p)});
  EXPECT_EQ(r.incidents[0].first_unit, 1);
  EXPECT_NEAR(r.incidents[0].on_scene_h, kReadyH + 1.0 + d_south_nm / 200.0, 1e-12);
}

// Equal arrivals go to the first listed unit: two planes at two airfields in the same place.
TEST(SarDispatch, EqualArrivalsToTheFirstListed) {
  const GeoPoint p{101.0, 3.0};
  const Scenario s = planes_at({{100.5, 2.5}, {100.5, 2.5}, {102.0, 3.8}});
  const SarSetup setup(s, small_world().geography);
  const auto r = run(setup, {incident(setup, p), incident(setup, p, kReadyH + 0.1), incident(setup, p, kReadyH + 0.2)});
  ASSERT_EQ(r.incidents.size(), 3u);
  EXPECT_EQ(r.incidents[0].first_unit, 0);
  EXPECT_EQ(r.incidents[1].first_unit, 1);
  EXPECT_EQ(r.incidents[2].first_unit, 2);
}

TEST(SarDispatch, CrossBorderForbiddenOrAllowedAfterSharingAndCoordination) {
  const GeoPoint p{102.5, 2.0};  // in the East (ID) region; only the West (MY) plane exists
  const double transit_h = geodesic_nm(kWestAir, p) / 200.0;
  {
    Scenario s = variant({"West plane"});
    s.policies.cross_border_default_allowed = false;
    const SarSetup setup(s, small_world().geography);
    const auto r = run(setup, {incident(setup, p)});
    EXPECT_EQ(r.incidents[0].state_index, 1);
    EXPECT_EQ(r.incidents[0].outcome, IncidentOutcome::kUnreachable);
  }
  {
    Scenario s = variant({"West plane"});  // default: allowed, sharing 2 h, coordination 1 h
    const SarSetup setup(s, small_world().geography);
    const auto r = run(setup, {incident(setup, p)});
    EXPECT_TRUE(r.incidents[0].foreign_first);
    EXPECT_DOUBLE_EQ(r.incidents[0].dispatched_h, kReadyH);
    EXPECT_NEAR(r.incidents[0].on_scene_h, kReadyH + 2.0 + 1.0 + 1.0 + transit_h, 1e-12);
  }
  {
    Scenario s = variant({"West plane"});  // a faster link and a standing agreement
    s.policies.cross_border_default_allowed = false;
    s.policies.sharing_links.push_back(SharingLink{"ID", "MY", 1, 0, 0.5, {}, {}});
    s.policies.agreements.push_back(CrossBorderAgreement{"MY", "ID", 0, 1, true, 0.25, {}, {}});
    const SarSetup setup(s, small_world().geography);
    const auto r = run(setup, {incident(setup, p)});
    EXPECT_NEAR(r.incidents[0].on_scene_h, kReadyH + 0.5 + 0.25 + 1.0 + transit_h, 1e-12);
  }
}

TEST(SarDispatch, IncidentsWaitFirstComeFirstServed) {
  const Scenario s = variant({"West plane"});
  const SarSetup setup(s, small_world().geography);
  const GeoPoint near{101.0, 2.0};
  const GeoPoint far{101.5, 2.0};
  // A, then C (farther) ready before B: the freed plane takes them in the order they became ready.
  const auto r = run(setup, {incident(setup, near, kReadyH), incident(setup, far, kReadyH + 0.2),
                             incident(setup, near, kReadyH + 0.4)});
  ASSERT_EQ(r.incidents.size(), 3u);
  const double t1 = geodesic_nm(kWestAir, near) / 200.0;
  const double t2 = geodesic_nm(kWestAir, far) / 200.0;
  // A: dispatched at 100, on scene 101 + t1, found after its search, back and turned round 2 h later.
  const IncidentRecord& a = r.incidents[0];
  const double back_a = a.found_h + t1 + 2.0;
  const IncidentRecord& b = r.incidents[1];
  EXPECT_DOUBLE_EQ(b.dispatched_h, back_a);
  EXPECT_NEAR(b.wait_h(), back_a - (kReadyH + 0.2), 1e-12);
  EXPECT_NEAR(b.on_scene_h, back_a + 1.0 + t2, 1e-12);
  const IncidentRecord& c = r.incidents[2];
  EXPECT_DOUBLE_EQ(c.dispatched_h, b.found_h + t2 + 2.0);
  EXPECT_GT(c.wait_h(), b.wait_h());
  EXPECT_EQ(r.units[0].sorties, 3);
  // Busy from each dispatch to the end of its turnaround.
  const double busy_h = (back_a - kReadyH) + (b.found_h + t2 + 2.0 - back_a) + (c.found_h + t1 + 2.0 - c.dispatched_h);
  EXPECT_NEAR(r.units[0].busy_h, busy_h, 1e-9);
}

TEST(SarDispatch, ReliefWhenEnduranceRunsOut) {
  const Scenario s = variant({"West plane"});
  const SarSetup setup(s, small_world().geography);
  const GeoPoint p{101.0, 2.0};
  const double transit_h = geodesic_nm(kWestAir, p) / 200.0;
  const double on_scene_h = kReadyH + 1.0 + transit_h;
  const double leave_h = on_scene_h + (6.0 - 2.0 * transit_h);
  // Coverage of one full sortie, then a little more: found in the second sortie.
  SearchSetup q{2.0, 150.0, 3.0, 0.5, on_scene_h - (kReadyH - 0.5)};
  const double first_coverage = search_coverage(q, leave_h - on_scene_h);
  const auto r = run(setup, {incident(setup, p, kReadyH, first_coverage + 0.05)});
  const IncidentRecord& rec = r.incidents[0];
  EXPECT_EQ(rec.sorties, 2);
  // The plane leaves at `leave_h`, is back and turned round 2 h after landing, and is sent again.
  const double second_dispatch_h = leave_h + transit_h + 2.0;
  const double second_on_scene_h = second_dispatch_h + 1.0 + transit_h;
  q.datum_age_h = second_on_scene_h - (kReadyH - 0.5);
  EXPECT_NEAR(rec.found_h, second_on_scene_h + search_time_for_coverage_h(q, 0.05), 1e-6);
  EXPECT_EQ(rec.outcome, IncidentOutcome::kFound);
  EXPECT_NEAR(rec.on_scene_h, on_scene_h, 1e-12);  // the first arrival
  EXPECT_DOUBLE_EQ(rec.dispatched_h, kReadyH);     // the first dispatch
}

TEST(SarDispatch, SearchSuspendedWhenNoOneCanBeAlive) {
  const Scenario s = variant();
  const SarSetup setup(s, small_world().geography);
  const auto inc = incident(setup, {101.0, 2.0}, kReadyH, 1e9);  // never found
  const double suspend_h = inc.suspend_h;
  const auto r = run(setup, {inc});
  const IncidentRecord& rec = r.incidents[0];
  EXPECT_EQ(rec.outcome, IncidentOutcome::kNotFound);
  EXPECT_GE(rec.closed_h, suspend_h);
  EXPECT_LT(rec.closed_h, suspend_h + 6.0);
  EXPECT_GT(rec.sorties, 3);
  EXPECT_EQ(rec.persons_saved, 0);
}

TEST(SarOutages, UnavailableFractionMatchesMissionCapableRate) {
  Scenario s = variant({"West plane"});
  s.asset_types[0].mission_capable_rate = 0.75;  // down 24 h on average, up 72 h
  s.run.duration_h = 200.0 * 8760.0;
  s.run.warmup_h = 0.0;
  const SarSetup setup(s, small_world().geography);
  const auto r = run(setup, {});
  // About 18,250 up/down cycles: the standard error of the fraction is about 0.003.
  EXPECT_NEAR(r.units[0].unavailable_h / s.run.duration_h, 0.25, 0.015);
  EXPECT_DOUBLE_EQ(r.units[0].busy_h, 0.0);
}

TEST(SarReplication, PoissonArrivalsInTheirAreaAtSea) {
  const SarSetup setup(small_world().scenario, small_world().geography);
  const Scenario& s = small_world().scenario;
  double total = 0.0;
  const int reps = 200;
  for (int k = 0; k < reps; ++k) {
    const auto r = run_sar_replication(setup, {7, 0, static_cast<std::uint64_t>(k)});
    total += static_cast<double>(r.incidents.size());
    for (const IncidentRecord& i : r.incidents) {
      EXPECT_GE(i.occurred_h, s.run.warmup_h);
      EXPECT_LT(i.occurred_h, s.run.duration_h);
      EXPECT_FALSE(small_world().geography.is_land(i.position));
      EXPECT_GE(i.position.lon_deg, 100.6);
      EXPECT_LE(i.position.lon_deg, 103.4);
      EXPECT_LE(i.alerted_h - i.occurred_h, i.beacon ? 0.0 : 1e9);
    }
  }
  // 200/yr over 58 days: 31.78 per replication; Poisson sd 5.64, so the mean of 200 is within
  // 4 standard errors (0.40 each) of it.
  EXPECT_NEAR(total / reps, 200.0 / 8760.0 * 58.0 * 24.0, 1.6);
}

bool same(const IncidentRecord& a, const IncidentRecord& b) {
  auto eq = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
  return a.id == b.id && a.class_index == b.class_index && a.position.lon_deg == b.position.lon_deg &&
         a.position.lat_deg == b.position.lat_deg && a.state_index == b.state_index && a.persons == b.persons &&
         a.beacon == b.beacon && eq(a.occurred_h, b.occurred_h) && eq(a.alerted_h, b.alerted_h) &&
         eq(a.ready_h, b.ready_h) && eq(a.dispatched_h, b.dispatched_h) && eq(a.on_scene_h, b.on_scene_h) &&
         eq(a.found_h, b.found_h) && eq(a.closed_h, b.closed_h) && a.outcome == b.outcome &&
         a.persons_saved == b.persons_saved && a.first_unit == b.first_unit && a.sorties == b.sorties;
}

TEST(SarReplication, SameKeySameRecordsOnAnyThreadCount) {
  const SarSetup setup(small_world().scenario, small_world().geography);
  auto replicate = [&](std::size_t k) { return run_sar_replication(setup, {7, 0, k}); };
  const auto one = run_replications<SarReplicationResult>(8, 1, replicate);
  const auto two = run_replications<SarReplicationResult>(8, 2, replicate);
  for (std::size_t k = 0; k < 8; ++k) {
    ASSERT_EQ(one[k].incidents.size(), two[k].incidents.size());
    for (std::size_t i = 0; i < one[k].incidents.size(); ++i) EXPECT_TRUE(same(one[k].incidents[i], two[k].incidents[i]));
    EXPECT_EQ(one[k].events, two[k].events);
    for (std::size_t u = 0; u < one[k].units.size(); ++u) {
      EXPECT_EQ(one[k].units[u].busy_h, two[k].units[u].busy_h);
      EXPECT_EQ(one[k].units[u].unavailable_h, two[k].units[u].unavailable_h);
    }
  }
  // Different replications differ.
  EXPECT_NE(one[0].incidents.size() * 1000 + one[0].events, one[1].incidents.size() * 1000 + one[1].events);
}

TEST(SarReplication, CommonRandomNumbersAcrossAssetOptions) {
  const SarSetup all(small_world().scenario, small_world().geography);
  Scenario fewer = small_world().scenario;
  fewer.assets.erase(fewer.assets.begin() + 2);  // no East plane
  const SarSetup without(fewer, small_world().geography);
  const auto a = run_sar_replication(all, {7, 0, 3});
  const auto b = run_sar_replication(without, {7, 0, 3});
  ASSERT_EQ(a.incidents.size(), b.incidents.size());
  for (std::size_t i = 0; i < a.incidents.size(); ++i) {
    EXPECT_EQ(a.incidents[i].occurred_h, b.incidents[i].occurred_h);
    EXPECT_EQ(a.incidents[i].position.lon_deg, b.incidents[i].position.lon_deg);
    EXPECT_EQ(a.incidents[i].alerted_h, b.incidents[i].alerted_h);
  }
  // The remaining units keep their outage histories (streams keyed by asset name).
  EXPECT_EQ(a.units[0].unavailable_h, b.units[0].unavailable_h);
  EXPECT_EQ(a.units[3].unavailable_h, b.units[2].unavailable_h);
}

// Work is bounded by the run's window, never by drawn values: an incident whose alert comes
// long after its search would have been suspended is closed as not found when its alert comes,
// and the replication does not handle every outage until then (without the horizon this test
// would run for ever: 10^15 h of outages).
TEST(SarReplication, AnAlertFarBeyondTheRunIsClosedWithoutRunningToIt) {
  const SarSetup setup(small_world().scenario, small_world().geography);  // outages on
  SarIncident late = incident(setup, {101.0, 2.0});
  late.beacon = false;
  late.alerted_h = 1e15;
  late.ready_h = late.alerted_h + 0.5;
  const SarReplicationResult r = run(setup, {incident(setup, {101.0, 2.5}), late});
  ASSERT_EQ(r.incidents.size(), 2u);
  EXPECT_EQ(r.incidents[0].outcome, IncidentOutcome::kFound);
  EXPECT_EQ(r.incidents[1].outcome, IncidentOutcome::kNotFound);
  EXPECT_EQ(r.incidents[1].closed_h, late.ready_h);
  EXPECT_TRUE(std::isnan(r.incidents[1].dispatched_h));
  // Outages of 4 units over at most twice the 1440 h run: a few hundred events, not 10^13.
  EXPECT_LT(r.events, 5000u);
}

// Searches are suspended at the survival's 99th percentile, but at most the run's duration after
// the occurrence: Weibull(48 h, 0.3) has its 99th percentile at 48 (ln 100)^(1/0.3) = 7,799 h,
// beyond the 1440 h run.
TEST(SarSetup, SearchSuspensionIsAtMostTheRunsDuration) {
  Scenario s = small_world().scenario;
  s.incident_classes[0].survival.b = 0.3;
  const SarSetup setup(s, small_world().geography);
  EXPECT_NEAR(s.incident_classes[0].survival.quantile_h(0.99), 48.0 * std::pow(std::log(100.0), 1.0 / 0.3), 1e-6);
  EXPECT_EQ(setup.incident_classes()[0].search_suspension_h, 1440.0);
}

// A raised stop flag stops a replication (core/stop_flag.hpp); a lowered one changes nothing.
TEST(SarReplication, StopsWhenTheFlagIsRaised) {
  const SarSetup setup(small_world().scenario, small_world().geography);
  const ReplicationKey key{7, 0, 1};
  StopFlag stop{true};
  EXPECT_THROW((void)run_sar_replication(setup, nullptr, key, draw_sar_incidents(setup, key), &stop), Stopped);
  stop = false;
  const SarReplicationResult a = run_sar_replication(setup, nullptr, key, draw_sar_incidents(setup, key), &stop);
  const SarReplicationResult b = run_sar_replication(setup, key);
  EXPECT_EQ(a.events, b.events);
  ASSERT_EQ(a.incidents.size(), b.incidents.size());
  for (std::size_t i = 0; i < a.incidents.size(); ++i) EXPECT_EQ(a.incidents[i].closed_h, b.incidents[i].closed_h);
}

}  // namespace
}  // namespace mdasim

// Fixed sensors on the small two-state world: footprints by the radar horizon against a brute
// force over every cell, and coverage fractions equal to availability.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geodesy.hpp"
#include "model/fixed_sensors.hpp"
#include "small_world.hpp"

namespace mdasim {
namespace {

FixedSensor radar(std::string name, GeoPoint at, double availability) {
  FixedSensor s;
  s.name = std::move(name);
  s.kind = FixedSensorKind::kCoastalRadar;
  s.position = at;
  s.antenna_height_m = 25.0;
  s.range_nm = 40.0;
  s.availability = availability;
  return s;
}

TEST(FixedSensors, RadarRangeIsTheHorizonCappedByTheInstrumentedRange) {
  // 4.12 (sqrt 25 + sqrt 2) km = 26.4265 km = 14.2692 nm.
  EXPECT_NEAR(fixed_sensor_range_nm(radar("r", {}, 1.0), 2.0), 14.2692, 1e-4);
  FixedSensor short_range = radar("r", {}, 1.0);
  short_range.range_nm = 10.0;
  EXPECT_DOUBLE_EQ(fixed_sensor_range_nm(short_range, 2.0), 10.0);
  FixedSensor ais = radar("a", {}, 1.0);
  ais.kind = FixedSensorKind::kAisReceiver;
  EXPECT_DOUBLE_EQ(fixed_sensor_range_nm(ais, 2.0), 40.0);  // no horizon: its stated range
}

// The coverage maps' search object: the lowest named by a target class, else the lowest of all,
// else none (a 2 m small craft).
TEST(FixedSensors, CoverageMapsAreForTheLowestTargetObject) {
  Scenario s;
  const auto object = [](std::string name, double height_m) {
    SearchObject o;
    o.name = std::move(name);
    o.height_m = height_m;
    return o;
  };
  EXPECT_EQ(coverage_search_object(s), kNoIndex);
  EXPECT_EQ(coverage_target_height_m(s), kDefaultTargetHeightM);
  s.search_objects = {object("ship", 15.0), object("raft", 0.5), object("skiff", 1.5)};
  EXPECT_EQ(coverage_search_object(s), 1);  // no target class: the lowest of all
  EXPECT_EQ(coverage_target_height_m(s), 0.5);
  TargetClass smugglers;
  smugglers.search_object_index = 2;
  TargetClass dark;
  dark.search_object_index = 0;
  TargetClass unnamed;  // names none
  s.target_classes = {dark, unnamed, smugglers};
  EXPECT_EQ(coverage_search_object(s), 2);  // the raft is no target's
  EXPECT_EQ(coverage_target_height_m(s), 1.5);
}

TEST(FixedSensors, FootprintIsEverySeaCellWithinRange) {
  Scenario s = test::small_world().scenario;
  s.fixed_sensors = {radar("West radar", {100.5, 2.0}, 1.0), radar("High radar", {103.5, 3.0}, 1.0)};
  s.fixed_sensors[1].antenna_height_m = 400.0;  // horizon 50.7 nm: capped at 40 nm
  const Geography& geo = test::small_world().geography;
  const FixedSensorSetup setup(s, geo, 2.0);
  ASSERT_EQ(setup.footprints().size(), 2u);
  for (const SensorFootprint& f : setup.footprints()) {
    std::vector<std::size_t> brute;
    const GeoPoint at = s.fixed_sensors[static_cast<std::size_t>(f.sensor_index)].position;
    for (std::size_t c = 0; c < geo.grid().size(); ++c) {
      if (geo.sea.is_sea(c) && geodesic_nm(at, geo.grid().center(c)) <= f.range_nm) brute.push_back(c);
    }
    EXPECT_EQ(f.cells, brute);
    EXPECT_GT(f.cells.size(), 5u);  // 14.3 nm (2.4 cells) into the sea from a straight coast: 8 cells
  }
  EXPECT_DOUBLE_EQ(setup.footprints()[1].range_nm, 40.0);
}

TEST(FixedSensors, CoveredFractionIsTheAvailabilityOverTheFootprint) {
  Scenario s = test::small_world().scenario;
  s.fixed_sensors = {radar("West radar", {100.5, 2.0}, 0.8)};
  const Geography& geo = test::small_world().geography;
  const FixedSensorSetup setup(s, geo, 2.0);
  CoverageAccumulator total(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
  CoverageAccumulator ais_total(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
  const int reps = 2000;
  for (int r = 0; r < reps; ++r) {
    CoverageAccumulator radar_acc(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
    CoverageAccumulator ais_acc(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
    add_fixed_sensor_coverage(setup, {5, 0, static_cast<std::uint64_t>(r)}, radar_acc, ais_acc);
    total.merge(radar_acc);
    ais_total.merge(ais_acc);
  }
  const CoverageMaps maps = total.maps(geo.sea.sea());
  const auto& cells = setup.footprints()[0].cells;
  // 2000 replications of 58 days: about 23,000 up/down cycles of mean 120 h; the standard
  // error of the fraction is about 0.003.
  EXPECT_NEAR(maps.covered_fraction[cells[0]], 0.8, 0.015);
  for (const std::size_t c : cells) {
    EXPECT_EQ(maps.covered_fraction[c], maps.covered_fraction[cells[0]]);  // one sensor: the same periods
    EXPECT_EQ(maps.mean_sensors[c], maps.covered_fraction[c]);
  }
  // Mean outage 24 h: the mean gap between covered periods is about a day (shortened where a
  // gap meets the window's ends).
  EXPECT_NEAR(maps.mean_gap_h[cells[0]], 24.0, 3.0);
  const std::size_t outside = geo.grid().index(20, 30);  // (103.05, 2.05): 152 nm away
  EXPECT_EQ(maps.covered_fraction[outside], 0.0f);
  const CoverageMaps ais_maps = ais_total.maps(geo.sea.sea());
  EXPECT_EQ(ais_maps.covered_fraction[cells[0]], 0.0f);  // a radar gives no AIS coverage
}

TEST(FixedSensors, OverlapsCountOnceAndSensorsAdd) {
  Scenario s = test::small_world().scenario;
  s.fixed_sensors = {radar("A", {100.5, 2.0}, 0.7), radar("B", {100.5, 2.1}, 0.7)};
  const Geography& geo = test::small_world().geography;
  const FixedSensorSetup setup(s, geo, 2.0);
  CoverageAccumulator total(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
  CoverageAccumulator ais(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
  for (int r = 0; r < 2000; ++r) {
    CoverageAccumulator a(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
    CoverageAccumulator b(geo.grid().size(), s.run.warmup_h, s.run.duration_h);
    add_fixed_sensor_coverage(setup, {5, 0, static_cast<std::uint64_t>(r)}, a, b);
    total.merge(a);
  }
  const CoverageMaps maps = total.maps(geo.sea.sea());
  const std::size_t both = geo.grid().index(20, 6);  // (100.65, 2.05): 9 nm from A and from B
  // Independent outages: covered 1 - 0.3^2 = 0.91 of the time; 1.4 sensors on average.
  EXPECT_NEAR(maps.covered_fraction[both], 0.91, 0.015);
  EXPECT_NEAR(maps.mean_sensors[both], 1.4, 0.03);
}

}  // namespace
}  // namespace mdasim

// Loading a valid scenario: every section of the reference example arrives in engine units
// (hours, nautical miles, knots, metres, events per hour) with references resolved.
#include "scenario/load.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace mdasim {
namespace {

class ReferenceExample : public ::testing::Test {
 protected:
  void SetUp() override {
    loaded_ = load_scenario(test::data_path("valid/reference-example.yaml"), diagnostics_);
    std::ostringstream out;
    diagnostics_.print(out);
    ASSERT_TRUE(loaded_.has_value()) << out.str();
    EXPECT_EQ(diagnostics_.error_count(), 0u);
    EXPECT_EQ(diagnostics_.warning_count(), 0u) << out.str();
  }
  const Scenario& s() const { return *loaded_; }

  Diagnostics diagnostics_;
  std::optional<Scenario> loaded_;
};

TEST_F(ReferenceExample, HeaderRunAndRegion) {
  EXPECT_EQ(s().name, "asean-baseline");
  EXPECT_NE(s().description.find("ASEAN coastal states"), std::string::npos);
  EXPECT_DOUBLE_EQ(s().run.duration_h, 365.0 * 24.0);
  EXPECT_DOUBLE_EQ(s().run.warmup_h, 7.0 * 24.0);
  EXPECT_EQ(s().run.replications, 200);
  EXPECT_EQ(s().run.seed, 20261125u);
  EXPECT_DOUBLE_EQ(s().region.lon_min_deg, 90.0);
  EXPECT_DOUBLE_EQ(s().region.lon_max_deg, 135.0);
  EXPECT_DOUBLE_EQ(s().region.lat_min_deg, -12.0);
  EXPECT_DOUBLE_EQ(s().region.lat_max_deg, 25.0);
  EXPECT_DOUBLE_EQ(s().region.cell_deg, 0.1);
  EXPECT_FALSE(s().option.has_value());
  EXPECT_NE(s().geodata.land_path.find("tests/data/valid/geo/land.geojson"), std::string::npos);
  EXPECT_NE(s().geodata.lanes_path.find("tests/data/valid/geo/lanes.geojson"), std::string::npos);
  EXPECT_TRUE(s().geodata.countries_path.empty());
  EXPECT_NE(s().source_text.find("scenario:"), std::string::npos);
}

TEST_F(ReferenceExample, StatesBasesAndReferences) {
  ASSERT_EQ(s().states.size(), 4u);
  const State& ph = s().states[0];
  EXPECT_EQ(ph.code, "PH");
  ASSERT_NE(ph.coordination_centre_index, kNoIndex);
  EXPECT_EQ(s().bases[static_cast<std::size_t>(ph.coordination_centre_index)].name,
            "PCG Coast Guard Action Center");
  ASSERT_EQ(s().bases.size(), 7u);
  EXPECT_EQ(s().bases[0].kind, BaseKind::kAirfield);
  EXPECT_DOUBLE_EQ(s().bases[0].position.lon_deg, 120.91);
  EXPECT_DOUBLE_EQ(s().bases[0].position.lat_deg, 14.50);
  EXPECT_EQ(s().bases[3].kind, BaseKind::kRadarSite);
  EXPECT_EQ(s().bases[5].state_index, 2);  // Basarnas -> ID
  ASSERT_EQ(s().responsibility_areas.size(), 1u);
  EXPECT_EQ(s().responsibility_areas[0].area.size(), 4u);
  EXPECT_EQ(s().responsibility_areas[0].state_index, 0);
  ASSERT_EQ(s().lane_traffic.size(), 1u);
  EXPECT_DOUBLE_EQ(s().lane_traffic[0].weight, 8.0);
}

TEST_F(ReferenceExample, AssetTypesInEngineUnits) {
  ASSERT_EQ(s().asset_types.size(), 2u);
  const AssetType& c90 = s().asset_types[0];
  EXPECT_EQ(c90.category, AssetCategory::kAircraft);
  EXPECT_DOUBLE_EQ(c90.cruise_speed_kt, 170.0);
  EXPECT_DOUBLE_EQ(c90.search_speed_kt, 150.0);
  EXPECT_DOUBLE_EQ(c90.endurance_h, 5.5);
  EXPECT_DOUBLE_EQ(c90.readiness_h, 1.0);
  EXPECT_DOUBLE_EQ(c90.mission_capable_rate, 0.6);
  EXPECT_DOUBLE_EQ(c90.mean_repair_time_h, 72.0);
  EXPECT_DOUBLE_EQ(c90.turnaround_h, 2.0);
  EXPECT_DOUBLE_EQ(c90.cost_musd.value(), 9.0);
  ASSERT_EQ(c90.sensors.size(), 1u);
  EXPECT_EQ(c90.sensors[0].kind, SensorKind::kRadar);
  EXPECT_EQ(c90.sensors[0].detection, DetectionModel::kDefiniteRange);
  EXPECT_DOUBLE_EQ(c90.sensors[0].range_nm, 40.0);
  EXPECT_DOUBLE_EQ(c90.sensors[0].reporting_delay_h, 5.0 / 60.0);
  ASSERT_EQ(c90.sensors[0].sweep_widths.size(), 2u);
  EXPECT_EQ(c90.sensors[0].sweep_widths[0].search_object_index, 1);  // small-craft
  EXPECT_DOUBLE_EQ(c90.sensors[0].sweep_widths[1].width_nm, 0.4);
  const AssetType& mrrv = s().asset_types[1];
  EXPECT_EQ(mrrv.category, AssetCategory::kVessel);
  EXPECT_DOUBLE_EQ(mrrv.sensors[0].reporting_delay_h, 0.0);  // the default
  EXPECT_DOUBLE_EQ(mrrv.endurance_h, 240.0);
  EXPECT_DOUBLE_EQ(mrrv.mission_capable_rate, 0.7);
  EXPECT_DOUBLE_EQ(mrrv.mean_repair_time_h, 48.0);  // default
  EXPECT_FALSE(mrrv.cost_musd.has_value());
  EXPECT_EQ(mrrv.sensors[0].detection, DetectionModel::kInverseCube);  // default
  EXPECT_DOUBLE_EQ(s().search_objects[0].height_m, 0.3);
}

TEST_F(ReferenceExample, AssetsSensorsAndPatrols) {
  ASSERT_EQ(s().assets.size(), 4u);
  const Asset& flight = s().assets[0];
  EXPECT_EQ(flight.count, 5);
  EXPECT_TRUE(flight.isr);
  EXPECT_TRUE(flight.sar);
  EXPECT_EQ(flight.type_index, 0);
  EXPECT_EQ(flight.base_index, 0);
  EXPECT_EQ(flight.patrol_index, 1);
  const Asset& mrrv = s().assets[1];
  EXPECT_FALSE(mrrv.isr);
  EXPECT_EQ(mrrv.state, "PH");  // defaults to the base's state
  EXPECT_EQ(mrrv.state_index, 0);

  ASSERT_EQ(s().fixed_sensors.size(), 2u);
  const FixedSensor& radar = s().fixed_sensors[0];
  EXPECT_EQ(radar.site_index, 3);
  EXPECT_DOUBLE_EQ(radar.position.lon_deg, 117.05);  // from the site
  EXPECT_DOUBLE_EQ(radar.antenna_height_m, 60.0);
  EXPECT_DOUBLE_EQ(radar.range_nm, 80.0);
  EXPECT_DOUBLE_EQ(radar.availability, 0.9);
  EXPECT_NEAR(radar.reporting_delay_h, 10.0 / 60.0, 1e-15);
  EXPECT_EQ(s().fixed_sensors[1].kind, FixedSensorKind::kAisReceiver);
  EXPECT_DOUBLE_EQ(s().fixed_sensors[1].availability, 1.0);  // default

  ASSERT_EQ(s().patrols.size(), 3u);
  EXPECT_EQ(s().patrols[0].pattern, PatrolPattern::kParallelSweep);
  EXPECT_EQ(s().patrols[0].area.size(), 4u);
  EXPECT_DOUBLE_EQ(s().patrols[0].track_spacing_nm, 20.0);
  EXPECT_EQ(s().patrols[1].waypoints.size(), 2u);
  EXPECT_DOUBLE_EQ(s().patrols[1].time_on_station_h.value(), 4.0);
  EXPECT_DOUBLE_EQ(s().patrols[2].point.lat_deg, 15.15);
  EXPECT_DOUBLE_EQ(s().patrols[2].sorties_per_week, 1.0);
}

TEST_F(ReferenceExample, IncidentAndTargetClasses) {
  ASSERT_EQ(s().incident_classes.size(), 2u);
  const IncidentClass& vid = s().incident_classes[0];
  EXPECT_NEAR(vid.rate_per_h, 400.0 / 8760.0, 1e-15);
  EXPECT_EQ(vid.where_placed.kind, Placement::Kind::kLanes);
  EXPECT_EQ(vid.search_object_index, 1);
  EXPECT_EQ(vid.persons_on_board, 8);
  EXPECT_DOUBLE_EQ(vid.beacon_probability, 0.3);
  EXPECT_EQ(vid.overdue_delay.kind, Distribution::Kind::kLognormal);
  EXPECT_DOUBLE_EQ(vid.overdue_delay.a, 6.0);
  EXPECT_DOUBLE_EQ(vid.overdue_delay.b, 0.8);
  EXPECT_DOUBLE_EQ(vid.position_error_nm, 5.0);
  EXPECT_DOUBLE_EQ(vid.drift_error_kt, 0.5);
  EXPECT_DOUBLE_EQ(vid.min_search_time_h, 2.0);
  EXPECT_EQ(vid.survival.kind, Distribution::Kind::kWeibull);
  const IncidentClass& piw = s().incident_classes[1];
  ASSERT_EQ(piw.where_placed.areas.size(), 1u);
  EXPECT_DOUBLE_EQ(piw.where_placed.areas[0].weight, 2.0);
  EXPECT_EQ(piw.overdue_delay.kind, Distribution::Kind::kExponential);

  ASSERT_EQ(s().target_classes.size(), 1u);
  const TargetClass& dark = s().target_classes[0];
  EXPECT_DOUBLE_EQ(dark.rate_per_h, 3.0 / 24.0);
  EXPECT_EQ(dark.motion, TargetMotion::kTransit);
  EXPECT_DOUBLE_EQ(dark.speed_kt, 10.0);
  EXPECT_DOUBLE_EQ(dark.dwell.a, 36.0);
  EXPECT_DOUBLE_EQ(dark.ais_on_probability, 0.0);
}

TEST_F(ReferenceExample, Policies) {
  const Policies& p = s().policies;
  EXPECT_DOUBLE_EQ(p.rcc_processing_h, 0.25);
  EXPECT_DOUBLE_EQ(p.default_sharing_delay_h, 4.0);
  ASSERT_EQ(p.sharing_links.size(), 1u);
  EXPECT_EQ(p.sharing_links[0].from_index, 3);
  EXPECT_EQ(p.sharing_links[0].to_index, 1);
  EXPECT_DOUBLE_EQ(p.sharing_links[0].delay_h, 0.5);
  EXPECT_FALSE(p.cross_border_default_allowed);
  EXPECT_DOUBLE_EQ(p.cross_border_coordination_delay_h, 3.0);
  EXPECT_FALSE(p.patrol_retasking_allowed);  // the default is allow
  ASSERT_EQ(p.agreements.size(), 1u);
  EXPECT_TRUE(p.agreements[0].allowed);
  EXPECT_DOUBLE_EQ(p.agreements[0].coordination_delay_h.value(), 2.0);
}

TEST(Load, ValuesKeepTheirSourceLocation) {
  Diagnostics d;
  const auto s = load_scenario(test::data_path("valid/minimal.yaml"), d);
  ASSERT_TRUE(s.has_value());
  // "  - name: Sangley Point" is the second base, line 23 in the file; the mapping starts at col 5.
  EXPECT_EQ(s->bases[1].where.line, 23);
  EXPECT_EQ(s->bases[1].where.column, 5);
  EXPECT_NE(s->bases[1].where.file->find("minimal.yaml"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

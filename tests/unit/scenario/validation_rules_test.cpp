// Each validation rule, one edit of the minimal scenario at a time, with the exact line and
// column of the error (1-based, as printed). Line numbers refer to tests/data/valid/minimal.yaml.
#include <gtest/gtest.h>

#include "rule_check.hpp"

namespace mdasim {
namespace {

using test::edited;
using test::fails_with;
using test::minimal_text;

TEST(ValidationRules, MinimalScenarioIsValid) {
  Diagnostics d;
  EXPECT_TRUE(load_scenario_text(minimal_text(), "t.yaml", d).has_value()) << test::printed(d);
}

TEST(ValidationRules, UnknownKeyWithSuggestion) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    endurance: 5h", "    endurence: 5h"), 36, 5,
                         "unknown key 'endurence' in asset type 'C-90' (did you mean 'endurance'?)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "run:", "runs:"), 5, 1,
                         "unknown key 'runs' in the scenario file (did you mean 'run'?)"));
}

TEST(ValidationRules, UnknownKeyWithoutNearMatchListsTheKeys) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  seed: 1", "  seed: 1\n  colour: red"), 9, 3,
                         "expected one of: duration, warmup, replications, seed"));
}

TEST(ValidationRules, ExtensionKeysHoldAnchors) {
  std::string text = edited(minimal_text(), "asset_types:\n", "x-radar: &radar\n  - name: radar\n    kind: radar\n"
                                                                "    range: 40nm\n    sweep_widths: {small-craft: 10nm}\nasset_types:\n");
  text = edited(text, "    sensors:\n      - name: radar\n        kind: radar\n        range: 40nm\n"
                      "        sweep_widths:\n          small-craft: 10nm\n", "    sensors: *radar\n");
  Diagnostics d;
  const auto s = load_scenario_text(text, "t.yaml", d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  EXPECT_DOUBLE_EQ(s->asset_types[0].sensors[0].sweep_widths[0].width_nm, 10.0);
  // Elsewhere an x- key is still unknown.
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  seed: 1", "  seed: 1\n  x-note: hi"), 9, 3, "unknown key 'x-note'"));
}

TEST(ValidationRules, DuplicateKey) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    count: 5", "    count: 5\n    count: 6"), 51, 5,
                         "duplicate key 'count' in asset 'PN C-90 flight' (first given at line 50)"));
}

TEST(ValidationRules, MissingRequiredKeys) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    turnaround: 2h\n", ""), 32, 5,
                         "missing required key 'turnaround' in asset type 'C-90'"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "run:\n  duration: 30d\n  replications: 10\n  seed: 1\n", ""),
                         2, 1, "missing required key 'run' in the scenario file"));
}

TEST(ValidationRules, WrongTypes) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    count: 5", "    count: five"), 50, 12,
                         "'count' in asset 'PN C-90 flight' is 'five'; expected a whole number"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    cruise_speed: 170kt", "    cruise_speed: [170kt]"), 34, 19,
                         "expected a single value for 'cruise_speed'"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "bases:\n", "bases: 3\nx:\n"), 17, 8,
                         "expected a list for 'bases', got a single value"));
}

TEST(ValidationRules, BareNumberWhereUnitRequired) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  duration: 30d", "  duration: 30"), 6, 13,
                         "'30' has no unit: expected a duration with a unit, such as 36h, 2d or 90min"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    height: 2m", "    height: 2"), 30, 13, "has no unit"));
}

TEST(ValidationRules, WrongUnit) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    cruise_speed: 170kt", "    cruise_speed: 170nm"), 34, 19,
                         "unknown unit 'nm' for a speed: expected one of kt, kn, km/h, m/s"));
}

TEST(ValidationRules, OutOfRangeValues) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    lat: 14.50", "    lat: 94.50"), 27, 10,
                         "'lat' in base 'Sangley Point' is 94.50; expected degrees from -90 to 90"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    lon: 120.91", "    lon: 200.91"), 26, 10,
                         "expected degrees from -180 to 180"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    cruise_speed: 170kt", "    cruise_speed: -170kt"), 34, 19,
                         "'cruise_speed' in asset type 'C-90' is -170kt; expected a value between 0kt (exclusive)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    mission_capable_rate: 60%", "    mission_capable_rate: 1.2"), 38, 27,
                         "outside 0..1"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  replications: 10", "  replications: 0"), 7, 17,
                         "expected a whole number from 1 to 1000000"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  lon: [116, 127]", "  lon: [127, 116]"), 10, 8,
                         "expected the first value below the second"));
}

TEST(ValidationRules, RelationsBetweenFields) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    search_speed: 150kt", "    search_speed: 190kt"), 35, 19,
                         "has a search speed (190kt) above its cruise speed (170kt)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  seed: 1", "  seed: 1\n  warmup: 30d"), 9, 11,
                         "expected warmup < duration"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "          small-craft: 10nm", "          small-craft: 90nm"), 45, 24,
                         "at most twice the sensor's range"));
}

TEST(ValidationRules, DanglingReferencesWithSuggestion) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    type: C-90", "    type: C90"), 48, 11,
                         "asset 'PN C-90 flight': no asset type named 'C90' (did you mean 'C-90'?)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    base: Sangley Point", "    base: Sangley Pt"), 49, 11,
                         "no base named 'Sangley Pt' (did you mean 'Sangley Point'?)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    coordination_centre: Manila CGAC", "    coordination_centre: Manilla CGAC"), 16, 26,
                         "no base named 'Manilla CGAC' (did you mean 'Manila CGAC'?)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "          small-craft: 10nm", "          small-boat: 10nm"), 45, 11,
                         "no search object named 'small-boat'"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    roles: [ISR, SAR]", "    roles: [ISR, SAR]\n    patrol: Nowhere"), 52, 13,
                         "no patrol named 'Nowhere'"));
}

TEST(ValidationRules, DuplicateNames) {
  const std::string text = edited(minimal_text(), "  - name: Sangley Point", "  - name: Manila CGAC");
  EXPECT_TRUE(fails_with(text, 23, 11, "duplicate base 'Manila CGAC' (first defined at t.yaml:18:5)"));
}

TEST(ValidationRules, BaseKindsMustFitTheAsset) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    category: aircraft", "    category: vessel"), 49, 11,
                         "is a vessel based at 'Sangley Point', whose kind is airfield; expected a port"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    kind: coordination-centre", "    kind: port"), 16, 26,
                         "expected a base of kind coordination-centre"));
}

TEST(ValidationRules, PatrolNeedsIsrRole) {
  std::string text = edited(minimal_text(), "    roles: [ISR, SAR]", "    roles: [SAR]\n    patrol: P");
  text += "patrols:\n  - name: P\n    pattern: station\n    point: [118, 15]\n    sorties_per_week: 2\n";
  EXPECT_TRUE(fails_with(text, 52, 13, "does not have the ISR role"));
}

TEST(ValidationRules, PatrolGeometryMustFitThePattern) {
  std::string text = minimal_text() +
                     "patrols:\n  - name: P\n    pattern: station\n    point: [118, 15]\n"
                     "    waypoints: [[118, 15], [119, 16]]\n    sorties_per_week: 2\n";
  EXPECT_TRUE(fails_with(text, 56, 5, "'waypoints' is not used by the station pattern"));
}

TEST(ValidationRules, PolygonsNeedArea) {
  std::string text = minimal_text() +
                     "lane_traffic:\n  - name: L\n    weight: 2\n    area: [[100, 1], [101, 2], [102, 3]]\n";
  EXPECT_TRUE(fails_with(text, 55, 11, "encloses no area"));
  // A bow-tie: its two halves cancel in the signed area, but the fault is the crossing.
  text = minimal_text() + "lane_traffic:\n  - name: L\n    weight: 2\n    area: [[100, 1], [102, 3], [102, 1], [100, 3]]\n";
  EXPECT_TRUE(fails_with(text, 55, 11, "crosses itself (edge 1 meets edge 3)"));
  text = minimal_text() + "lane_traffic:\n  - name: L\n    weight: 2\n    area: [[100, 1], [101, 2]]\n";
  EXPECT_TRUE(fails_with(text, 55, 11, "has 2 points; expected at least 3"));
  text = minimal_text() + "lane_traffic:\n  - name: L\n    weight: 2\n    area: [[100, 1], [101], [102, 3]]\n";
  EXPECT_TRUE(fails_with(text, 55, 22, "expected a point [lon, lat]"));
}

TEST(ValidationRules, Distributions) {
  const std::string base = minimal_text() +
                           "incident_classes:\n  - name: pin\n    rate: 50/yr\n    where: {kind: uniform}\n"
                           "    search_object: small-craft\n    persons_on_board: 1\n    beacon_probability: 0.2\n"
                           "    overdue_delay: {dist: exponential, mean: 4h}\n    position_error: 2nm\n"
                           "    drift_error: 1kt\n    min_search_time: 1h\n    survival: SURVIVAL\n";
  {
    Diagnostics d;
    EXPECT_TRUE(load_scenario_text(edited(base, "SURVIVAL", "36h"), "t.yaml", d).has_value()) << test::printed(d);
  }
  EXPECT_TRUE(fails_with(edited(base, "SURVIVAL", "{dist: gamma, mean: 3h}"), 63, 22,
                         "'gamma' is not a valid dist"));
  EXPECT_TRUE(fails_with(edited(base, "SURVIVAL", "{dist: weibull, scale: 30h, shape: 1.5, mean: 3h}"), 63, 55,
                         "'mean' is not a parameter of the weibull distribution; it takes scale, shape"));
  EXPECT_TRUE(fails_with(edited(base, "SURVIVAL", "{dist: uniform, min: 5h, max: 2h}"), 63, 15,
                         "has max below min"));
  EXPECT_TRUE(fails_with(edited(base, "SURVIVAL", "{dist: lognormal, median: 6h}"), 63, 15,
                         "missing required key 'sigma'"));
  EXPECT_TRUE(fails_with(edited(base, "SURVIVAL", "0h"), 63, 15, "expected a value greater than 0h"));
}

TEST(ValidationRules, FixedSensorPosition) {
  const std::string both = minimal_text() +
                           "fixed_sensors:\n  - name: R\n    kind: coastal-radar\n    state: PH\n"
                           "    site: Manila CGAC\n    lon: 120\n    lat: 14\n    antenna_height: 60m\n    range: 80nm\n";
  EXPECT_TRUE(fails_with(both, 56, 5, "give either 'site' or 'lon'/'lat'"));
  const std::string wrong_site = minimal_text() +
                                 "fixed_sensors:\n  - name: R\n    kind: coastal-radar\n    state: PH\n"
                                 "    site: Manila CGAC\n    antenna_height: 60m\n    range: 80nm\n";
  EXPECT_TRUE(fails_with(wrong_site, 56, 11, "expected a base of kind radar-site"));
}

TEST(ValidationRules, PolicyReferencesAndPairs) {
  const std::string text = minimal_text() +
                           "policies:\n  information_sharing:\n    default_delay: 4h\n    links:\n"
                           "      - {from: PH, to: XX, delay: 1h}\n      - {from: PH, to: PH, delay: 1h}\n";
  EXPECT_TRUE(fails_with(text, 56, 24, "no state named 'XX'"));
  EXPECT_TRUE(fails_with(text, 57, 24, "to itself"));
}

TEST(ValidationRules, AllErrorsOfAFileInOnePass) {
  std::string text = edited(minimal_text(), "  duration: 30d", "  duration: 30");
  text = edited(text, "    endurance: 5h", "    endurence: 5h");
  text = edited(text, "    base: Sangley Point", "    base: Nowhere");
  Diagnostics d;
  EXPECT_FALSE(load_scenario_text(text, "t.yaml", d).has_value());
  EXPECT_EQ(d.error_count(), 3u) << test::printed(d);
}

TEST(ValidationRules, ReferenceToAnUnreadableEntityIsNotReportedTwice) {
  // The type fails to read; the asset that names it must not add "no asset type named 'C-90'".
  const std::string text = edited(minimal_text(), "    cruise_speed: 170kt", "    cruise_speed: fast");
  Diagnostics d;
  EXPECT_FALSE(load_scenario_text(text, "t.yaml", d).has_value());
  EXPECT_EQ(d.error_count(), 1u) << test::printed(d);
}

TEST(ValidationRules, PatrolOutOfReachIsAWarning) {
  // Sangley Point (120.91, 14.50) to a station at (120.91, 20.50): 6 degrees of latitude, about
  // 359 nm, out and back 718 nm at 170 kt = 4.2 h: within the 5 h endurance, beyond a 4 h one.
  const std::string patrol = "patrols:\n  - name: far station\n    pattern: station\n    point: [120.91, 20.5]\n"
                             "    sorties_per_week: 1\n";
  const std::string with_patrol = edited(minimal_text(), "    roles: [ISR, SAR]", "    roles: [ISR, SAR]\n    patrol: far station") + patrol;
  Diagnostics ok;
  ASSERT_TRUE(load_scenario_text(with_patrol, "t.yaml", ok).has_value()) << test::printed(ok);
  EXPECT_EQ(ok.warning_count(), 0u) << test::printed(ok);
  Diagnostics d;
  const auto s = load_scenario_text(edited(with_patrol, "    endurance: 5h", "    endurance: 4h"), "t.yaml", d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  ASSERT_EQ(d.warning_count(), 1u) << test::printed(d);
  EXPECT_NE(d.items()[0].message.find("cannot fly patrol 'far station' from 'Sangley Point'"), std::string::npos)
      << d.items()[0].message;
  EXPECT_EQ(d.items()[0].where.line, 52);  // the asset's patrol field
}

TEST(ValidationRules, BaseOutsideRegionIsAWarningOnly) {
  Diagnostics d;
  const auto s = load_scenario_text(edited(minimal_text(), "    lon: 120.91", "    lon: 144.8"), "t.yaml", d);
  EXPECT_TRUE(s.has_value()) << test::printed(d);
  ASSERT_EQ(d.warning_count(), 1u);
  EXPECT_NE(d.items()[0].message.find("outside the scenario region"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

// The fixed sensors' effective radii in validate's summary, against the radar horizon by hand.
#include "model/sensor_summary.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "scenario/load.hpp"
#include "../scenario/rule_check.hpp"

namespace mdasim {
namespace {

TEST(SensorSummary, RadiusPerSearchObject) {
  // reach.yaml's radars have 60 m antennas and a 40 nm range; a person of 0.3 m is added, and an
  // AIS receiver of 35 nm.
  std::string text = test::read_text(test::data_path("valid/validate-reach/reach.yaml"));
  text = test::edited(text, "  - {name: small-craft, height: 2m}", "  - {name: small-craft, height: 2m}\n  - {name: person, height: 0.3m}");
  text = test::edited(text, "fixed_sensors:\n", "fixed_sensors:\n  - {name: West AIS, kind: ais-receiver, state: MY, lon: 100.4, lat: 2.0, antenna_height: 20m, range: 35nm}\n");
  Diagnostics d;
  const auto s = load_scenario_text(text, test::data_path("valid/validate-reach/t.yaml"), d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  std::ostringstream out;
  print_fixed_sensor_radii(*s, out);
  const std::string table = out.str();
  // 4.12 (sqrt 60 + sqrt 2) / 1.852 = 20.38 nm; 4.12 (sqrt 60 + sqrt 0.3) / 1.852 = 18.45 nm.
  EXPECT_NE(table.find("West radar  MY     coastal-radar     60 m   40.0 nm         20.4     18.5"), std::string::npos) << table;
  EXPECT_NE(table.find("West AIS    MY     ais-receiver         -   35.0 nm         35.0     35.0"), std::string::npos) << table;
  EXPECT_NE(table.find("small-craft   person"), std::string::npos) << table;
  EXPECT_NE(table.find("2.0 m    0.3 m"), std::string::npos) << table;
}

TEST(SensorSummary, NothingWithoutFixedSensors) {
  Diagnostics d;
  const auto s = load_scenario_text(test::minimal_text(), "t.yaml", d);
  ASSERT_TRUE(s.has_value());
  std::ostringstream out;
  print_fixed_sensor_radii(*s, out);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace mdasim

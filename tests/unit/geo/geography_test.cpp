// The baseline's geography on real coasts: land-mask spot checks, the grid's sea cells, the
// responsible state of known waters, and the checks of scenario positions against the land.
#include "geo/geography.hpp"

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "../scenario/rule_check.hpp"

namespace mdasim {
namespace {

TEST(Geography, LandMaskSpotChecks) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  EXPECT_TRUE(g.is_land({103.82, 1.35}));    // Singapore island
  EXPECT_TRUE(g.is_land({101.69, 3.14}));    // Kuala Lumpur
  EXPECT_TRUE(g.is_land({121.0, 16.0}));     // Luzon
  EXPECT_TRUE(g.is_land({114.0, 0.0}));      // Borneo
  EXPECT_FALSE(g.is_land({100.5, 3.0}));     // Strait of Malacca
  EXPECT_FALSE(g.is_land({120.75, 14.55}));  // Manila Bay
  EXPECT_FALSE(g.is_land({120.5, 8.0}));     // Sulu Sea
  EXPECT_FALSE(g.is_land({103.85, 1.2}));    // Singapore Strait
  EXPECT_FALSE(g.is_land({113.0, 12.0}));    // South China Sea
}

TEST(Geography, GridSeaCellsFollowTheLandMask) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  EXPECT_EQ(g.grid().cols(), 450);
  EXPECT_EQ(g.grid().rows(), 370);
  for (std::size_t cell = 0; cell < g.grid().size(); cell += 97) {
    EXPECT_EQ(g.sea.is_sea(cell), !g.is_land(g.grid().center(cell)));
  }
  // Most of the region is sea.
  const double sea_share = static_cast<double>(g.sea.sea_cell_count()) / static_cast<double>(g.grid().size());
  EXPECT_GT(sea_share, 0.6);
  EXPECT_LT(sea_share, 0.9);
}

std::string state_at(const test::BaselineGeography& b, const GeoPoint& p) {
  const auto cell = b.geography.grid().cell_of(p);
  if (!cell) return "outside";
  const int st = b.geography.responsible_state[*cell];
  return st < 0 ? "none" : b.scenario.states[static_cast<std::size_t>(st)].code;
}

TEST(Geography, ResponsibleStateIsTheNearestCoast) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(state_at(*b, {120.75, 14.55}), "PH");  // Manila Bay
  EXPECT_EQ(state_at(*b, {121.5, 9.0}), "PH");     // Sulu Sea, off Negros
  EXPECT_EQ(state_at(*b, {106.5, 8.0}), "VN");     // off southern Viet Nam
  EXPECT_EQ(state_at(*b, {100.9, 12.4}), "TH");    // off Sattahip, Gulf of Thailand
  EXPECT_EQ(state_at(*b, {98.0, 7.8}), "TH");      // off Phuket
  EXPECT_EQ(state_at(*b, {125.6, -8.4}), "TL");    // off Dili
  EXPECT_EQ(state_at(*b, {112.5, -5.5}), "ID");    // Java Sea
  EXPECT_EQ(state_at(*b, {104.5, 2.8}), "MY");     // off Pahang, east of the peninsula
  EXPECT_EQ(state_at(*b, {96.5, 15.0}), "MM");     // Gulf of Martaban
}

TEST(Geography, ResponsibilityAreasOverrideTheMedianLine) {
  Diagnostics d;
  auto s = load_scenario(test::source_path("scenarios/asean-baseline.yaml"), d);
  ASSERT_TRUE(s.has_value());
  ResponsibilityArea area;
  area.name = "test";
  area.state = "SG";
  area.state_index = 3;
  ASSERT_EQ(s->states[3].code, "SG");
  area.area = {{112, 10}, {114, 10}, {114, 12}, {112, 12}};
  s->responsibility_areas.push_back(area);
  const auto g = build_geography(*s, d, GeographyOptions{.scenario_checks = false});
  ASSERT_TRUE(g.has_value());
  const auto cell = g->grid().cell_of({113.0, 11.0});
  ASSERT_TRUE(cell.has_value());
  EXPECT_EQ(g->responsible_state[*cell], 3);
}

TEST(Geography, ScenarioPositionsAreCheckedAgainstTheLand) {
  // A port moved to central Borneo.
  std::string text = test::read_text(test::source_path("scenarios/asean-baseline.yaml"));
  text = test::edited(text, "  - {name: Zamboanga, state: PH, kind: port, lon: 122.07, lat: 6.90}",
                      "  - {name: Zamboanga, state: PH, kind: port, lon: 114.0, lat: 0.0}");
  Diagnostics d;
  const auto s = load_scenario_text(text, test::source_path("scenarios/t.yaml"), d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  EXPECT_FALSE(build_geography(*s, d).has_value());
  EXPECT_NE(test::printed(d).find("port 'Zamboanga' is more than 5 grid cells from the sea"), std::string::npos)
      << test::printed(d);
}

TEST(Geography, APortCutOffFromTheOpenSeaIsReported) {
  // Thilawa up the Yangon River: its first sea cells are two river cells that the 0.1 degree
  // grid closes off from the sea (the baseline models the port at the river mouth instead).
  std::string text = test::read_text(test::source_path("scenarios/asean-baseline.yaml"));
  text = test::edited(text, "  - {name: Thilawa No. 3 Naval Jetty, state: MM, kind: port, lon: 96.30, lat: 16.45}",
                      "  - {name: Thilawa No. 3 Naval Jetty, state: MM, kind: port, lon: 96.17, lat: 16.77}");
  Diagnostics d;
  const auto s = load_scenario_text(text, test::source_path("scenarios/t.yaml"), d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  EXPECT_TRUE(build_geography(*s, d).has_value());  // a warning: the scenario still runs
  EXPECT_EQ(d.warning_count(), 1u) << test::printed(d);
  EXPECT_NE(test::printed(d).find("port 'Thilawa No. 3 Naval Jetty' opens onto 2 sea cell(s) of the grid, cut off "
                                  "from the open sea"),
            std::string::npos)
      << test::printed(d);
}

TEST(Geography, ScenarioWithoutGeodataIsAnError) {
  Diagnostics d;
  const auto s = load_scenario(test::data_path("valid/minimal.yaml"), d);
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(build_geography(*s, d).has_value());
  EXPECT_NE(test::printed(d).find("names no geodata"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

// The foreign-coast warning on tests/data/valid/validate-coasts/one-state.yaml: MY alone across
// a strait from ID's coast answers for ID's waters, the eastern half of the sea (15 of 30
// columns), so for 50% of incidents spread uniformly over it. Then what silences it: ID as a
// state, a responsibility area, incidents only in MY's half, no countries file.
#include "model/foreign_coasts.hpp"

#include <gtest/gtest.h>

#include "geography_check.hpp"

namespace mdasim {
namespace {

std::string one_state_text() { return test::read_text(test::data_path("valid/validate-coasts/one-state.yaml")); }

std::string coast_warnings(const std::string& text) {
  return test::geography_check_output(text, test::data_path("valid/validate-coasts/t.yaml"), check_foreign_coasts);
}

TEST(ForeignCoasts, OneStateAnswersForItsNeighboursWaters) {
  const std::string w = coast_warnings(one_state_text());
  EXPECT_EQ(w.substr(w.find("t.yaml:")),
            "t.yaml:23:5: warning: state 'MY' answers for the waters off the coast of ID, which is not a state of the "
            "scenario (a cell's responsible state is the scenario's state with the nearest coast): they hold 50% of the "
            "scenario's incidents; add ID as a state, or responsibility areas that give those waters to the state that "
            "answers there\n");
}

TEST(ForeignCoasts, SilencedByTheNeighbourAsAState) {
  std::string text = test::edited(one_state_text(), "  - {code: MY, name: West, coordination_centre: West RCC}\n",
                                  "  - {code: MY, name: West, coordination_centre: West RCC}\n"
                                  "  - {code: ID, name: East, coordination_centre: East RCC}\n");
  text = test::edited(text, "bases:\n", "bases:\n  - {name: East RCC, state: ID, kind: coordination-centre, lon: 103.8, lat: 2.1}\n");
  EXPECT_EQ(coast_warnings(text), "");
}

TEST(ForeignCoasts, SilencedByAResponsibilityArea) {
  const std::string text = test::edited(one_state_text(), "bases:\n",
                                        "responsibility_areas:\n  - {name: Whole strait, state: MY, area: [[100, 0], [104, 0], [104, 4], [100, 4]]}\n"
                                        "bases:\n");
  EXPECT_EQ(coast_warnings(text), "");
}

// Incidents only in MY's half: nothing of the scenario's happens in ID's waters.
TEST(ForeignCoasts, NothingOccursThere) {
  const std::string text = test::edited(one_state_text(), "    where: {kind: uniform}",
                                        "    where: {kind: areas, areas: [{name: west, polygon: [[100.5, 0], [101.9, 0], [101.9, 4], [100.5, 4]]}]}");
  EXPECT_EQ(coast_warnings(text), "");
}

// Incidents in a box from 101.9E to 102.5E: columns 101.95 (MY's) and 102.05 to 102.45 (ID's),
// 5 of 6 alike in area: 83% in ID's waters. Without incidents the sea itself is weighed: 50%.
TEST(ForeignCoasts, WhatIsWeighed) {
  const std::string box = test::edited(one_state_text(), "    where: {kind: uniform}",
                                       "    where: {kind: areas, areas: [{name: mid, polygon: [[101.9, 0], [102.5, 0], [102.5, 4], [101.9, 4]]}]}");
  EXPECT_NE(coast_warnings(box).find("they hold 83% of the scenario's incidents"), std::string::npos) << coast_warnings(box);
  const std::size_t at = one_state_text().find("incident_classes:");
  const std::string no_incidents = one_state_text().substr(0, at);
  EXPECT_NE(coast_warnings(no_incidents).find("they hold 50% of the scenario's sea"), std::string::npos)
      << coast_warnings(no_incidents);
}

TEST(ForeignCoasts, NothingKnownWithoutACountriesFile) {
  EXPECT_EQ(coast_warnings(test::edited(one_state_text(), "  countries: countries.geojson\n", "")), "");
}

}  // namespace
}  // namespace mdasim

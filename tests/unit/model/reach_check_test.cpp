// The reach warnings on tests/data/valid/validate-reach/reach.yaml, whose distances its comments
// work out by hand: a radar, a SAR helicopter and a patrol station on the western side reach no
// incident (131, 143 and 107 nm away), their eastern counterparts do; and the edges of the rule.
#include "model/reach_check.hpp"

#include <gtest/gtest.h>

#include "geography_check.hpp"

namespace mdasim {
namespace {

std::string reach_text() { return test::read_text(test::data_path("valid/validate-reach/reach.yaml")); }

// The warnings of check_reach on `text` (a scenario beside reach.yaml), printed.
std::string reach_warnings(const std::string& text) {
  return test::geography_check_output(text, test::data_path("valid/validate-reach/t.yaml"), check_reach);
}

TEST(ReachCheck, WhatReachesNothingAndHowFar) {
  const std::string w = reach_warnings(reach_text());
  EXPECT_NE(w.find("t.yaml:44:5: warning: asset 'West helicopter' (SAR role, based at 'West Air', 100.20E 2.00N) can reach "
                   "no place where the scenario's incidents occur: the nearest (incident class 'boat-in-distress') is "
                   "143 nm away, and it can go at most 100 nm out (endurance 3 h less the 1 h minimum search, at 100 kt, "
                   "out and back)\n"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("t.yaml:48:5: warning: patrol 'West station' (station at 100.80E 3.45N) passes within sight of no "
                   "place where the scenario's incidents or targets occur: the nearest (incident class "
                   "'boat-in-distress') is 107 nm from its route, and its sensors see a small-craft (2 m) to at most "
                   "10.0 nm\n"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("t.yaml:53:5: warning: fixed sensor 'West radar' (coastal-radar at 100.40E 0.55N) covers no place "
                   "where the scenario's incidents or targets occur: the nearest (incident class 'boat-in-distress') is "
                   "131 nm away, and it sees a small-craft (2 m) to 20.4 nm\n"),
            std::string::npos)
      << w;
  // The eastern units reach; nothing else is said.
  EXPECT_EQ(w.find("East"), std::string::npos) << w;
  EXPECT_EQ(std::count(w.begin(), w.end(), '\n'), 3) << w;
}

// The helicopter's reach against the nearest place, 142.9 nm (147.2 nm to the nearest cell's
// centre less 4.3): an endurance of 3.9 h takes it 145 nm out, 3.8 h only 140 nm.
TEST(ReachCheck, SarReachAtTheEdge) {
  const std::string far = reach_warnings(test::edited(reach_text(), "    endurance: 3h", "    endurance: 3.8h"));
  EXPECT_NE(far.find("asset 'West helicopter'"), std::string::npos) << far;
  EXPECT_NE(far.find("at most 140 nm out"), std::string::npos) << far;
  const std::string near = reach_warnings(test::edited(reach_text(), "    endurance: 3h", "    endurance: 3.9h"));
  EXPECT_EQ(near.find("asset 'West helicopter'"), std::string::npos) << near;
}

// A longer minimum search shortens the reach; an endurance that leaves no time on scene is said.
TEST(ReachCheck, MinimumSearchTime) {
  const std::string w = reach_warnings(test::edited(reach_text(), "    min_search_time: 1h", "    min_search_time: 3h"));
  EXPECT_NE(w.find("asset 'West helicopter' (SAR role, based at 'West Air', 100.20E 2.00N): its type's endurance (3 h) "
                   "leaves no time on scene after the minimum search time of every incident class it can search for"),
            std::string::npos)
      << w;
}

// The radar is warned of until its radius (20.4 nm for the 2 m boat) reaches the nearest place.
// With the area's cell centres from 100.85E, 0.45 degrees east of the radar at the same latitude
// (27.05 nm, less 4.27 nm: 22.8 nm), it is; from 100.75E (21.04 - 4.27 = 16.8 nm), it is not.
TEST(ReachCheck, RadarAtTheEdge) {
  const std::string area = "[[102.6, 0.5], [103.4, 0.5], [103.4, 3.5], [102.6, 3.5]]";
  const std::string far =
      reach_warnings(test::edited(reach_text(), area, "[[100.8, 0.5], [103.4, 0.5], [103.4, 3.5], [100.8, 3.5]]"));
  EXPECT_NE(far.find("fixed sensor 'West radar' (coastal-radar at 100.40E 0.55N) covers no place where the scenario's "
                     "incidents or targets occur: the nearest (incident class 'boat-in-distress') is 22.8 nm away"),
            std::string::npos)
      << far;
  const std::string near =
      reach_warnings(test::edited(reach_text(), area, "[[100.7, 0.5], [103.4, 0.5], [103.4, 3.5], [100.7, 3.5]]"));
  EXPECT_EQ(near.find("West radar"), std::string::npos) << near;
  EXPECT_EQ(near.find("West station"), std::string::npos) << near;
  EXPECT_EQ(near.find("West helicopter"), std::string::npos) << near;
}

// Targets: an AIS receiver hears only classes that transmit; a transit along the lanes is
// anywhere on them (the lane passes 102.0E 2.0N).
TEST(ReachCheck, AisAndTargets) {
  const std::string target =
      "target_classes:\n"
      "  - {name: tanker, rate: 1/d, where: {kind: lanes}, motion: transit, speed: 10kt, dwell: 24h, "
      "ais_on_probability: AIS, search_object: small-craft}\n";
  std::string text = test::edited(reach_text(), "fixed_sensors:\n",
                                  "fixed_sensors:\n  - {name: Mid AIS, kind: ais-receiver, state: MY, lon: 102.0, lat: 2.3, antenna_height: 20m, range: 35nm}\n");
  const std::string silent = reach_warnings(text + test::edited(target, "AIS,", "0,"));
  EXPECT_NE(silent.find("fixed sensor 'Mid AIS' (ais-receiver at 102.00E 2.30N) hears only vessels that transmit AIS, and "
                        "no target class does (ais_on_probability 0)"),
            std::string::npos)
      << silent;
  const std::string heard = reach_warnings(text + test::edited(target, "AIS,", "0.5,"));
  EXPECT_EQ(heard.find("Mid AIS"), std::string::npos) << heard;
  // The lane's targets are in the West radar's sight? It stands 0.45 degrees south and 0.2 west of
  // the lane's end at 100.6E 1.0N (29.5 nm): no, and it is still warned of.
  EXPECT_NE(heard.find("fixed sensor 'West radar'"), std::string::npos) << heard;
}

}  // namespace
}  // namespace mdasim

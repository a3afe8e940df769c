// Where the incidents of a class, or its targets, can be: weighted points over the sea that stand
// for the class's placement rule (model/placement.hpp), for the checks that ask what a sensor,
// patrol or SAR unit can reach and whose waters the incidents and targets fall in.
//   areas:   the centre of every sea cell whose centre an area holds, weighted by the area's
//            weight shared over its cells by their true area;
//   uniform: the centre of every sea cell, weighted by its true area;
//   lanes:   points along every lane edge at most kLanePointSpacingNm apart, weighted by traffic
//            weight x length.
// `spread_nm` says how far an incident or target may be from its point: half a cell's diagonal
// or half the spacing along a lane, plus, for targets, how far they move: a loiterer's radius;
// a transit off the lanes, its speed times the 99th percentile of its dwell (it holds a straight
// course); a transit along the lanes stays on them, and the points take in the whole network.
// Hours, nm, kt, degrees.
#pragma once

#include <vector>

#include "geo/geography.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

inline constexpr double kLanePointSpacingNm = 4.0;
// The share of a transiting target's dwell its reach stands for.
inline constexpr double kTransitDwellQuantile = 0.99;

struct Occurrence {
  std::vector<GeoPoint> points;
  std::vector<double> mass;  // per point, summing to 1
  double spread_nm = 0.0;
};

[[nodiscard]] Occurrence incident_occurrence(const IncidentClass& incident_class, const Geography& geography);
[[nodiscard]] Occurrence target_occurrence(const TargetClass& target_class, const Geography& geography);

}  // namespace mdasim

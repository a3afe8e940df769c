// The symbols a heatmap shows for a scenario: its airfields and ports, and its fixed sensors
// (coastal radars, AIS receivers). Only bases that host assets get a label, with the number of
// units they host as the label's priority, so that the busiest bases are named first when space
// is short. Coordination centres and radar sites are not drawn (a radar site shows as its
// sensor). References are followed by name, so a scenario read without its checks (whose
// indices are unresolved) gives the same markers.
//
// The routes a heatmap shows for a scenario: one per patrol (model/patrol_route.hpp's cycle),
// labelled with the patrol's name, in the scenario's order. Patrols flying the same cycle (the
// same points in the same order) are drawn once, labelled "FIRST and N more". A patrol no route
// can be made of (only in a scenario read without its checks) is left out.
#pragma once

#include <vector>

#include "render/heatmap.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

[[nodiscard]] std::vector<MapMarker> scenario_markers(const Scenario& scenario);
[[nodiscard]] std::vector<MapRoute> scenario_routes(const Scenario& scenario);

}  // namespace mdasim

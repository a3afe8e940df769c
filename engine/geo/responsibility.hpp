// The responsible state of every grid cell: the state whose coast is nearest (a median-line
// approximation), computed by multi-source Dijkstra from the states' land over all cells with the
// grid's geodesic move lengths, then overridden by the scenario's responsibility areas (later
// areas win). The responsible state's coordination centre handles incidents in the cell.
#pragma once

#include <cstdint>
#include <vector>

#include "geo/geojson.hpp"
#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// `country_state[k]` is the scenario state index of countries polygon k, or -1 when that
// country is not one of the scenario's states. Returns, per grid cell, a state index or -1.
[[nodiscard]] std::vector<std::int16_t> responsible_states(const SeaGrid& sea, const PolygonIndex& countries,
                                                           const std::vector<int>& country_state,
                                                           const std::vector<ResponsibilityArea>& overrides);

// Sets the state of every cell whose centre lies in one of `areas` (later areas win).
void apply_responsibility_areas(const Grid& grid, const std::vector<ResponsibilityArea>& areas,
                                std::vector<std::int16_t>& state);

}  // namespace mdasim

// The cell-by-cell difference of one map layer between two variants of a results file, for
// difference maps (`mdasim heatmap --variant OPT --minus BASE`): OPT's value minus BASE's in each
// cell, in the layer's own units. A cell without a value (NaN: land, or no data) in either map
// has none in the difference. The two maps must lie on the same grid: the same cell centres,
// exactly, in latitude and longitude.
#pragma once

#include "io/map_reader.hpp"

namespace mdasim {

// `a` minus `b`, cell by cell, with a's name, units, long_name and coordinates. Each value is
// the float difference, correctly rounded (exact where the two are within a factor of two of
// each other). Throws std::invalid_argument, saying what differs, when the grids are not
// identical (number of cells or any cell centre), when the units differ, or when a layer does
// not hold one value per cell.
[[nodiscard]] MapLayerData layer_difference(const MapLayerData& a, const MapLayerData& b);

}  // namespace mdasim

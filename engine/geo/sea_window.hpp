// A finer grid of sea cells over a window of the scenario grid, for paths that must find their
// way through straits narrower than the scenario's cells (access legs to the lanes, whose legs
// keep clear of land: clear_water.hpp). Its cells are marked sea or land from the land
// polygons as the scenario grid's are (a cell is sea when its centre is).
#pragma once

#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"

namespace mdasim {

// Cells of the window grid: about 1.2 nm, so a strait a few miles wide has open cells across.
inline constexpr double kWindowCellDeg = 0.02;

// The window of `around` within `radius_nm` of `center` (a box, clipped to `within`'s extent),
// in cells of `cell_deg`; nothing (an empty grid) when the window would hold more than
// `max_cells` cells.
[[nodiscard]] SeaGrid sea_window(const PolygonIndex& land, const Grid& within, const GeoPoint& center, double radius_nm,
                                 double cell_deg = kWindowCellDeg, std::size_t max_cells = 1'500'000);

}  // namespace mdasim

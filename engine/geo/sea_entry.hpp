// Where a point joins the sea of the scenario grid, for commands that take points from the user
// (mdasim route). A point in a land polygon is taken as the scenario takes a port: it joins the
// sea through the sea cells around it (sea_distance.hpp, source_access) when one lies within
// kMaxSourceAccessCells grid cells (Chebyshev) of its cell; farther, it is refused, with the
// distance to the nearest sea cell to say why. On the shipped 0.1 degree grid every port of the
// shipped scenarios is within 12.4 nm of a sea cell's centre (Kuching); 5 cells is 30 nm north
// to south.
#pragma once

#include <cstddef>
#include <optional>

#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"

namespace mdasim {

struct NearestSeaCell {
  std::size_t cell = 0;
  double distance_nm = 0.0;  // geodesic from the point to the cell's centre
};

// The sea cell of the grid whose centre is nearest to `p` (geodesic; ties to the lower index),
// or nothing when the grid has no sea cell.
[[nodiscard]] std::optional<NearestSeaCell> nearest_sea_cell(const SeaGrid& sea, const GeoPoint& p);

struct SeaEntry {
  bool on_land = false;  // `p` lies in a land polygon
  bool accepted = true;  // at sea, or on land within reach of the sea as a port would be
  std::optional<NearestSeaCell> nearest;  // for a point on land: the nearest sea cell
};
[[nodiscard]] SeaEntry sea_entry(const SeaGrid& sea, const PolygonIndex& land, const GeoPoint& p);

}  // namespace mdasim

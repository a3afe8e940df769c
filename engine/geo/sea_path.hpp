// Shortest over-water paths read back from a distance field (sea_distance.hpp). The field keeps
// no predecessors: a cell's predecessor is the neighbour it was reached from, found again as the
// neighbour with the same source whose distance plus the move's length equals the cell's
// distance, bit for bit (the same double sum the search made). Distances strictly fall along the
// way back, so the walk ends, at one of the source's starting cells.
#pragma once

#include <cstddef>
#include <vector>

#include "geo/sea_distance.hpp"

namespace mdasim {

// The cells of a shortest over-water path in `field` (made by sea_distance_field from `sources`)
// from the starting cell of the cell's nearest source to `cell`, both included; empty when the
// field does not reach `cell`.
[[nodiscard]] std::vector<std::size_t> sea_path_cells(const SeaGrid& sea, const SeaDistanceField& field,
                                                      const std::vector<SeaSource>& sources, std::size_t cell);

// A path of grid moves as a polyline: the centres where the move changes (and the two ends), so
// that each run of the same move is one straight leg in longitude and latitude, with the length
// of each leg on the grid (the sum of its moves' lengths, as the distance field counts them).
struct SeaPolyline {
  std::vector<GeoPoint> points;
  std::vector<double> leg_nm;  // leg_nm[i] joins points[i] and points[i + 1]
};
[[nodiscard]] SeaPolyline sea_path_polyline(const SeaGrid& sea, const std::vector<std::size_t>& cells);

}  // namespace mdasim

// Over-water distance fields: for every sea cell of the grid, the shortest distance (nm) over
// water from the nearest of a set of sources (ports), by multi-source Dijkstra over sea cells
// with 16 neighbours and geodesic move lengths; diagonal and knight's moves need every cell they
// pass through to be sea, so paths never cut corners across land.
//
// Invariants: the distance to a cell is a chain of geodesic legs from a source to the cell's
// centre, so it is never below the geodesic distance from that source. In open water it exceeds
// the geodesic from the source's first cell by at most the 16-neighbour metric's error, plus the
// source's access leg to that cell (at most about one cell diagonal). On square cells the error
// is 2.75% (between the moves (1,0) and (2,1): (1 + (sqrt 5 - 2) t) / sqrt(1 + t^2) at
// t = sqrt 5 - 2); a cell of the lon/lat grid is cos(lat) as wide as it is tall, which makes it
// larger away from the equator: 2.82% at 10 degrees, 3.07% at 20, 3.26% at 25, 3.53% at 30
// (checked end to end in docs/validation.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/sea_grid.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

struct SeaDistanceField {
  std::vector<double> distance_nm;  // per grid cell; +inf on land and where no source reaches
  std::vector<int> nearest_source;  // per grid cell: index of the source, or -1
};

struct SeaSource {
  GeoPoint position;  // a port: on the coast, possibly inside a land cell
};

// How far (in cells, Chebyshev) a source may look for its first sea cells.
inline constexpr int kMaxSourceAccessCells = 5;

// Sources whose position is more than kMaxSourceAccessCells from any sea cell seed nothing;
// their indices are listed in `unreachable` when it is given.
[[nodiscard]] SeaDistanceField sea_distance_field(const SeaGrid& sea, const std::vector<SeaSource>& sources,
                                                  std::vector<std::size_t>* unreachable = nullptr);

// The sea cells a source starts from, with the geodesic length of its access leg to each: its
// own cell if that is at sea; otherwise (a port in a coastal land cell) the nearest ring of sea
// cells around it and the ring beyond.
[[nodiscard]] std::vector<std::pair<std::size_t, double>> source_access(const SeaGrid& sea, const GeoPoint& p);

}  // namespace mdasim

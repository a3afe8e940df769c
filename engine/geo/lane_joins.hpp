// Joins over water between the separate parts of a lane network, for routing only: the lane
// network itself (and so where the simulation places incidents and targets along lanes) is not
// changed; lane_route.hpp adds the joins beside it.
//
// Every lane edge is cut into points no farther apart than half a grid cell; the points at sea
// are the sources of one over-water field whose legs are clear of land (clear_water.hpp), which
// so labels every sea cell it reaches with its nearest lane point. Where two neighbouring sea
// cells (a move clear of land) are nearest to lane points of different parts, the two paths back
// to those points and the move between the cells join the parts; for every pair of parts that
// meet so, the shortest such join is kept (the boundary of the two parts' regions, as in
// Mehlhorn's construction of shortest paths between sets of terminals). The join is then pulled
// taut (taut_path.hpp) and measured by its geodesic legs; none of its legs touches land. Parts
// with no lane point at sea in the grid (outside the scenario's region) get no join.
#pragma once

#include <vector>

#include "geo/lane_network.hpp"
#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"

namespace mdasim {

struct LaneJoin {
  int part_a = 0;  // component_of() of the two ends; part_a < part_b
  int part_b = 0;
  LaneNetwork::Position at_a;  // where the join meets the lanes
  LaneNetwork::Position at_b;
  double length_nm = 0.0;
  std::vector<GeoPoint> path;  // from the lane point at_a to the lane point at_b, over water
};

// The lane points the joins start from: every edge cut into pieces no longer than half a grid
// cell, the ends of the pieces that lie at sea (outside every land polygon, in a sea cell).
struct LanePoints {
  std::vector<GeoPoint> points;
  std::vector<LaneNetwork::Position> where;  // per point
};
[[nodiscard]] LanePoints lane_points_at_sea(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land);

// The joins, ordered by (part_a, part_b).
[[nodiscard]] std::vector<LaneJoin> lane_joins(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land);

}  // namespace mdasim

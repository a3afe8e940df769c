// Routes along the sea lanes between two points, for mdasim route --by lanes.
//
// The graph routed on is the lane network (lane_network.hpp) with the over-water joins between
// its parts (lane_joins.hpp), made once here; the lane network itself is not changed. Each point
// reaches the lanes by its access leg, to the lane point nearest over water: the nearest point
// of an edge, or of the edge's points no farther apart than half a grid cell, that a straight
// leg reaches without touching land (tested exactly against the land polygons); or, where one
// round land is nearer, a lane point reached by a path of legs clear of land (clear_water.hpp:
// they touch land only where the grid offers no way round, as in a delta of islets smaller than
// a cell), pulled taut (taut_path.hpp) and measured by its geodesic legs. A point on land leaves
// it as a port does in the simulation (through the sea cells around it), so the first leg of
// its access crosses the land between it and the sea.
//
// The route then runs Dijkstra from the lane points on the start's edge (its two ends and the
// joins' ends on it), each seeded with the access leg and its distance along the edge, and
// arrives at the end's edge through whichever lane point on it gives the shorter total, or
// along the same edge when that is shorter. Partial edges are measured in proportion to the
// fraction along them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/lane_joins.hpp"

namespace mdasim {

class LaneRouter {
 public:
  // `lanes`, `sea` and `land` must outlive the router.
  LaneRouter(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land);

  [[nodiscard]] const std::vector<LaneJoin>& joins() const { return joins_; }
  // Connected parts of the lanes with the joins, and how many of them have no lane point at sea
  // in the grid (so no join could reach them).
  [[nodiscard]] int part_count() const { return part_count_; }
  [[nodiscard]] int parts_off_the_grid() const { return parts_off_grid_; }

  struct Access {
    LaneNetwork::Position at;    // where the leg meets the lanes
    GeoPoint point;              // that lane point
    double length_nm = 0.0;      // geodesic legs of `path`
    bool over_water = false;     // true: round land on the grid (the straight leg touches land)
    std::vector<GeoPoint> path;  // from the point to `point`
  };
  // The access leg of `p`. Nothing when no lane point is reached over water.
  [[nodiscard]] std::optional<Access> access(const GeoPoint& p) const;

  struct Route {
    Access from;            // the start's access leg
    Access to;              // the end's, from the end to the lanes
    double lanes_nm = 0.0;  // along lane edges
    double joins_nm = 0.0;  // along joins between parts of the lanes
    std::vector<GeoPoint> path;  // start ... end
    [[nodiscard]] double network_nm() const { return lanes_nm + joins_nm; }
    [[nodiscard]] double total_nm() const { return from.length_nm + lanes_nm + joins_nm + to.length_nm; }
  };
  struct RouteResult {
    std::optional<Route> route;
    std::string error;
  };
  // The shortest route from `from` to `to`.
  [[nodiscard]] RouteResult route(const GeoPoint& from, const GeoPoint& to) const;

 private:
  struct Arc {
    std::size_t to;
    double length_nm;
    int join;  // index into joins_, or -1 along a lane edge
  };
  // The lane points on an edge where the graph has a node: (fraction, node), by fraction.
  using EdgeNodes = std::vector<std::pair<double, std::size_t>>;

  const LaneNetwork* lanes_;
  const SeaGrid* sea_;
  const PolygonIndex* land_;
  std::vector<LaneJoin> joins_;
  std::vector<GeoPoint> node_position_;
  std::vector<EdgeNodes> edge_nodes_;                // per lane edge
  std::vector<std::pair<std::size_t, std::size_t>> join_nodes_;  // per join: nodes of at_a, at_b
  std::vector<std::size_t> arc_start_;               // CSR over nodes
  std::vector<Arc> arcs_;
  int part_count_ = 0;
  int parts_off_grid_ = 0;
};

}  // namespace mdasim

// The shortest over-water joins between parts of the lane network (see lane_joins.hpp).
#include "geo/lane_joins.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "geo/clear_water.hpp"
#include "geo/sea_moves.hpp"
#include "geo/taut_path.hpp"

namespace mdasim {

LanePoints lane_points_at_sea(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land) {
  const Grid& g = sea.grid();
  LanePoints out;
  for (std::size_t e = 0; e < lanes.edges().size(); ++e) {
    for (const double t : lanes.fractions_along(e, 0.5 * g.cell_deg())) {
      const GeoPoint q = lanes.point_on(e, t);
      const auto cell = g.cell_of(q);
      if (!cell || !sea.is_sea(*cell) || land.contains(q)) continue;
      out.points.push_back(q);
      out.where.push_back(LaneNetwork::Position{e, t});
    }
  }
  return out;
}

std::vector<LaneJoin> lane_joins(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land) {
  const Grid& g = sea.grid();
  // Lane points at sea, the sources of the labelling field.
  const LanePoints at_sea = lane_points_at_sea(lanes, sea, land);
  if (at_sea.points.empty()) return {};
  const ClearWaterField field = clear_water_field(sea, land, at_sea.points);
  auto part_of = [&](std::size_t cell) {
    return lanes.component_of(lanes.edges()[at_sea.where[static_cast<std::size_t>(field.source[cell])].edge].u);
  };

  // The best meeting of every pair of parts: two neighbouring cells reached from each.
  struct Meeting {
    double length_nm;
    std::size_t cell;
    std::size_t next;
  };
  std::map<std::pair<int, int>, Meeting> best;
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    if (field.source[cell] < 0) continue;
    const int part = part_of(cell);
    const int row = g.row_of(cell);
    for_each_sea_move(sea, cell, [&](std::size_t next, std::size_t m) {
      if (field.source[next] < 0 || part_of(next) <= part) return;  // each pair once, from its lower part
      double length = field.distance_nm[cell] + sea.move_nm(row, m) + field.distance_nm[next];
      const auto key = std::make_pair(part, part_of(next));
      const auto it = best.find(key);
      if (it != best.end() && !(length < it->second.length_nm)) return;
      if (land.touches_segment(g.center(cell), g.center(next), true)) length += kLandTouchPenaltyNm;
      if (it != best.end() && !(length < it->second.length_nm)) return;
      best[key] = Meeting{length, cell, next};
    });
  }

  std::vector<LaneJoin> joins;
  for (const auto& [parts, meeting] : best) {
    const std::vector<std::size_t> half_a = clear_water_cells(field, meeting.cell);
    const std::vector<std::size_t> half_b = clear_water_cells(field, meeting.next);
    const auto source_a = static_cast<std::size_t>(field.source[meeting.cell]);
    const auto source_b = static_cast<std::size_t>(field.source[meeting.next]);
    std::vector<GeoPoint> path{at_sea.points[source_a]};
    for (const std::size_t cell : half_a) path.push_back(g.center(cell));
    for (auto it = half_b.rbegin(); it != half_b.rend(); ++it) path.push_back(g.center(*it));
    path.push_back(at_sea.points[source_b]);
    LaneJoin join;
    join.part_a = parts.first;
    join.part_b = parts.second;
    join.at_a = at_sea.where[source_a];
    join.at_b = at_sea.where[source_b];
    join.path = taut_path(land, path);
    join.length_nm = polyline_nm(join.path);
    joins.push_back(std::move(join));
  }
  return joins;
}

}  // namespace mdasim

// Exact, fast point-in-polygon queries over a set of non-overlapping polygons (land, countries).
//
// The polygons are indexed on a regular grid. For every index cell we store which polygon holds
// the cell's centre (found once by a scanline) and the polygon edges that touch the cell. A
// query in a cell no edge touches returns the centre's answer; otherwise it counts the edges
// crossed by the segment from the query point to the cell centre, which lies inside the cell,
// so only that cell's edges can cross it (even-odd rule per polygon). Edges are straight lines
// in longitude/latitude, as in GeoJSON (RFC 7946). Coordinates in degrees.
//
// Clear cells. A cell that no edge touches (its closed box) and whose centre lies in no polygon
// lies wholly outside every polygon: it is clear. Per cell the index keeps its clearance: the
// Chebyshev distance, in cells, to the nearest cell that is not clear (0 for such a cell, at
// most 255), so that a straight lon/lat segment whose end cells are within clearance - 1 cells
// of each other lies in clear cells only and misses every polygon without a test of its points
// (segment_clear). Cells outside the indexed box are clear; the box's margin holds every edge.
// touches_segment answers the same question exactly for any segment, from the clearance first
// and else the edges of the cells it passes through.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "geo/grid.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// A polygon: its outer ring first, then holes; rings open (first point not repeated).
using PolygonRings = std::vector<std::vector<GeoPoint>>;

class PolygonIndex {
 public:
  PolygonIndex() = default;
  // Indexes `polygons` on a grid of `cell_deg` over their bounding box (plus a little margin).
  PolygonIndex(const std::vector<PolygonRings>& polygons, double cell_deg);

  // The index of the polygon holding `p`, or -1 (also outside the indexed box).
  [[nodiscard]] int locate(const GeoPoint& p) const;
  [[nodiscard]] bool contains(const GeoPoint& p) const { return locate(p) >= 0; }
  // True when the straight lon/lat segment a-b certainly misses every polygon, known from the
  // clearance of a's cell alone (see the header comment); false means it may not: test it. When
  // it is true of a-b and a-c, it is of every segment within the box of b and c.
  [[nodiscard]] bool segment_clear(const GeoPoint& a, const GeoPoint& b) const;
  // The clearance of index cell `cell` (see the header comment).
  [[nodiscard]] int clearance(std::size_t cell) const { return clearance_[cell]; }
  // True when the straight lon/lat segment a-b has a point in or on a polygon: an end inside
  // one, or a crossing or touching of an edge, tested exactly against the edges of the index
  // cells the segment passes through (a segment along an edge's line counts as touching it).
  // `a_outside`: the caller knows that a lies in no polygon, which spares testing it.
  [[nodiscard]] bool touches_segment(const GeoPoint& a, const GeoPoint& b, bool a_outside = false) const;
  // The fraction along a-b (0 to 1) of the first point of the segment in or on a polygon (0 when
  // a is inside one), or nothing when touches_segment would say no. The fraction is that of the
  // first edge met, solved in floating point: points of the segment a little before it (by far
  // more than rounding) are outside every polygon.
  [[nodiscard]] std::optional<double> first_touch(const GeoPoint& a, const GeoPoint& b, bool a_outside = false) const;

  [[nodiscard]] const Grid& grid() const { return grid_; }
  [[nodiscard]] std::size_t polygon_count() const { return polygon_count_; }
  [[nodiscard]] std::size_t edge_count() const { return edge_total_; }

  struct Edge {
    double ax, ay, bx, by;  // lon, lat of the two ends
    int polygon;
  };
  // The edges touching index cell `cell` (for coast-aware computations).
  [[nodiscard]] const Edge* cell_edges_begin(std::size_t cell) const { return edges_.data() + edge_start_[cell]; }
  [[nodiscard]] const Edge* cell_edges_end(std::size_t cell) const { return edges_.data() + edge_start_[cell + 1]; }
  [[nodiscard]] int center_owner(std::size_t cell) const { return center_owner_[cell]; }

 private:
  static constexpr std::uint8_t kMaxClearance = 255;
  void compute_clearance();
  // Calls visit(edge) for the edges of the cells segment a-b passes through, until it returns
  // true (then true).
  template <typename Visit>
  bool for_each_edge_near(const GeoPoint& a, const GeoPoint& b, Visit&& visit) const;
  // How many pieces a segment is tested in (see the source), and visit(pa, pb, end_fraction) for
  // each piece in order that is not known clear, until it returns true.
  [[nodiscard]] int pieces(const GeoPoint& a, const GeoPoint& b) const;
  template <typename Visit>
  void for_each_piece(const GeoPoint& a, const GeoPoint& b, Visit&& visit) const;

  Grid grid_;
  double inv_cell_deg_ = 1.0;
  std::size_t polygon_count_ = 0;
  std::size_t edge_total_ = 0;
  std::vector<std::int32_t> center_owner_;  // per cell: polygon holding the centre, or -1
  std::vector<std::uint32_t> edge_start_;   // per cell: first edge in edges_ (CSR), size cells + 1
  std::vector<Edge> edges_;                 // edges, copied into every cell they touch
  std::vector<std::uint8_t> clearance_;     // per cell: Chebyshev distance to a cell not clear
};

}  // namespace mdasim

// Exact, fast point-in-polygon queries over a set of non-overlapping polygons (land, countries).
//
// The polygons are indexed on a regular grid. For every index cell we store which polygon holds
// the cell's centre (found once by a scanline) and the polygon edges that touch the cell. A
// query in a cell no edge touches returns the centre's answer; otherwise it counts the edges
// crossed by the segment from the query point to the cell centre, which lies inside the cell,
// so only that cell's edges can cross it (even-odd rule per polygon). Edges are straight lines
// in longitude/latitude, as in GeoJSON (RFC 7946). Coordinates in degrees.
#pragma once

#include <cstdint>
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
  Grid grid_;
  std::size_t polygon_count_ = 0;
  std::size_t edge_total_ = 0;
  std::vector<std::int32_t> center_owner_;  // per cell: polygon holding the centre, or -1
  std::vector<std::uint32_t> edge_start_;   // per cell: first edge in edges_ (CSR), size cells + 1
  std::vector<Edge> edges_;                 // edges, copied into every cell they touch
};

}  // namespace mdasim

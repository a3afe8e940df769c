// The sea-lane network: lane lines joined where they meet, as a Boost.Graph graph with
// geodesic edge lengths (nm) and traffic weights. Answers: which connected part a point of the
// network belongs to and the nearest point of the network to any point (snapping). Routes on it
// are lane_route.hpp's.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "geo/geojson.hpp"
#include "geo/grid.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

struct LaneEdge {
  std::size_t u = 0;
  std::size_t v = 0;
  double length_nm = 0.0;  // geodesic
  double weight = 1.0;     // relative traffic
};

class LaneNetwork {
 public:
  struct VertexProps {
    GeoPoint position;
  };
  struct EdgeProps {
    double length_nm = 0.0;
    std::size_t id = 0;  // index into edges()
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexProps, EdgeProps>;

  LaneNetwork() = default;
  // Joins line vertices closer than `join_tolerance_nm` into one network vertex.
  explicit LaneNetwork(const LineLayer& lines, double join_tolerance_nm = 1.0);

  // Sets each edge's traffic weight: the weight of the last entry whose area holds the edge's
  // midpoint, or 1.
  void set_traffic(const std::vector<LaneTraffic>& traffic);

  [[nodiscard]] const Graph& graph() const { return graph_; }
  [[nodiscard]] std::size_t vertex_count() const { return boost::num_vertices(graph_); }
  [[nodiscard]] const std::vector<LaneEdge>& edges() const { return edges_; }
  [[nodiscard]] const GeoPoint& position(std::size_t vertex) const { return graph_[vertex].position; }
  [[nodiscard]] int component_count() const { return component_count_; }
  [[nodiscard]] int component_of(std::size_t vertex) const { return component_[vertex]; }
  [[nodiscard]] double total_length_nm() const;

  // The nearest point of the network to `p`.
  struct Position {
    std::size_t edge = 0;   // index into edges()
    double fraction = 0.0;  // 0 at the edge's u, 1 at its v (straight in lon/lat)
  };
  struct Snap {
    GeoPoint point;            // on the network
    std::size_t edge = 0;      // index into edges()
    double t = 0.0;            // 0 at the edge's u, 1 at its v
    double distance_nm = 0.0;  // geodesic from p to `point`: the access leg
  };
  [[nodiscard]] std::optional<Snap> snap(const GeoPoint& p) const;

  // The nearest point of one edge to `p`, measured as snap() measures it.
  [[nodiscard]] Snap snap_to_edge(const GeoPoint& p, std::size_t edge) const;
  // The point a fraction `t` along edge `edge` (0 at its u, 1 at its v; straight in lon/lat).
  [[nodiscard]] GeoPoint point_on(std::size_t edge, double t) const;
  // The fractions 0, 1/n, ..., 1 along edge `edge`, n the least number of equal pieces no longer
  // than `spacing_deg` (> 0) in longitude and latitude.
  [[nodiscard]] std::vector<double> fractions_along(std::size_t edge, double spacing_deg) const;

 private:
  Graph graph_;
  std::vector<LaneEdge> edges_;
  std::vector<int> component_;
  int component_count_ = 0;
  // Spatial index of edges for snapping: a coarse grid, cell -> edge ids (CSR).
  Grid index_;
  std::vector<std::uint32_t> cell_start_;
  std::vector<std::uint32_t> cell_edges_;
};

}  // namespace mdasim

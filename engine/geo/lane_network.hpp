// The sea-lane network: lane lines joined where they meet, as a Boost.Graph graph with
// geodesic edge lengths (nm) and traffic weights. Answers: which connected part a point of the
// network belongs to, the nearest point of the network to any point (snapping), and shortest
// routes between two points with the access legs from each point to the network.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

  struct Route {
    double network_nm = 0.0;      // along the lanes, between the two snapped points
    double access_from_nm = 0.0;  // from the start point to the network
    double access_to_nm = 0.0;    // from the network to the end point
    std::vector<GeoPoint> path;   // start, snapped start, lane vertices, snapped end, end
    [[nodiscard]] double total_nm() const { return network_nm + access_from_nm + access_to_nm; }
  };
  // The shortest route from `from` to `to`, or an error message (empty network, or the two
  // points snap to parts of the network that no lane joins).
  struct RouteResult {
    std::optional<Route> route;
    std::string error;
  };
  [[nodiscard]] RouteResult route(const GeoPoint& from, const GeoPoint& to) const;

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

// Routing on the lanes and their joins, with over-water access legs (see lane_route.hpp).
#include "geo/lane_route.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>

#include "geo/geodesy.hpp"
#include "geo/clear_water.hpp"
#include "geo/sea_distance.hpp"
#include "geo/sea_window.hpp"
#include "geo/taut_path.hpp"

namespace mdasim {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

LaneRouter::LaneRouter(const LaneNetwork& lanes, const SeaGrid& sea, const PolygonIndex& land)
    : lanes_(&lanes), sea_(&sea), land_(&land), joins_(lane_joins(lanes, sea, land)) {
  const std::vector<LaneEdge>& edges = lanes.edges();
  for (std::size_t v = 0; v < lanes.vertex_count(); ++v) node_position_.push_back(lanes.position(v));
  edge_nodes_.resize(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) edge_nodes_[e] = {{0.0, edges[e].u}, {1.0, edges[e].v}};
  // A join's end is a node of the graph: a lane vertex, or a new node on its edge.
  auto node_at = [&](const LaneNetwork::Position& at) {
    EdgeNodes& on = edge_nodes_[at.edge];
    const auto it = std::lower_bound(on.begin(), on.end(), at.fraction,
                                     [](const auto& entry, double t) { return entry.first < t; });
    if (it != on.end() && it->first == at.fraction) return it->second;
    const std::size_t node = node_position_.size();
    node_position_.push_back(lanes.point_on(at.edge, at.fraction));
    on.insert(it, {at.fraction, node});
    return node;
  };
  for (const LaneJoin& j : joins_) join_nodes_.emplace_back(node_at(j.at_a), node_at(j.at_b));

  // Arcs both ways: lane edges cut at their nodes, and the joins.
  struct Link {
    std::size_t a, b;
    double length_nm;
    int join;
  };
  std::vector<Link> links;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const EdgeNodes& on = edge_nodes_[e];
    for (std::size_t k = 1; k < on.size(); ++k) {
      links.push_back({on[k - 1].second, on[k].second, (on[k].first - on[k - 1].first) * edges[e].length_nm, -1});
    }
  }
  for (std::size_t j = 0; j < joins_.size(); ++j) {
    links.push_back({join_nodes_[j].first, join_nodes_[j].second, joins_[j].length_nm, static_cast<int>(j)});
  }
  const std::size_t n = node_position_.size();
  arc_start_.assign(n + 1, 0);
  for (const Link& l : links) {
    ++arc_start_[l.a + 1];
    ++arc_start_[l.b + 1];
  }
  for (std::size_t i = 1; i <= n; ++i) arc_start_[i] += arc_start_[i - 1];
  arcs_.resize(arc_start_[n]);
  std::vector<std::size_t> fill(arc_start_.begin(), arc_start_.end() - 1);
  for (const Link& l : links) {
    arcs_[fill[l.a]++] = Arc{l.b, l.length_nm, l.join};
    arcs_[fill[l.b]++] = Arc{l.a, l.length_nm, l.join};
  }

  // Parts once joined (union-find over the lanes' own parts), and those with no lane point at sea.
  std::vector<int> parent(static_cast<std::size_t>(lanes.component_count()));
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](int x) {
    while (parent[static_cast<std::size_t>(x)] != x) x = parent[static_cast<std::size_t>(x)];
    return x;
  };
  for (const LaneJoin& j : joins_) parent[static_cast<std::size_t>(root(j.part_a))] = root(j.part_b);
  std::vector<char> at_sea(parent.size(), 0);
  for (const LaneNetwork::Position& at : lane_points_at_sea(lanes, sea, land).where) {
    at_sea[static_cast<std::size_t>(root(lanes.component_of(edges[at.edge].u)))] = 1;
  }
  for (int c = 0; c < lanes.component_count(); ++c) {
    if (root(c) != c) continue;
    ++part_count_;
    if (at_sea[static_cast<std::size_t>(c)] == 0) ++parts_off_grid_;
  }
}

std::optional<LaneRouter::Access> LaneRouter::access(const GeoPoint& p) const {
  const LaneNetwork& lanes = *lanes_;
  const std::size_t edge_count = lanes.edges().size();
  if (edge_count == 0) return std::nullopt;
  const Grid& g = sea_->grid();
  const bool p_on_land = land_->contains(p);

  // Edges by the straight distance to their nearest point: no access to an edge is shorter.
  std::vector<LaneNetwork::Snap> snaps;
  snaps.reserve(edge_count);
  for (std::size_t e = 0; e < edge_count; ++e) snaps.push_back(lanes.snap_to_edge(p, e));
  std::vector<std::size_t> order(edge_count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return snaps[x].distance_nm < snaps[y].distance_nm; });

  double best_nm = kInf;
  LaneNetwork::Position best_at;
  GeoPoint best_point;
  std::size_t best_cell = kNone;  // kNone: the straight leg
  auto offer = [&](double nm, std::size_t edge, double t, const GeoPoint& q, std::size_t cell) {
    if (nm < best_nm) {
      best_nm = nm;
      best_at = LaneNetwork::Position{edge, t};
      best_point = q;
      best_cell = cell;
    }
  };
  // Straight legs that touch no land: to an edge's nearest point, or else to its lane points.
  if (!p_on_land) {
    for (const std::size_t e : order) {
      const LaneNetwork::Snap& s = snaps[e];
      if (s.distance_nm >= best_nm) break;
      if (!land_->touches_segment(p, s.point, true)) {
        offer(s.distance_nm, e, s.t, s.point, kNone);
        continue;
      }
      for (const double t : lanes.fractions_along(e, 0.5 * g.cell_deg())) {
        const GeoPoint q = lanes.point_on(e, t);
        const double straight = geodesic_nm(p, q);
        if (straight < best_nm && !land_->touches_segment(p, q, true)) offer(straight, e, t, q, kNone);
      }
    }
  }
  // Round land: lane points reached by paths clear of land, on a finer window of the grid
  // around p (narrow straits open), within a bound that grows until one is reached: every cell
  // within the bound is settled, so a lane point reached within it is the nearest. A point on
  // land starts from the sea cells a port starts from, after the leg across the land.
  std::vector<GeoPoint> starts{p};
  std::vector<double> start_nm{0.0};
  if (p_on_land) {
    starts.clear();
    start_nm.clear();
    for (const auto& [cell, leg_nm] : source_access(*sea_, p)) {
      starts.push_back(g.center(cell));
      start_nm.push_back(leg_nm);
    }
  }
  const double nearest_nm = snaps[order.front()].distance_nm;
  double bound = std::isfinite(best_nm) ? best_nm : std::max(2.0 * nearest_nm, nearest_nm + 30.0);
  SeaGrid window;
  ClearWaterField field;
  while (best_nm > nearest_nm && !starts.empty()) {  // else the straight leg to the nearest edge is the shortest
    window = sea_window(*land_, g, p, bound);
    const SeaGrid& grid = window.grid().size() > 0 ? window : *sea_;  // a window too large: the scenario grid
    field = clear_water_field(grid, *land_, starts, start_nm, bound);
    for (const std::size_t e : order) {
      if (snaps[e].distance_nm >= std::min(best_nm, bound)) break;
      for (const double t : lanes.fractions_along(e, 0.5 * grid.grid().cell_deg())) {
        const GeoPoint q = lanes.point_on(e, t);
        if (geodesic_nm(p, q) >= std::min(best_nm, bound)) continue;
        std::size_t via = kNone;
        const double nm = clear_water_to(grid, *land_, field, q, via);
        if (nm <= bound) offer(nm, e, t, q, via);
      }
    }
    if (best_nm <= bound || std::isinf(bound)) break;
    // Nothing within the bound: widen it, to the whole grid at last.
    bound = bound > 1e5 ? kInf : 2.0 * bound;
  }
  if (!std::isfinite(best_nm)) return std::nullopt;

  Access a;
  a.at = best_at;
  a.point = best_point;
  if (best_cell == kNone) {
    a.path = {p, best_point};
    a.length_nm = best_nm;
    return a;
  }
  const Grid& fine = window.grid().size() > 0 ? window.grid() : g;
  const std::vector<std::size_t> cells = clear_water_cells(field, best_cell);
  std::vector<GeoPoint> path{p};
  if (p_on_land && !cells.empty()) path.push_back(starts[static_cast<std::size_t>(field.source[cells.front()])]);
  for (const std::size_t cell : cells) path.push_back(fine.center(cell));
  path.push_back(best_point);
  a.path = taut_path(*land_, path);
  a.length_nm = polyline_nm(a.path);
  a.over_water = true;
  return a;
}

LaneRouter::RouteResult LaneRouter::route(const GeoPoint& from, const GeoPoint& to) const {
  if (lanes_->edges().empty()) return {std::nullopt, "the lane network is empty"};
  const std::optional<Access> a = access(from);
  if (!a) return {std::nullopt, "no lane is reachable over water from the start point"};
  const std::optional<Access> b = access(to);
  if (!b) return {std::nullopt, "no lane is reachable over water from the end point"};
  const std::vector<LaneEdge>& edges = lanes_->edges();
  const double length_a = edges[a->at.edge].length_nm;
  const double length_b = edges[b->at.edge].length_nm;

  // Dijkstra from the nodes on the start's edge.
  const std::size_t n = node_position_.size();
  std::vector<double> dist(n, kInf);
  std::vector<std::size_t> pred(n, kNone);  // arc index into arcs_ that reached the node
  std::vector<std::size_t> pred_node(n, kNone);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  for (const auto& [t, node] : edge_nodes_[a->at.edge]) {
    const double d = a->length_nm + std::abs(a->at.fraction - t) * length_a;
    if (d < dist[node]) {
      dist[node] = d;
      heap.emplace(d, node);
    }
  }
  while (!heap.empty()) {
    const auto [d, node] = heap.top();
    heap.pop();
    if (d > dist[node]) continue;
    for (std::size_t k = arc_start_[node]; k < arc_start_[node + 1]; ++k) {
      const Arc& arc = arcs_[k];
      const double nd = d + arc.length_nm;
      if (nd < dist[arc.to]) {
        dist[arc.to] = nd;
        pred[arc.to] = k;
        pred_node[arc.to] = node;
        heap.emplace(nd, arc.to);
      }
    }
  }
  // Arrive at the end's edge through one of its nodes, or along the same edge.
  double best = kInf;
  std::size_t last = kNone;
  double last_t = 0.0;
  for (const auto& [t, node] : edge_nodes_[b->at.edge]) {
    const double d = dist[node] + std::abs(b->at.fraction - t) * length_b + b->length_nm;
    if (d < best) {
      best = d;
      last = node;
      last_t = t;
    }
  }
  const bool same_edge = a->at.edge == b->at.edge &&
                         a->length_nm + std::abs(a->at.fraction - b->at.fraction) * length_a + b->length_nm <= best;
  if (!same_edge && !std::isfinite(best)) {
    return {std::nullopt,
            "no lane or over-water join connects the two points: they lie on parts of the lane network that the "
            "grid's sea does not join"};
  }

  Route r;
  r.from = *a;
  r.to = *b;
  r.path = a->path;
  if (same_edge) {
    r.lanes_nm = std::abs(a->at.fraction - b->at.fraction) * length_a;
  } else {
    std::vector<std::size_t> chain;
    for (std::size_t v = last; v != kNone; v = pred_node[v]) chain.push_back(v);
    std::reverse(chain.begin(), chain.end());
    // The piece of the start's edge up to the first node.
    for (const auto& [t, node] : edge_nodes_[a->at.edge]) {
      if (node == chain.front()) r.lanes_nm += std::abs(a->at.fraction - t) * length_a;
    }
    r.path.push_back(node_position_[chain.front()]);
    for (std::size_t i = 1; i < chain.size(); ++i) {
      const Arc& arc = arcs_[pred[chain[i]]];
      if (arc.join < 0) {
        r.lanes_nm += arc.length_nm;
        r.path.push_back(node_position_[chain[i]]);
        continue;
      }
      const auto j = static_cast<std::size_t>(arc.join);
      r.joins_nm += arc.length_nm;
      const std::vector<GeoPoint>& jp = joins_[j].path;
      if (join_nodes_[j].first == chain[i - 1]) {
        r.path.insert(r.path.end(), jp.begin(), jp.end());
      } else {
        r.path.insert(r.path.end(), jp.rbegin(), jp.rend());
      }
    }
    r.lanes_nm += std::abs(b->at.fraction - last_t) * length_b;
  }
  r.path.insert(r.path.end(), b->path.rbegin(), b->path.rend());
  r.path.erase(std::unique(r.path.begin(), r.path.end(),
                           [](const GeoPoint& x, const GeoPoint& y) {
                             return x.lon_deg == y.lon_deg && x.lat_deg == y.lat_deg;
                           }),
               r.path.end());
  return {std::move(r), {}};
}

}  // namespace mdasim

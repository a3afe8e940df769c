// Building the lane graph, snapping to it and routing on it.
#include "geo/lane_network.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

#include <boost/graph/connected_components.hpp>

#include "geo/geodesy.hpp"
#include "geo/polygon.hpp"

namespace mdasim {
namespace {

constexpr double kIndexCellDeg = 0.5;
constexpr double kNmPerDegree = 60.0;  // of latitude, near enough for screening


// Nearest point to p on segment a-b in a local equirectangular projection around p; returns t.
double project(const GeoPoint& p, const GeoPoint& a, const GeoPoint& b, double cos_lat) {
  const double ax = (a.lon_deg - p.lon_deg) * cos_lat;
  const double ay = a.lat_deg - p.lat_deg;
  const double bx = (b.lon_deg - p.lon_deg) * cos_lat;
  const double by = b.lat_deg - p.lat_deg;
  const double dx = bx - ax;
  const double dy = by - ay;
  const double len2 = dx * dx + dy * dy;
  if (len2 == 0.0) return 0.0;
  return std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0);
}

}  // namespace

LaneNetwork::LaneNetwork(const LineLayer& lines, double join_tolerance_nm) {
  // Join vertices: quantise to cells of the tolerance and look in the 3x3 neighbourhood.
  const double q_deg = join_tolerance_nm / kNmPerDegree;
  std::map<std::pair<long long, long long>, std::vector<std::size_t>> buckets;
  auto key_of = [&](const GeoPoint& p) {
    return std::make_pair(static_cast<long long>(std::floor(p.lon_deg / q_deg)),
                          static_cast<long long>(std::floor(p.lat_deg / q_deg)));
  };
  auto vertex_for = [&](const GeoPoint& p) -> std::size_t {
    const auto [kx, ky] = key_of(p);
    for (long long dx = -1; dx <= 1; ++dx) {
      for (long long dy = -1; dy <= 1; ++dy) {
        const auto it = buckets.find({kx + dx, ky + dy});
        if (it == buckets.end()) continue;
        for (std::size_t v : it->second) {
          if (approx_distance_nm(graph_[v].position, p) <= join_tolerance_nm) return v;
        }
      }
    }
    const std::size_t v = boost::add_vertex(VertexProps{p}, graph_);
    buckets[{kx, ky}].push_back(v);
    return v;
  };
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen_edges;
  for (const std::vector<GeoPoint>& line : lines.lines) {
    std::size_t prev = vertex_for(line.front());
    for (std::size_t i = 1; i < line.size(); ++i) {
      const std::size_t v = vertex_for(line[i]);
      if (v == prev) continue;
      const auto key = std::minmax(prev, v);
      if (!seen_edges.contains(key)) {
        const double length = geodesic_nm(graph_[prev].position, graph_[v].position);
        const std::size_t id = edges_.size();
        edges_.push_back(LaneEdge{prev, v, length, 1.0});
        boost::add_edge(prev, v, EdgeProps{length, id}, graph_);
        seen_edges.emplace(key, id);
      }
      prev = v;
    }
  }

  component_.assign(vertex_count(), 0);
  if (vertex_count() > 0) {
    component_count_ = boost::connected_components(graph_, component_.data());
  }

  // Edge index over the edges' bounding boxes.
  if (edges_.empty()) return;
  double lon0 = 180.0, lat0 = 90.0, lon1 = -180.0, lat1 = -90.0;
  for (std::size_t v = 0; v < vertex_count(); ++v) {
    lon0 = std::min(lon0, position(v).lon_deg);
    lon1 = std::max(lon1, position(v).lon_deg);
    lat0 = std::min(lat0, position(v).lat_deg);
    lat1 = std::max(lat1, position(v).lat_deg);
  }
  index_ = Grid(lon0 - kIndexCellDeg, lat0 - kIndexCellDeg, lon1 + kIndexCellDeg, lat1 + kIndexCellDeg, kIndexCellDeg);
  std::vector<std::uint32_t> count(index_.size() + 1, 0);
  auto for_cells = [&](const LaneEdge& e, auto&& visit) {
    const GeoPoint& a = position(e.u);
    const GeoPoint& b = position(e.v);
    const int c0 = static_cast<int>((std::min(a.lon_deg, b.lon_deg) - index_.lon_min_deg()) / kIndexCellDeg);
    const int c1 = static_cast<int>((std::max(a.lon_deg, b.lon_deg) - index_.lon_min_deg()) / kIndexCellDeg);
    const int r0 = static_cast<int>((std::min(a.lat_deg, b.lat_deg) - index_.lat_min_deg()) / kIndexCellDeg);
    const int r1 = static_cast<int>((std::max(a.lat_deg, b.lat_deg) - index_.lat_min_deg()) / kIndexCellDeg);
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) visit(index_.index(r, c));
    }
  };
  for (const LaneEdge& e : edges_) for_cells(e, [&](std::size_t cell) { ++count[cell + 1]; });
  for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
  cell_start_ = count;
  cell_edges_.resize(count.back());
  for (std::size_t id = 0; id < edges_.size(); ++id) {
    for_cells(edges_[id], [&](std::size_t cell) { cell_edges_[count[cell]++] = static_cast<std::uint32_t>(id); });
  }
}

void LaneNetwork::set_traffic(const std::vector<LaneTraffic>& traffic) {
  for (LaneEdge& e : edges_) {
    e.weight = 1.0;
    const GeoPoint mid = lerp_lonlat(position(e.u), position(e.v), 0.5);
    for (const LaneTraffic& t : traffic) {
      if (polygon_contains(t.area, mid)) e.weight = t.weight;
    }
  }
}

double LaneNetwork::total_length_nm() const {
  double sum = 0.0;
  for (const LaneEdge& e : edges_) sum += e.length_nm;
  return sum;
}

std::optional<LaneNetwork::Snap> LaneNetwork::snap(const GeoPoint& p) const {
  if (edges_.empty()) return std::nullopt;
  const double cos_lat = std::cos(p.lat_deg * std::numbers::pi / 180.0);
  // Search rings of index cells around p until no closer edge can exist.
  const int pc = static_cast<int>(std::floor((p.lon_deg - index_.lon_min_deg()) / kIndexCellDeg));
  const int pr = static_cast<int>(std::floor((p.lat_deg - index_.lat_min_deg()) / kIndexCellDeg));
  double best_d2 = std::numeric_limits<double>::infinity();  // squared, local degrees
  std::size_t best_edge = 0;
  double best_t = 0.0;
  const int max_ring = std::max(index_.cols(), index_.rows()) + std::abs(pc) + std::abs(pr);
  // Near the poles cos_lat is tiny; the ring bound below uses the smaller of the two scales.
  const double ring_scale = std::min(1.0, cos_lat) * kIndexCellDeg;
  for (int ring = 0; ring <= max_ring; ++ring) {
    // Cells in a ring are at least (ring - 1) cells away from p.
    if (ring >= 1) {
      const double min_d = (ring - 1) * ring_scale;
      if (min_d * min_d > best_d2) break;
    }
    for (int r = pr - ring; r <= pr + ring; ++r) {
      for (int c = pc - ring; c <= pc + ring; ++c) {
        if (std::max(std::abs(r - pr), std::abs(c - pc)) != ring) continue;
        if (r < 0 || c < 0 || r >= index_.rows() || c >= index_.cols()) continue;
        const std::size_t cell = index_.index(r, c);
        for (std::uint32_t k = cell_start_[cell]; k < cell_start_[cell + 1]; ++k) {
          const LaneEdge& e = edges_[cell_edges_[k]];
          const GeoPoint& a = position(e.u);
          const GeoPoint& b = position(e.v);
          const double t = project(p, a, b, cos_lat);
          const GeoPoint q = lerp_lonlat(a, b, t);
          const double dx = (q.lon_deg - p.lon_deg) * cos_lat;
          const double dy = q.lat_deg - p.lat_deg;
          const double d2 = dx * dx + dy * dy;
          if (d2 < best_d2 || (d2 == best_d2 && cell_edges_[k] < best_edge)) {
            best_d2 = d2;
            best_edge = cell_edges_[k];
            best_t = t;
          }
        }
      }
    }
  }
  const LaneEdge& e = edges_[best_edge];
  Snap s;
  s.edge = best_edge;
  s.t = best_t;
  s.point = lerp_lonlat(position(e.u), position(e.v), best_t);
  s.distance_nm = geodesic_nm(p, s.point);
  return s;
}

LaneNetwork::Snap LaneNetwork::snap_to_edge(const GeoPoint& p, std::size_t edge) const {
  const LaneEdge& e = edges_[edge];
  const double cos_lat = std::cos(p.lat_deg * std::numbers::pi / 180.0);
  Snap s;
  s.edge = edge;
  s.t = project(p, position(e.u), position(e.v), cos_lat);
  s.point = lerp_lonlat(position(e.u), position(e.v), s.t);
  s.distance_nm = geodesic_nm(p, s.point);
  return s;
}

GeoPoint LaneNetwork::point_on(std::size_t edge, double t) const {
  return lerp_lonlat(position(edges_[edge].u), position(edges_[edge].v), t);
}

std::vector<double> LaneNetwork::fractions_along(std::size_t edge, double spacing_deg) const {
  const GeoPoint& a = position(edges_[edge].u);
  const GeoPoint& b = position(edges_[edge].v);
  const double span_deg = std::hypot(b.lon_deg - a.lon_deg, b.lat_deg - a.lat_deg);
  const auto n = static_cast<std::size_t>(std::max(1.0, std::ceil(span_deg / spacing_deg)));
  std::vector<double> t(n + 1);
  for (std::size_t k = 0; k <= n; ++k) t[k] = static_cast<double>(k) / static_cast<double>(n);
  return t;
}

}  // namespace mdasim

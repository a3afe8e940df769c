// Grid-indexed point-in-polygon: scanline for cell centres, per-cell edge lists for exact tests.
#include "geo/polygon_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mdasim {
namespace {

// Sign of the turn a -> b -> c, with zero counted as positive: a consistent tie-break so that
// a segment passing exactly through a vertex is counted once.
int turn(double ax, double ay, double bx, double by, double cx, double cy) {
  const double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v < 0.0 ? -1 : 1;
}

// Does segment p-c cross edge a-b?
bool crosses(double px, double py, double cx, double cy, const PolygonIndex::Edge& e) {
  if (turn(px, py, cx, cy, e.ax, e.ay) == turn(px, py, cx, cy, e.bx, e.by)) return false;
  return turn(e.ax, e.ay, e.bx, e.by, px, py) != turn(e.ax, e.ay, e.bx, e.by, cx, cy);
}

// Does segment a-b touch the closed box [x0,x1] x [y0,y1]? (Liang-Barsky clipping.)
bool touches_box(const PolygonIndex::Edge& e, double x0, double y0, double x1, double y1) {
  double t0 = 0.0;
  double t1 = 1.0;
  const double dx = e.bx - e.ax;
  const double dy = e.by - e.ay;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {e.ax - x0, x1 - e.ax, e.ay - y0, y1 - e.ay};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0.0) {
      if (q[i] < 0.0) return false;
    } else {
      const double t = q[i] / p[i];
      if (p[i] < 0.0) {
        t0 = std::max(t0, t);
      } else {
        t1 = std::min(t1, t);
      }
      if (t0 > t1) return false;
    }
  }
  return true;
}

}  // namespace

PolygonIndex::PolygonIndex(const std::vector<PolygonRings>& polygons, double cell_deg)
    : polygon_count_(polygons.size()) {
  // Every edge of every ring, with its polygon.
  std::vector<Edge> all;
  double lon0 = std::numeric_limits<double>::infinity();
  double lat0 = lon0;
  double lon1 = -lon0;
  double lat1 = -lon0;
  for (std::size_t id = 0; id < polygons.size(); ++id) {
    for (const std::vector<GeoPoint>& ring : polygons[id]) {
      for (std::size_t i = 0; i < ring.size(); ++i) {
        const GeoPoint& a = ring[i];
        const GeoPoint& b = ring[(i + 1) % ring.size()];
        lon0 = std::min(lon0, a.lon_deg);
        lon1 = std::max(lon1, a.lon_deg);
        lat0 = std::min(lat0, a.lat_deg);
        lat1 = std::max(lat1, a.lat_deg);
        if (a.lon_deg == b.lon_deg && a.lat_deg == b.lat_deg) continue;
        all.push_back(Edge{a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, static_cast<int>(id)});
      }
    }
  }
  if (all.empty()) {
    grid_ = Grid(0.0, 0.0, cell_deg, cell_deg, cell_deg);
    center_owner_.assign(grid_.size(), -1);
    edge_start_.assign(grid_.size() + 1, 0);
    return;
  }
  // A margin of one cell keeps every edge strictly inside the grid. The origin is nudged by an
  // odd fraction of a micro-degree so that cell centres (the scanline's reference points) do not
  // fall exactly on coordinates that data rounded to a few decimals use, such as 120.225.
  constexpr double kNudgeDeg = 1.2345678e-7;
  grid_ = Grid(lon0 - cell_deg + kNudgeDeg, lat0 - cell_deg + kNudgeDeg, lon1 + cell_deg, lat1 + cell_deg, cell_deg);
  const std::size_t cells = grid_.size();
  edge_total_ = all.size();

  // Cell edge lists (CSR), in two passes: count, then fill.
  auto cell_range = [&](const Edge& e, int& c0, int& c1, int& r0, int& r1) {
    const double inv = 1.0 / cell_deg;
    c0 = static_cast<int>(std::floor((std::min(e.ax, e.bx) - grid_.lon_min_deg()) * inv));
    c1 = static_cast<int>(std::floor((std::max(e.ax, e.bx) - grid_.lon_min_deg()) * inv));
    r0 = static_cast<int>(std::floor((std::min(e.ay, e.by) - grid_.lat_min_deg()) * inv));
    r1 = static_cast<int>(std::floor((std::max(e.ay, e.by) - grid_.lat_min_deg()) * inv));
    c0 = std::clamp(c0, 0, grid_.cols() - 1);
    c1 = std::clamp(c1, 0, grid_.cols() - 1);
    r0 = std::clamp(r0, 0, grid_.rows() - 1);
    r1 = std::clamp(r1, 0, grid_.rows() - 1);
  };
  auto for_each_cell = [&](const Edge& e, auto&& visit) {
    int c0 = 0, c1 = 0, r0 = 0, r1 = 0;
    cell_range(e, c0, c1, r0, r1);
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        const double x0 = grid_.lon_min_deg() + c * cell_deg;
        const double y0 = grid_.lat_min_deg() + r * cell_deg;
        if (touches_box(e, x0, y0, x0 + cell_deg, y0 + cell_deg)) visit(grid_.index(r, c));
      }
    }
  };
  std::vector<std::uint32_t> count(cells + 1, 0);
  for (const Edge& e : all) for_each_cell(e, [&](std::size_t cell) { ++count[cell + 1]; });
  for (std::size_t i = 1; i <= cells; ++i) count[i] += count[i - 1];
  edge_start_ = count;
  edges_.resize(count[cells]);
  for (const Edge& e : all) for_each_cell(e, [&](std::size_t cell) { edges_[count[cell]++] = e; });

  // Centre owners by scanline: for each row, where edges cross the row's centre latitude.
  center_owner_.assign(cells, -1);
  std::vector<std::vector<std::pair<double, int>>> crossings(static_cast<std::size_t>(grid_.rows()));
  for (const Edge& e : all) {
    const double lo = std::min(e.ay, e.by);
    const double hi = std::max(e.ay, e.by);
    // Rows whose centre latitude y satisfies lo <= y < hi (half-open: a vertex counts once).
    // The range is widened by a row each way and decided by the exact test below, so that
    // rounding in the division cannot drop a crossing.
    const int r0 = std::max(0, static_cast<int>(std::floor((lo - grid_.lat_min_deg()) / cell_deg - 0.5)));
    const int r1 = std::min(grid_.rows() - 1, static_cast<int>(std::ceil((hi - grid_.lat_min_deg()) / cell_deg - 0.5)));
    for (int r = r0; r <= r1; ++r) {
      const double y = grid_.center_lat(r);
      if (!(y >= lo && y < hi)) continue;
      const double t = (y - e.ay) / (e.by - e.ay);
      crossings[static_cast<std::size_t>(r)].emplace_back(e.ax + t * (e.bx - e.ax), e.polygon);
    }
  }
  std::vector<std::uint8_t> parity(polygons.size(), 0);
  for (int r = 0; r < grid_.rows(); ++r) {
    auto& xs = crossings[static_cast<std::size_t>(r)];
    std::sort(xs.begin(), xs.end());
    int inside = -1;
    std::size_t k = 0;
    for (int c = 0; c < grid_.cols(); ++c) {
      const double x = grid_.center_lon(c);
      for (; k < xs.size() && xs[k].first < x; ++k) {
        const int poly = xs[k].second;
        parity[static_cast<std::size_t>(poly)] ^= 1;
        if (parity[static_cast<std::size_t>(poly)] != 0) {
          inside = poly;
        } else if (inside == poly) {
          inside = -1;
        }
      }
      center_owner_[grid_.index(r, c)] = inside;
    }
    for (; k < xs.size(); ++k) parity[static_cast<std::size_t>(xs[k].second)] ^= 1;  // row ends outside all
  }
}

int PolygonIndex::locate(const GeoPoint& p) const {
  const std::optional<std::size_t> cell = grid_.cell_of(p);
  if (!cell) return -1;
  const int owner = center_owner_[*cell];
  const std::uint32_t begin = edge_start_[*cell];
  const std::uint32_t end = edge_start_[*cell + 1];
  if (begin == end) return owner;
  const double cx = grid_.center_lon(grid_.col_of(*cell));
  const double cy = grid_.center_lat(grid_.row_of(*cell));
  // Polygons whose boundary the segment p-c crosses an odd number of times.
  int odd[16];
  int n_odd = 0;
  for (std::uint32_t i = begin; i < end; ++i) {
    const Edge& e = edges_[i];
    if (!crosses(p.lon_deg, p.lat_deg, cx, cy, e)) continue;
    int k = 0;
    while (k < n_odd && odd[k] != e.polygon) ++k;
    if (k < n_odd) {
      odd[k] = odd[--n_odd];
    } else if (n_odd < 16) {
      odd[n_odd++] = e.polygon;
    }
  }
  bool owner_flipped = false;
  for (int k = 0; k < n_odd; ++k) owner_flipped = owner_flipped || odd[k] == owner;
  if (owner >= 0 && !owner_flipped) return owner;
  for (int k = 0; k < n_odd; ++k) {
    if (odd[k] != owner) return odd[k];
  }
  return -1;
}

}  // namespace mdasim

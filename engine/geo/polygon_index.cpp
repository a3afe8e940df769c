// Grid-indexed point-in-polygon: scanline for cell centres, per-cell edge lists for exact tests.
#include "geo/polygon_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

// Long segments are taken in pieces of at most kPieceCells cells (in longitude and latitude), in
// order, so that only the cells near the segment are visited, not all of its box.
constexpr double kPieceCells = 2.0;

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

// Do segments p-q and the edge meet (cross or touch)? Collinear ones count as meeting: the
// answer errs towards land.
bool segments_meet(double px, double py, double qx, double qy, const PolygonIndex::Edge& e) {
  const auto orient = [](double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  };
  const double d1 = orient(e.ax, e.ay, e.bx, e.by, px, py);
  const double d2 = orient(e.ax, e.ay, e.bx, e.by, qx, qy);
  if ((d1 > 0.0 && d2 > 0.0) || (d1 < 0.0 && d2 < 0.0)) return false;
  const double d3 = orient(px, py, qx, qy, e.ax, e.ay);
  const double d4 = orient(px, py, qx, qy, e.bx, e.by);
  if ((d3 > 0.0 && d4 > 0.0) || (d3 < 0.0 && d4 < 0.0)) return false;
  if (d1 == 0.0 && d2 == 0.0) {  // on one line: meet if their boxes overlap
    return std::max(std::min(px, qx), std::min(e.ax, e.bx)) <= std::min(std::max(px, qx), std::max(e.ax, e.bx)) &&
           std::max(std::min(py, qy), std::min(e.ay, e.by)) <= std::min(std::max(py, qy), std::max(e.ay, e.by));
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
    clearance_.assign(grid_.size(), kMaxClearance);
    inv_cell_deg_ = 1.0 / cell_deg;
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
  compute_clearance();
}

void PolygonIndex::compute_clearance() {
  inv_cell_deg_ = 1.0 / grid_.cell_deg();
  // A two-pass distance transform with the 8-neighbour (Chebyshev) metric; beyond the grid all
  // is clear, so cells on its border are limited by their neighbours inside only.
  const int rows = grid_.rows();
  const int cols = grid_.cols();
  clearance_.assign(grid_.size(), kMaxClearance);
  for (std::size_t cell = 0; cell < grid_.size(); ++cell) {
    if (center_owner_[cell] >= 0 || edge_start_[cell] != edge_start_[cell + 1]) clearance_[cell] = 0;
  }
  const auto relax = [&](int r, int c, int dr, int dc) {
    const int rr = r + dr;
    const int cc = c + dc;
    if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) return;
    std::uint8_t& d = clearance_[grid_.index(r, c)];
    d = static_cast<std::uint8_t>(std::min<int>(d, clearance_[grid_.index(rr, cc)] + 1));
  };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      relax(r, c, -1, -1);
      relax(r, c, -1, 0);
      relax(r, c, -1, 1);
      relax(r, c, 0, -1);
    }
  }
  for (int r = rows - 1; r >= 0; --r) {
    for (int c = cols - 1; c >= 0; --c) {
      relax(r, c, 1, 1);
      relax(r, c, 1, 0);
      relax(r, c, 1, -1);
      relax(r, c, 0, 1);
    }
  }
}

bool PolygonIndex::segment_clear(const GeoPoint& a, const GeoPoint& b) const {
  const double inv = inv_cell_deg_;
  const double xa = (a.lon_deg - grid_.lon_min_deg()) * inv;
  const double ya = (a.lat_deg - grid_.lat_min_deg()) * inv;
  if (!(xa >= 0.0 && ya >= 0.0 && xa < grid_.cols() && ya < grid_.rows())) return false;
  const int col = static_cast<int>(xa);
  const int row = static_cast<int>(ya);
  const int reach = clearance_[grid_.index(row, col)] - 1;  // cells each way, all clear
  if (reach < 0) return false;
  const double xb = std::floor((b.lon_deg - grid_.lon_min_deg()) * inv);
  const double yb = std::floor((b.lat_deg - grid_.lat_min_deg()) * inv);
  // Every cell the segment's box meets is within `reach` of a's (false for a NaN end).
  return std::abs(xb - col) <= reach && std::abs(yb - row) <= reach;
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

template <typename Visit>
bool PolygonIndex::for_each_edge_near(const GeoPoint& a, const GeoPoint& b, Visit&& visit) const {
  const double cell_deg = grid_.cell_deg();
  const auto col = [&](double lon) {
    return std::clamp(static_cast<int>(std::floor((lon - grid_.lon_min_deg()) * inv_cell_deg_)), 0, grid_.cols() - 1);
  };
  const auto row = [&](double lat) {
    return std::clamp(static_cast<int>(std::floor((lat - grid_.lat_min_deg()) * inv_cell_deg_)), 0, grid_.rows() - 1);
  };
  const Edge segment{a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, -1};
  const int c0 = col(std::min(a.lon_deg, b.lon_deg));
  const int c1 = col(std::max(a.lon_deg, b.lon_deg));
  const int r0 = row(std::min(a.lat_deg, b.lat_deg));
  const int r1 = row(std::max(a.lat_deg, b.lat_deg));
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      const std::size_t cell = grid_.index(r, c);
      if (edge_start_[cell] == edge_start_[cell + 1]) continue;
      const double x0 = grid_.lon_min_deg() + c * cell_deg;
      const double y0 = grid_.lat_min_deg() + r * cell_deg;
      if (!touches_box(segment, x0, y0, x0 + cell_deg, y0 + cell_deg)) continue;
      for (std::uint32_t i = edge_start_[cell]; i < edge_start_[cell + 1]; ++i) {
        if (visit(edges_[i])) return true;
      }
    }
  }
  return false;
}


int PolygonIndex::pieces(const GeoPoint& a, const GeoPoint& b) const {
  const double span_cells = std::max(std::abs(b.lon_deg - a.lon_deg), std::abs(b.lat_deg - a.lat_deg)) * inv_cell_deg_;
  return span_cells <= kPieceCells ? 1 : static_cast<int>(std::min(std::ceil(span_cells / kPieceCells), 1e6));
}

template <typename Visit>
void PolygonIndex::for_each_piece(const GeoPoint& a, const GeoPoint& b, Visit&& visit) const {
  const int n = pieces(a, b);
  for (int k = 0; k < n; ++k) {
    const GeoPoint pa = lerp_lonlat(a, b, static_cast<double>(k) / n);
    const GeoPoint pb = k + 1 == n ? b : lerp_lonlat(a, b, static_cast<double>(k + 1) / n);
    if (n > 1 && segment_clear(pa, pb)) continue;
    if (visit(pa, pb, static_cast<double>(k + 1) / n)) return;
  }
}

bool PolygonIndex::touches_segment(const GeoPoint& a, const GeoPoint& b, bool a_outside) const {
  if (segment_clear(a, b)) return false;
  if (!a_outside && locate(a) >= 0) return true;
  // From an end outside, the segment reaches a polygon only across (or onto) an edge.
  bool met = false;
  for_each_piece(a, b, [&](const GeoPoint& pa, const GeoPoint& pb, double) {
    met = for_each_edge_near(pa, pb, [&](const Edge& e) {
      return segments_meet(a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, e);
    });
    return met;
  });
  return met;
}

std::optional<double> PolygonIndex::first_touch(const GeoPoint& a, const GeoPoint& b, bool a_outside) const {
  if (segment_clear(a, b)) return std::nullopt;
  if (!a_outside && locate(a) >= 0) return 0.0;
  const double dx = b.lon_deg - a.lon_deg;
  const double dy = b.lat_deg - a.lat_deg;
  double first = 2.0;
  const auto visit = [&](const Edge& e) {
    if (!segments_meet(a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, e)) return false;
    // Where along a-b: a + t d = e.a + s f.
    const double fx = e.bx - e.ax;
    const double fy = e.by - e.ay;
    const double gx = e.ax - a.lon_deg;
    const double gy = e.ay - a.lat_deg;
    const double denom = dx * fy - dy * fx;
    double t = 0.0;
    if (denom != 0.0) {
      t = (gx * fy - gy * fx) / denom;
    } else {  // on one line: the nearer end of the edge, or a itself when the edge covers it
      const double len2 = dx * dx + dy * dy;
      const double ta = len2 > 0.0 ? (gx * dx + gy * dy) / len2 : 0.0;
      const double tb = len2 > 0.0 ? ((e.bx - a.lon_deg) * dx + (e.by - a.lat_deg) * dy) / len2 : 0.0;
      t = std::min(ta, tb);
    }
    first = std::min(first, std::clamp(t, 0.0, 1.0));
    return false;  // every edge near the piece: the first along the segment is wanted
  };
  // The first touch lies in a cell of the piece that holds it, so once a piece is done, a touch
  // found no later than the piece's end is the first.
  for_each_piece(a, b, [&](const GeoPoint& pa, const GeoPoint& pb, double piece_end) {
    (void)for_each_edge_near(pa, pb, visit);
    return first <= piece_end;
  });
  if (first > 1.0) return std::nullopt;
  return first;
}

}  // namespace mdasim

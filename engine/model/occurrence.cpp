// Weighted points for where each class's incidents and targets occur.
#include "model/occurrence.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/geodesy.hpp"
#include "geo/polygon.hpp"

namespace mdasim {
namespace {

// A degree of latitude or (at most) of longitude is under this many nm on WGS84 (60.3 nm at the
// poles for latitude, 60.1 nm at the equator for longitude).
constexpr double kMaxNmPerDeg = 60.4;

double cell_area_weight(const Grid& g, std::size_t cell) {
  return std::cos(g.center_lat(g.row_of(cell)) * std::numbers::pi / 180.0);
}

// Sea cells whose centre `polygon` holds (every sea cell when it is empty), their centres
// weighted by true area times `weight`, appended.
void add_cells(const Geography& geo, double weight, const Polygon& polygon, Occurrence& out) {
  const Grid& g = geo.grid();
  int row0 = 0;
  int row1 = g.rows() - 1;
  int col0 = 0;
  int col1 = g.cols() - 1;
  if (!polygon.empty()) {  // only the rows and columns of the polygon's box
    double lon0 = polygon.front().lon_deg, lon1 = lon0, lat0 = polygon.front().lat_deg, lat1 = lat0;
    for (const GeoPoint& p : polygon) {
      lon0 = std::min(lon0, p.lon_deg);
      lon1 = std::max(lon1, p.lon_deg);
      lat0 = std::min(lat0, p.lat_deg);
      lat1 = std::max(lat1, p.lat_deg);
    }
    row0 = std::max(row0, static_cast<int>(std::floor((lat0 - g.lat_min_deg()) / g.cell_deg())) - 1);
    row1 = std::min(row1, static_cast<int>(std::floor((lat1 - g.lat_min_deg()) / g.cell_deg())) + 1);
    col0 = std::max(col0, static_cast<int>(std::floor((lon0 - g.lon_min_deg()) / g.cell_deg())) - 1);
    col1 = std::min(col1, static_cast<int>(std::floor((lon1 - g.lon_min_deg()) / g.cell_deg())) + 1);
  }
  const std::size_t first = out.points.size();
  double total = 0.0;
  for (int row = row0; row <= row1; ++row) {
    for (int col = col0; col <= col1; ++col) {
      const std::size_t cell = g.index(row, col);
      if (!geo.sea.is_sea(cell) || (!polygon.empty() && !polygon_contains(polygon, g.center(cell)))) continue;
      out.points.push_back(g.center(cell));
      out.mass.push_back(cell_area_weight(g, cell));
      total += out.mass.back();
    }
  }
  for (std::size_t i = first; i < out.points.size(); ++i) out.mass[i] *= weight / total;
  out.spread_nm = std::max(out.spread_nm, 0.5 * std::numbers::sqrt2 * kMaxNmPerDeg * g.cell_deg());
}

Occurrence placed(const Placement& placement, const Geography& geo) {
  Occurrence out;
  switch (placement.kind) {
    case Placement::Kind::kLanes: {
      double total = 0.0;
      for (const LaneEdge& e : geo.lanes.edges()) total += e.weight * e.length_nm;
      for (const LaneEdge& e : geo.lanes.edges()) {
        const auto pieces = static_cast<int>(std::max(1.0, std::ceil(e.length_nm / kLanePointSpacingNm)));
        for (int k = 0; k < pieces; ++k) {
          out.points.push_back(lerp_lonlat(geo.lanes.position(e.u), geo.lanes.position(e.v), (k + 0.5) / pieces));
          out.mass.push_back(total > 0.0 ? e.weight * e.length_nm / pieces / total : 0.0);
        }
      }
      out.spread_nm = 0.5 * kLanePointSpacingNm;
      break;
    }
    case Placement::Kind::kAreas: {
      double total = 0.0;
      for (const Placement::Area& area : placement.areas) total += area.weight;
      for (const Placement::Area& area : placement.areas) {
        add_cells(geo, area.weight / total, area.polygon, out);
      }
      break;
    }
    case Placement::Kind::kUniform: add_cells(geo, 1.0, Polygon{}, out); break;
  }
  return out;
}

}  // namespace

Occurrence incident_occurrence(const IncidentClass& c, const Geography& geo) { return placed(c.where_placed, geo); }

Occurrence target_occurrence(const TargetClass& c, const Geography& geo) {
  Occurrence out = placed(c.where_placed, geo);
  if (c.motion == TargetMotion::kLoiter) {
    out.spread_nm += c.loiter_radius_nm;
  } else if (c.where_placed.kind != Placement::Kind::kLanes) {
    out.spread_nm += c.speed_kt * c.dwell.quantile_h(kTransitDwellQuantile);
  }
  return out;
}

}  // namespace mdasim

// Building a scenario's geography from its GeoJSON files, and the checks that need it.
#include "geo/geography.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "geo/geodesy.hpp"
#include "geo/geojson.hpp"
#include "geo/polygon.hpp"
#include "geo/responsibility.hpp"
#include "geo/sea_bodies.hpp"
#include "geo/sea_distance.hpp"

namespace mdasim {
namespace {

// A port whose water has fewer than 1 / kOpenSeaFactor of the largest body's cells is cut off
// from the open sea (a river or lagoon closed at the grid's resolution).
constexpr std::size_t kOpenSeaFactor = 100;

// Fallback without a countries file: each state's bases stand for its coast.
std::vector<std::int16_t> responsibility_from_bases(const Scenario& s, const SeaGrid& sea) {
  const Grid& g = sea.grid();
  std::vector<std::int16_t> state(g.size(), -1);
  std::vector<double> best(g.size(), std::numeric_limits<double>::infinity());
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    const GeoPoint c = g.center(cell);
    for (const Base& b : s.bases) {
      if (b.state_index < 0) continue;
      const double d = approx_distance_nm(c, b.position);
      if (d < best[cell]) {
        best[cell] = d;
        state[cell] = static_cast<std::int16_t>(b.state_index);
      }
    }
  }
  apply_responsibility_areas(g, s.responsibility_areas, state);
  return state;
}


// Checks of scenario positions against the land.
void check_against_land(const Scenario& s, const Geography& geo, Diagnostics& d) {
  std::optional<SeaBodies> bodies;  // found once, if a port needs them
  for (const Base& b : s.bases) {
    if (b.kind != BaseKind::kPort || !s.region.contains(b.position)) continue;
    const std::vector<std::pair<std::size_t, double>> access = source_access(geo.sea, b.position);
    if (access.empty()) {
      d.error(field_location(b, "lon"), "port '" + b.name + "' is more than " + std::to_string(kMaxSourceAccessCells) +
                                " grid cells from the sea; expected a position on the coast");
      continue;
    }
    // A port on a river or lagoon that the grid cuts off from the open sea: its vessels cannot
    // leave that water.
    if (!bodies) bodies = sea_bodies(geo.sea);
    std::size_t reach = 0;
    for (const auto& [cell, leg_nm] : access) {
      reach = std::max(reach, bodies->cells[static_cast<std::size_t>(bodies->body[cell])]);
    }
    if (reach * kOpenSeaFactor < bodies->largest()) {
      d.warning(field_location(b, "lon"),
                "port '" + b.name + "' opens onto " + std::to_string(reach) + " sea cell(s) of the grid, cut off from the open sea (" +
                    std::to_string(bodies->largest()) + " cells): its vessels cannot leave them; expected a position on the open coast");
    }
  }
  for (const Patrol& p : s.patrols) {
    if (p.pattern == PatrolPattern::kStation && geo.is_land(p.point)) {
      d.error(field_location(p, "point"), "patrol '" + p.name + "' keeps station on land; expected a point at sea");
    }
  }
  // Points of an area are drawn in the sea cells whose centre it holds and kept when inside the
  // area and at sea (model/placement.cpp, at most 10,000 tries a point). An area that fills
  // under 1% of those cells (one much smaller than a cell) could not be sampled: refused here,
  // from a 16 x 16 lattice of points per cell, stopping as soon as 1% is reached.
  constexpr int kLattice = 16;
  constexpr double kLeastFill = 0.01;
  auto check_areas = [&](const Placement& placement, const std::string& what) {
    const Grid& g = geo.grid();
    for (const Placement::Area& area : placement.areas) {
      std::vector<std::size_t> cells;
      for (std::size_t cell = 0; cell < g.size(); ++cell) {
        if (geo.sea.is_sea(cell) && polygon_contains(area.polygon, g.center(cell))) cells.push_back(cell);
      }
      if (cells.empty()) {
        d.error(area.where, what + ", area '" + area.name + "', holds no sea cell of the grid");
        continue;
      }
      const double needed = kLeastFill * kLattice * kLattice * static_cast<double>(cells.size());
      double kept = 0.0;
      for (std::size_t i = 0; i < cells.size() && kept < needed; ++i) {
        const double lon0 = g.lon_min_deg() + g.col_of(cells[i]) * g.cell_deg();
        const double lat0 = g.lat_min_deg() + g.row_of(cells[i]) * g.cell_deg();
        for (int a = 0; a < kLattice; ++a) {
          for (int b = 0; b < kLattice; ++b) {
            const GeoPoint p{lon0 + g.cell_deg() * (a + 0.5) / kLattice, lat0 + g.cell_deg() * (b + 0.5) / kLattice};
            if (polygon_contains(area.polygon, p) && !geo.is_land(p)) kept += 1.0;
          }
        }
      }
      if (kept < needed) {
        char cell_deg[32];
        std::snprintf(cell_deg, sizeof cell_deg, "%g deg", g.cell_deg());
        d.error(area.where, what + ", area '" + area.name + "', fills less than 1% of the " + std::to_string(cells.size()) +
                                " grid cell(s) whose centre it holds, too little to draw points in it (they are drawn " +
                                "in those cells and kept when inside the area); expected a larger area or a grid finer " +
                                "than " + cell_deg);
      }
    }
  };
  for (const IncidentClass& c : s.incident_classes) check_areas(c.where_placed, "incident class '" + c.name + "'");
  for (const TargetClass& c : s.target_classes) check_areas(c.where_placed, "target class '" + c.name + "'");
}

}  // namespace

std::optional<Geography> build_geography(const Scenario& s, Diagnostics& d, const GeographyOptions& options) {
  const SourceLocation where = s.geodata.where;
  if (s.geodata.land_path.empty() || s.geodata.lanes_path.empty()) {
    d.error(SourceLocation{std::make_shared<const std::string>(s.source_path), 1, 1},
            "the scenario names no geodata (land and lanes files); expected a 'geodata' section");
    return std::nullopt;
  }
  const std::size_t errors_before = d.error_count();
  std::optional<PolygonLayer> land = read_polygon_layer(s.geodata.land_path, d);
  std::optional<LineLayer> lanes = read_line_layer(s.geodata.lanes_path, d);
  std::optional<PolygonLayer> countries;
  if (!s.geodata.countries_path.empty()) countries = read_polygon_layer(s.geodata.countries_path, d);
  if (!land || !lanes || (!s.geodata.countries_path.empty() && !countries)) {
    d.error(where, "the geodata files could not be read (see above)");
    return std::nullopt;
  }

  Geography geo;
  geo.land = PolygonIndex(land->polygons, options.land_index_cell_deg);
  const Grid grid(s.region);
  std::vector<std::uint8_t> sea(grid.size());
  for (std::size_t cell = 0; cell < grid.size(); ++cell) sea[cell] = geo.land.contains(grid.center(cell)) ? 0 : 1;
  geo.sea = SeaGrid(grid, std::move(sea));
  geo.lanes = LaneNetwork(*lanes);
  geo.lanes.set_traffic(s.lane_traffic);

  if (countries) {
    geo.countries = PolygonIndex(countries->polygons, options.land_index_cell_deg);
    for (std::size_t k = 0; k < countries->polygons.size(); ++k) {
      const FeatureProperties& props = countries->features[countries->feature_of[k]];
      const auto it = props.find("iso_a2");
      geo.country_codes.push_back(it != props.end() ? it->second : std::string());
    }
  }
  if (options.responsibility) {
    if (countries) {
      std::vector<int> country_state(geo.country_codes.size(), -1);
      for (std::size_t k = 0; k < geo.country_codes.size(); ++k) {
        for (std::size_t st = 0; st < s.states.size(); ++st) {
          if (s.states[st].code == geo.country_codes[k]) country_state[k] = static_cast<int>(st);
        }
      }
      geo.responsible_state = responsible_states(geo.sea, geo.countries, country_state, s.responsibility_areas);
    } else {
      geo.responsible_state = responsibility_from_bases(s, geo.sea);
    }
  }
  if (options.scenario_checks) check_against_land(s, geo, d);
  if (d.error_count() > errors_before) return std::nullopt;
  return geo;
}

}  // namespace mdasim

// A scenario's geography, built once from its geodata files and shared read-only by every
// replication: the land index, the grid's sea cells, the sea-lane network, the countries and
// the responsible state of every cell. Also the checks that need it: ports must reach the sea,
// patrol stations and placement areas must be at sea.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "geo/lane_network.hpp"
#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

struct GeographyOptions {
  double land_index_cell_deg = 0.05;  // finer: fewer edges per query, more memory
  bool responsibility = true;         // compute responsible states (needs a countries file or bases)
  bool scenario_checks = true;        // check ports, stations and areas against the land
};

struct Geography {
  PolygonIndex land;
  SeaGrid sea;  // the scenario grid and its sea cells
  LaneNetwork lanes;
  PolygonIndex countries;                  // empty when the scenario names no countries file
  std::vector<std::string> country_codes;  // per countries polygon: ISO 3166-1 alpha-2, or ""
  std::vector<std::int16_t> responsible_state;  // per grid cell: state index, or -1

  [[nodiscard]] const Grid& grid() const { return sea.grid(); }
  [[nodiscard]] bool is_land(const GeoPoint& p) const { return land.contains(p); }
};

// Reads the scenario's geodata (it must name land and lanes files) and builds its geography.
// Problems go to `diagnostics`; returns nothing if any is an error.
[[nodiscard]] std::optional<Geography> build_geography(const Scenario& scenario, Diagnostics& diagnostics,
                                                       const GeographyOptions& options = {});

}  // namespace mdasim

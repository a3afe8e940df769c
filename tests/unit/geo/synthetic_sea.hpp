// Small synthetic worlds for the routing tests: square islands as land polygons on a grid of
// 0.1 degree cells near the equator, with the grid's sea cells marked from the polygons as the
// scenario geography marks them (a cell is sea when its centre is).
#pragma once

#include <vector>

#include "geo/lane_network.hpp"
#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"

namespace mdasim::test {

struct SyntheticSea {
  PolygonIndex land;
  SeaGrid sea;
};

struct Box {
  double lon0, lat0, lon1, lat1;
};

// Islands as boxes in lon/lat; the grid covers [100, 103] x [0, 3] in 0.1 degree cells. An
// island far off the grid keeps the land index well formed when there is no island on it.
inline SyntheticSea synthetic_sea(const std::vector<Box>& islands) {
  std::vector<PolygonRings> polygons;
  for (const Box& b : islands) {
    polygons.push_back({{{b.lon0, b.lat0}, {b.lon1, b.lat0}, {b.lon1, b.lat1}, {b.lon0, b.lat1}}});
  }
  polygons.push_back({{{120.0, 20.0}, {120.1, 20.0}, {120.1, 20.1}, {120.0, 20.1}}});
  SyntheticSea out{PolygonIndex(polygons, 0.05), {}};
  const Grid g(100.0, 0.0, 103.0, 3.0, 0.1);
  std::vector<std::uint8_t> sea(g.size());
  for (std::size_t c = 0; c < g.size(); ++c) sea[c] = out.land.contains(g.center(c)) ? 0 : 1;
  out.sea = SeaGrid(g, std::move(sea));
  return out;
}

inline LineLayer line_layer(std::vector<std::vector<GeoPoint>> l) {
  LineLayer layer;
  layer.lines = std::move(l);
  layer.feature_of.assign(layer.lines.size(), 0);
  layer.features.resize(1);
  return layer;
}

}  // namespace mdasim::test

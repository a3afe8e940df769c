// Reading GeoJSON (RFC 7946) layers: polygons (land, countries, areas) and lines (sea lanes).
// Accepts a FeatureCollection, a single Feature or a bare geometry. Polygon layers take Polygon
// and MultiPolygon geometries; line layers take LineString and MultiLineString. Positions are
// [longitude, latitude] in degrees (WGS84); a third value (height) is ignored. Problems are
// reported with the file's path, the line and column for JSON syntax errors, and the feature's
// number (counting from 1) for structural ones.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "geo/polygon_index.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

using FeatureProperties = std::map<std::string, std::string>;  // string and number properties

struct PolygonLayer {
  std::vector<PolygonRings> polygons;       // one per Polygon (a MultiPolygon gives several)
  std::vector<std::size_t> feature_of;      // per polygon: the feature it came from
  std::vector<FeatureProperties> features;  // per feature
};

struct LineLayer {
  std::vector<std::vector<GeoPoint>> lines;  // one per LineString
  std::vector<std::size_t> feature_of;
  std::vector<FeatureProperties> features;
};

[[nodiscard]] std::optional<PolygonLayer> read_polygon_layer(const std::string& path, Diagnostics& diagnostics);
[[nodiscard]] std::optional<LineLayer> read_line_layer(const std::string& path, Diagnostics& diagnostics);

}  // namespace mdasim

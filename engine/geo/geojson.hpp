// Reading GeoJSON (RFC 7946) layers: polygons (land, countries, areas) and lines (sea lanes).
// Accepts a FeatureCollection, a single Feature or a bare geometry. Polygon layers take Polygon
// and MultiPolygon geometries; line layers take LineString and MultiLineString. Positions are
// [longitude, latitude] in degrees (WGS84); a third value (height) is ignored.
//
// The file is read as a stream of JSON events (nlohmann's SAX parser), keeping only what the
// layer needs, so the limits below are checked as the data arrive and memory stays bounded: a
// file over the byte limit is refused before it is read, a feature or layer over a position
// limit as soon as the limit is passed. Problems are reported at `file:line:col` of the
// offending feature, ring or position, with the feature's number (counting from 1).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "geo/polygon_index.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

using FeatureProperties = std::map<std::string, std::string>;  // string and number properties

// Chosen well above the shipped data (scenarios/data: at most 1.1 MB, 11,449 positions in a
// feature and 51,221 in a layer) and the raw Natural Earth 1:10m land of the whole world (16.1 MB
// as GeoJSON, 408,953 positions in one feature).
struct GeoJsonLimits {
  std::uint64_t max_bytes = 64u << 20;             // per file: 64 MiB
  std::size_t max_positions_per_feature = 1'000'000;
  std::size_t max_positions_per_layer = 2'000'000;
  std::size_t max_features = 1'000'000;            // per layer
  std::size_t max_properties = 1'000'000;          // string and number properties kept, per layer
  std::size_t max_depth = 64;                      // JSON nesting
};

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

[[nodiscard]] std::optional<PolygonLayer> read_polygon_layer(const std::string& path, Diagnostics& diagnostics,
                                                             const GeoJsonLimits& limits = {});
[[nodiscard]] std::optional<LineLayer> read_line_layer(const std::string& path, Diagnostics& diagnostics,
                                                       const GeoJsonLimits& limits = {});

}  // namespace mdasim

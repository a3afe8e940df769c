// GeoJSON layer reading with nlohmann::json, and checks of the structure RFC 7946 requires.
#include "geo/geojson.hpp"

#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

namespace mdasim {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxBytes = 512u << 20;  // 512 MiB

struct Reader {
  std::shared_ptr<const std::string> file;
  Diagnostics* diagnostics;
  std::size_t errors = 0;

  void error(const std::string& message) {
    ++errors;
    diagnostics->error(SourceLocation{file, 0, 0}, message);
  }
};

std::optional<json> parse_file(Reader& r) {
  std::ifstream in(*r.file, std::ios::binary);
  if (!in) {
    r.error("cannot open GeoJSON file");
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    r.error("cannot read GeoJSON file");
    return std::nullopt;
  }
  if (text.size() > kMaxBytes) {
    r.error("GeoJSON file is larger than 512 MiB");
    return std::nullopt;
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // Locate the byte offset as line:col for the message.
    int line = 1;
    int col = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    // nlohmann's message reads "[json.exception...] parse error at line L, column C: detail".
    std::string detail = e.what();
    if (const std::size_t column = detail.find("column "); column != std::string::npos) {
      if (const std::size_t colon = detail.find(": ", column); colon != std::string::npos) detail = detail.substr(colon + 2);
    }
    ++r.errors;
    r.diagnostics->error(SourceLocation{r.file, line, col}, "not valid JSON, so not GeoJSON (" + detail + ")");
    return std::nullopt;
  }
}

FeatureProperties properties_of(const json& feature) {
  FeatureProperties props;
  if (feature.contains("properties") && feature["properties"].is_object()) {
    for (const auto& [k, v] : feature["properties"].items()) {
      if (v.is_string()) {
        props[k] = v.get<std::string>();
      } else if (v.is_number()) {
        props[k] = v.dump();
      }
    }
  }
  if (feature.contains("id") && (feature["id"].is_string() || feature["id"].is_number())) {
    props["id"] = feature["id"].is_string() ? feature["id"].get<std::string>() : feature["id"].dump();
  }
  return props;
}

// Calls `visit(geometry, feature_number)` for each feature's geometry (feature numbers from 0).
template <typename Visit>
bool for_each_geometry(Reader& r, const json& root, std::vector<FeatureProperties>& features,
                       Visit&& visit) {
  if (!root.is_object() || !root.contains("type") || !root["type"].is_string()) {
    r.error("not GeoJSON: expected an object with a \"type\" (FeatureCollection, Feature or a geometry)");
    return false;
  }
  const std::string type = root["type"].get<std::string>();
  if (type == "FeatureCollection") {
    if (!root.contains("features") || !root["features"].is_array()) {
      r.error("FeatureCollection without a \"features\" array");
      return false;
    }
    for (const json& f : root["features"]) {
      const std::size_t n = features.size();
      if (!f.is_object() || f.value("type", "") != "Feature") {
        r.error("feature " + std::to_string(n + 1) + " is not a GeoJSON Feature");
        return false;
      }
      features.push_back(properties_of(f));
      if (!f.contains("geometry") || f["geometry"].is_null()) continue;  // allowed by RFC 7946
      visit(f["geometry"], n);
    }
  } else if (type == "Feature") {
    features.push_back(properties_of(root));
    if (root.contains("geometry") && !root["geometry"].is_null()) visit(root["geometry"], 0);
  } else {
    features.push_back({});
    visit(root, 0);
  }
  return r.errors == 0;
}

bool read_position(Reader& r, const json& p, std::size_t feature, GeoPoint& out) {
  if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
    r.error("feature " + std::to_string(feature + 1) + ": a position is not [longitude, latitude]");
    return false;
  }
  out.lon_deg = p[0].get<double>();
  out.lat_deg = p[1].get<double>();
  if (!(out.lon_deg >= -180.0 && out.lon_deg <= 180.0 && out.lat_deg >= -90.0 && out.lat_deg <= 90.0)) {
    r.error("feature " + std::to_string(feature + 1) + ": position [" + p[0].dump() + ", " + p[1].dump() +
            "] is outside longitude -180..180 or latitude -90..90");
    return false;
  }
  return true;
}

bool read_positions(Reader& r, const json& a, std::size_t feature, std::vector<GeoPoint>& out) {
  if (!a.is_array()) {
    r.error("feature " + std::to_string(feature + 1) + ": coordinates are not an array of positions");
    return false;
  }
  out.clear();
  out.reserve(a.size());
  for (const json& p : a) {
    GeoPoint g;
    if (!read_position(r, p, feature, g)) return false;
    out.push_back(g);
  }
  return true;
}

bool read_polygon(Reader& r, const json& rings, std::size_t feature, PolygonRings& out) {
  if (!rings.is_array() || rings.empty()) {
    r.error("feature " + std::to_string(feature + 1) + ": a Polygon needs at least one ring");
    return false;
  }
  out.clear();
  for (const json& ring : rings) {
    std::vector<GeoPoint> points;
    if (!read_positions(r, ring, feature, points)) return false;
    if (points.size() >= 2 && points.front().lon_deg == points.back().lon_deg &&
        points.front().lat_deg == points.back().lat_deg) {
      points.pop_back();  // closed, as RFC 7946 asks; keep rings open internally
    }
    if (points.size() < 3) {
      r.error("feature " + std::to_string(feature + 1) + ": a polygon ring has fewer than 3 distinct positions");
      return false;
    }
    out.push_back(std::move(points));
  }
  return true;
}

const json* coordinates_of(Reader& r, const json& g, std::size_t feature) {
  if (!g.contains("coordinates")) {
    r.error("feature " + std::to_string(feature + 1) + ": geometry without \"coordinates\"");
    return nullptr;
  }
  return &g["coordinates"];
}

std::string geometry_type(const json& g) {
  return g.is_object() && g.contains("type") && g["type"].is_string() ? g["type"].get<std::string>() : "?";
}

}  // namespace

std::optional<PolygonLayer> read_polygon_layer(const std::string& path, Diagnostics& diagnostics) {
  Reader r{std::make_shared<const std::string>(path), &diagnostics};
  const std::optional<json> root = parse_file(r);
  if (!root) return std::nullopt;
  PolygonLayer layer;
  const bool ok = for_each_geometry(r, *root, layer.features, [&](const json& g, std::size_t feature) {
    if (r.errors > 0) return;
    const std::string type = geometry_type(g);
    const json* coords = (type == "Polygon" || type == "MultiPolygon") ? coordinates_of(r, g, feature) : nullptr;
    if (type == "Polygon" && coords) {
      PolygonRings rings;
      if (read_polygon(r, *coords, feature, rings)) {
        layer.polygons.push_back(std::move(rings));
        layer.feature_of.push_back(feature);
      }
    } else if (type == "MultiPolygon" && coords) {
      if (!coords->is_array()) {
        r.error("feature " + std::to_string(feature + 1) + ": MultiPolygon coordinates are not an array");
        return;
      }
      for (const json& poly : *coords) {
        PolygonRings rings;
        if (!read_polygon(r, poly, feature, rings)) return;
        layer.polygons.push_back(std::move(rings));
        layer.feature_of.push_back(feature);
      }
    } else if (type != "Polygon" && type != "MultiPolygon") {
      r.error("feature " + std::to_string(feature + 1) + ": geometry type '" + type +
              "' in a polygon layer; expected Polygon or MultiPolygon");
    }
  });
  if (!ok) return std::nullopt;
  return layer;
}

std::optional<LineLayer> read_line_layer(const std::string& path, Diagnostics& diagnostics) {
  Reader r{std::make_shared<const std::string>(path), &diagnostics};
  const std::optional<json> root = parse_file(r);
  if (!root) return std::nullopt;
  LineLayer layer;
  const bool ok = for_each_geometry(r, *root, layer.features, [&](const json& g, std::size_t feature) {
    if (r.errors > 0) return;
    const std::string type = geometry_type(g);
    const json* coords = (type == "LineString" || type == "MultiLineString") ? coordinates_of(r, g, feature) : nullptr;
    auto add_line = [&](const json& positions) {
      std::vector<GeoPoint> points;
      if (!read_positions(r, positions, feature, points)) return false;
      if (points.size() < 2) {
        r.error("feature " + std::to_string(feature + 1) + ": a LineString needs at least 2 positions");
        return false;
      }
      layer.lines.push_back(std::move(points));
      layer.feature_of.push_back(feature);
      return true;
    };
    if (type == "LineString" && coords) {
      add_line(*coords);
    } else if (type == "MultiLineString" && coords) {
      if (!coords->is_array()) {
        r.error("feature " + std::to_string(feature + 1) + ": MultiLineString coordinates are not an array");
        return;
      }
      for (const json& line : *coords) {
        if (!add_line(line)) return;
      }
    } else if (type != "LineString" && type != "MultiLineString") {
      r.error("feature " + std::to_string(feature + 1) + ": geometry type '" + type +
              "' in a line layer; expected LineString or MultiLineString");
    }
  });
  if (!ok) return std::nullopt;
  return layer;
}

}  // namespace mdasim

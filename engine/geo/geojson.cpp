// GeoJSON layer reading: nlohmann's SAX parser drives a small state machine that keeps, per
// feature, its type, its string and number properties and its geometry's coordinates in compact
// form (positions, and the arrays that group them), then builds rings or lines once the
// geometry's type is known (it may come after the coordinates). The parser reads through an
// iterator that tells the handler how far it has read, which gives every feature, ring and
// position its byte offset, turned into line:col for messages.
#include "geo/geojson.hpp"

#include <cstdio>
#include <iterator>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/input_file.hpp"

namespace mdasim {
namespace {

using json = nlohmann::json;

// A character iterator over the text that records, wherever the handler can see it, how far the
// parser has read.
class TrackedChars {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedChars(const char* p, const char** read_to) : p_(p), read_to_(read_to) {}
  reference operator*() const { return *p_; }
  TrackedChars& operator++() {
    *read_to_ = ++p_;
    return *this;
  }
  TrackedChars operator++(int) {
    TrackedChars before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedChars& other) const { return p_ == other.p_; }
  bool operator!=(const TrackedChars& other) const { return p_ != other.p_; }

 private:
  const char* p_;
  const char** read_to_;
};

// 1-based line and column of a byte offset (columns count characters, not UTF-8 bytes).
std::pair<int, int> line_col(const std::string& text, std::size_t offset) {
  int line = 1;
  int col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

std::string count_text(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// One geometry's coordinates as read, before its type says what they mean. Arrays of numbers are
// positions; arrays of arrays (and empty arrays) are groups: rings, lines, polygons.
struct Coordinates {
  struct Group {
    int depth = 0;  // 0 for the coordinates array itself
    std::size_t begin = 0;  // its positions: points[begin, end)
    std::size_t end = 0;
    std::size_t offset = 0;  // of its '['
  };
  bool present = false;   // a "coordinates" member was given
  bool is_array = false;  // and it is an array
  std::size_t offset = 0;
  std::vector<GeoPoint> points;
  std::vector<Group> groups;  // in document order, a parent before its children
  int position_depth = -1;    // the depth of the positions; -1 before the first
  bool mixed_depths = false;  // positions found at different depths
  std::string problem;        // the first problem of shape ("" if none) and where
  std::size_t problem_offset = 0;

  void note(std::size_t at, std::string what) {
    if (problem.empty()) {
      problem = std::move(what);
      problem_offset = at;
    }
  }
};

struct Geometry {
  bool present = false;  // an object was given (null or absent: no geometry)
  bool not_an_object = false;
  std::size_t offset = 0;
  std::string type;  // "" when missing or not a string
  Coordinates coordinates;
};

// A Feature, or the root object (which may turn out to be a FeatureCollection, a Feature or a
// bare geometry: it keeps the members of each until its "type" is known).
struct Feature {
  std::size_t offset = 0;
  std::string type;
  FeatureProperties properties;
  Geometry geometry;          // its "geometry" member
  Coordinates coordinates;    // its own "coordinates" (a bare geometry)
};

enum class Role : std::uint8_t { kRoot, kFeatures, kFeature, kGeometry, kProperties, kCoordinates, kIgnored };
enum class Shape : std::uint8_t { kUnknown, kPosition, kGroup };

struct Frame {
  Role role = Role::kIgnored;
  bool is_object = false;
  std::string key;  // the member being read, in an object
  // Coordinate arrays:
  int depth = 0;
  std::size_t offset = 0;
  Shape shape = Shape::kUnknown;
  int numbers = 0;
  double lon = 0.0;
  double lat = 0.0;
  std::size_t group = 0;
};

enum class LayerKind { kPolygons, kLines };

struct Layer {
  std::vector<PolygonRings> polygons;
  std::vector<std::vector<GeoPoint>> lines;
  std::vector<std::size_t> feature_of;
  std::vector<FeatureProperties> features;
};

// What each geometry type's coordinates must look like: the depth of its positions and, for
// messages, their layout.
struct GeometryForm {
  const char* type;
  int position_depth;
  const char* layout;
};
constexpr GeometryForm kForms[] = {
    {"LineString", 1, "a list of [longitude, latitude] positions"},
    {"MultiLineString", 2, "a list of lines, each a list of [longitude, latitude] positions"},
    {"Polygon", 2, "a list of rings, each a list of [longitude, latitude] positions"},
    {"MultiPolygon", 3, "a list of polygons, each a list of rings of [longitude, latitude] positions"},
};

constexpr const char* kNotAPosition = "a position is not [longitude, latitude]";

class LayerReader final : public nlohmann::json_sax<json> {
 public:
  LayerReader(LayerKind kind, const GeoJsonLimits& limits, std::shared_ptr<const std::string> file,
              const std::string& text, Diagnostics& diagnostics)
      : kind_(kind), limits_(limits), file_(std::move(file)), text_(text), diagnostics_(diagnostics) {}

  // Parses the whole text; false after any error (reported).
  bool parse() {
    const char* begin = text_.data();
    read_to_ = begin;
    const bool ok = json::sax_parse(TrackedChars(begin, &read_to_), TrackedChars(begin + text_.size(), &read_to_), this);
    if (!ok || failed_) return false;
    return finish_root();
  }

  Layer& layer() { return layer_; }

  // ---- SAX events ----------------------------------------------------------------------------

  bool null() override { return ended(scalar(Scalar::kNull, {}, 0.0)); }
  bool boolean(bool) override { return ended(scalar(Scalar::kOther, {}, 0.0)); }
  bool number_integer(number_integer_t v) override {
    return ended(scalar(Scalar::kNumber, json(v).dump(), static_cast<double>(v)));
  }
  bool number_unsigned(number_unsigned_t v) override {
    return ended(scalar(Scalar::kNumber, json(v).dump(), static_cast<double>(v)));
  }
  bool number_float(number_float_t v, const string_t&) override {
    return ended(scalar(Scalar::kNumber, json(v).dump(), v));
  }
  bool string(string_t& v) override { return ended(scalar(Scalar::kString, v, 0.0)); }
  bool binary(binary_t&) override { return ended(scalar(Scalar::kOther, {}, 0.0)); }

  bool key(string_t& k) override {
    frames_.back().key = k;
    return ended(true);
  }

  bool start_object(std::size_t) override { return ended(open(true)); }
  bool end_object() override { return ended(close()); }
  bool start_array(std::size_t) override { return ended(open(false)); }
  bool end_array() override { return ended(close()); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // nlohmann's message reads "[json.exception...] parse error at line L, column C: detail".
    std::string detail = e.what();
    if (const std::size_t column = detail.find("column "); column != std::string::npos) {
      if (const std::size_t colon = detail.find(": ", column); colon != std::string::npos) detail = detail.substr(colon + 2);
    }
    error(position > 0 ? position - 1 : 0, "not valid JSON, so not GeoJSON (" + detail + ")");
    return false;
  }

 private:
  enum class Scalar { kNumber, kString, kNull, kOther };

  [[nodiscard]] std::size_t read_offset() const { return static_cast<std::size_t>(read_to_ - text_.data()); }

  // The offset of the character just read: the '{' or '[' of a start event.
  [[nodiscard]] std::size_t last_offset() const { return read_offset() > 0 ? read_offset() - 1 : 0; }

  // The offset where the token of a scalar event starts: after the end of the event before it
  // and the separators and spaces that follow. (After a number the parser has read one character
  // more, a separator, which it then reads again.)
  [[nodiscard]] std::size_t token_start() const {
    const auto separator = [&](std::size_t i) {
      const char c = text_[i];
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':';
    };
    std::size_t i = event_end_;
    if (i > 0 && i <= text_.size() && separator(i - 1)) --i;
    while (i < text_.size() && separator(i)) ++i;
    return i;
  }

  // Notes where the event ended (for token_start()); passes `ok` on.
  bool ended(bool ok) {
    event_end_ = read_offset();
    return ok;
  }

  bool error(std::size_t offset, const std::string& message) {
    const auto [line, col] = line_col(text_, offset);
    diagnostics_.error(SourceLocation{file_, line, col}, message);
    failed_ = true;
    return false;
  }

  bool feature_error(std::size_t offset, const std::string& message) {
    return error(offset, "feature " + std::to_string(feature_number()) + ": " + message);
  }

  // The number (from 1) of the feature being read.
  [[nodiscard]] std::size_t feature_number() const { return in_root_feature_ ? 1 : layer_.features.size() + 1; }

  [[nodiscard]] Feature& owner() { return in_root_feature_ ? root_ : feature_; }

  // The coordinates being read: a geometry's, or the root's own.
  [[nodiscard]] Coordinates& coordinates() {
    return coordinates_of_root_ ? root_.coordinates : owner().geometry.coordinates;
  }

  // ---- Values --------------------------------------------------------------------------------

  bool scalar(Scalar kind, const std::string& text, double number) {
    if (frames_.empty()) return error(token_start(), "not GeoJSON: expected an object with a \"type\" (FeatureCollection, Feature or a geometry)");
    Frame& f = frames_.back();
    switch (f.role) {
      case Role::kRoot:
      case Role::kFeature: {
        Feature& feature = owner();
        if (f.key == "type") {
          feature.type = kind == Scalar::kString ? text : std::string();
        } else if (f.key == "id" && (kind == Scalar::kString || kind == Scalar::kNumber)) {
          if (!keep_property(feature, "id", text)) return false;
        } else if (f.key == "geometry") {
          feature.geometry = Geometry{};
          feature.geometry.not_an_object = kind != Scalar::kNull;  // null: a feature without geometry
          feature.geometry.offset = token_start();
        } else if (f.key == "coordinates" && f.role == Role::kRoot) {
          root_.coordinates = Coordinates{};
          root_.coordinates.present = true;
          root_.coordinates.offset = token_start();
        } else if (f.key == "features" && f.role == Role::kRoot) {
          features_given_ = false;
        }
        return true;
      }
      case Role::kGeometry: {
        Geometry& g = owner().geometry;
        if (f.key == "type") {
          g.type = kind == Scalar::kString ? text : std::string();
        } else if (f.key == "coordinates") {
          g.coordinates = Coordinates{};
          g.coordinates.present = true;
          g.coordinates.offset = token_start();
        }
        return true;
      }
      case Role::kProperties:
        if (kind == Scalar::kString || kind == Scalar::kNumber) return keep_property(owner(), f.key, text);
        return true;
      case Role::kFeatures:
        return error(token_start(), "feature " + std::to_string(layer_.features.size() + 1) + " is not a GeoJSON Feature");
      case Role::kCoordinates:
        if (kind != Scalar::kNumber || f.shape == Shape::kGroup) {
          coordinates().note(f.offset, kNotAPosition);
        } else {
          f.shape = Shape::kPosition;
          if (f.numbers == 0) f.lon = number;
          if (f.numbers == 1) f.lat = number;
          ++f.numbers;
        }
        return true;
      case Role::kIgnored:
        return true;
    }
    return true;
  }

  bool keep_property(Feature& feature, const std::string& key, const std::string& value) {
    if (++properties_ > limits_.max_properties) {
      return feature_error(feature.offset, "the layer has more than " + count_text(limits_.max_properties) +
                                               " properties; a layer may have at most that many (a limit of mdasim's)");
    }
    feature.properties[key] = value;
    return true;
  }

  bool open(bool is_object) {
    const std::size_t offset = last_offset();
    if (frames_.size() >= limits_.max_depth) {
      return error(offset, "JSON nested more than " + std::to_string(limits_.max_depth) +
                               " levels deep; GeoJSON needs far fewer (a limit of mdasim's)");
    }
    Frame child;
    child.is_object = is_object;
    child.offset = offset;
    if (frames_.empty()) {
      if (!is_object) return error(offset, "not GeoJSON: expected an object with a \"type\" (FeatureCollection, Feature or a geometry)");
      child.role = Role::kRoot;
      root_.offset = offset;
      frames_.push_back(std::move(child));
      return true;
    }
    Frame& parent = frames_.back();
    const std::string& member = parent.key;
    switch (parent.role) {
      case Role::kRoot:
      case Role::kFeature:
        if (member == "geometry") {
          Geometry& g = owner().geometry;
          g = Geometry{};
          g.offset = offset;
          g.present = is_object;
          g.not_an_object = !is_object;
          child.role = is_object ? Role::kGeometry : Role::kIgnored;
        } else if (member == "properties" && is_object) {
          child.role = Role::kProperties;
        } else if (member == "features" && parent.role == Role::kRoot && !is_object &&
                   (root_.type.empty() || root_.type == "FeatureCollection")) {
          child.role = Role::kFeatures;
          features_given_ = true;
        } else if (member == "coordinates" && parent.role == Role::kRoot && !is_object) {
          root_.coordinates = Coordinates{};
          coordinates_of_root_ = true;
          return start_coordinates(std::move(child));
        }
        break;
      case Role::kGeometry:
        if (member == "coordinates") {
          if (is_object) {
            owner().geometry.coordinates = Coordinates{};
            owner().geometry.coordinates.present = true;
            owner().geometry.coordinates.offset = offset;
            break;
          }
          owner().geometry.coordinates = Coordinates{};
          coordinates_of_root_ = false;
          return start_coordinates(std::move(child));
        }
        break;
      case Role::kFeatures:
        if (!is_object) return error(offset, "feature " + std::to_string(layer_.features.size() + 1) + " is not a GeoJSON Feature");
        if (layer_.features.size() >= limits_.max_features) {
          return error(offset, "the layer has more than " + count_text(limits_.max_features) +
                                   " features; a layer may have at most that many (a limit of mdasim's)");
        }
        feature_ = Feature{};
        feature_.offset = offset;
        in_root_feature_ = false;
        feature_positions_ = 0;
        feature_groups_ = 0;
        child.role = Role::kFeature;
        break;
      case Role::kCoordinates:
        return open_coordinate(parent, std::move(child));
      case Role::kProperties:
      case Role::kIgnored:
        break;
    }
    frames_.push_back(std::move(child));
    return true;
  }

  bool start_coordinates(Frame child) {
    Coordinates& c = coordinates();
    c.present = true;
    c.is_array = true;
    c.offset = child.offset;
    child.role = Role::kCoordinates;
    child.depth = 0;
    frames_.push_back(std::move(child));
    return true;
  }

  // An array or object inside a coordinate array.
  bool open_coordinate(Frame& parent, Frame child) {
    Coordinates& c = coordinates();
    if (child.is_object || parent.shape == Shape::kPosition) {
      c.note(parent.offset, kNotAPosition);
      child.role = Role::kIgnored;
      frames_.push_back(std::move(child));
      return true;
    }
    if (parent.shape == Shape::kUnknown) {
      parent.shape = Shape::kGroup;
      if (!count_group()) return false;
      parent.group = c.groups.size();
      c.groups.push_back({parent.depth, c.points.size(), c.points.size(), parent.offset});
    }
    child.role = Role::kCoordinates;
    child.depth = parent.depth + 1;
    frames_.push_back(std::move(child));
    return true;
  }

  bool count_group() {
    if (++feature_groups_ > limits_.max_positions_per_feature) {
      return feature_error(owner().offset, "more than " + count_text(limits_.max_positions_per_feature) +
                                               " rings or lines; a feature may have at most that many (a limit of mdasim's)");
    }
    return true;
  }

  bool close() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    switch (f.role) {
      case Role::kCoordinates: return close_coordinate(f);
      case Role::kFeature: return finish_feature(feature_, f.offset);
      case Role::kRoot: return true;  // finished by finish_root() once the parse has succeeded
      default: return true;
    }
  }

  bool close_coordinate(const Frame& f) {
    Coordinates& c = coordinates();
    if (f.shape == Shape::kGroup) {
      c.groups[f.group].end = c.points.size();
      return true;
    }
    if (f.shape == Shape::kUnknown) {  // an empty array
      if (!count_group()) return false;
      c.groups.push_back({f.depth, c.points.size(), c.points.size(), f.offset});
      return true;
    }
    if (f.numbers < 2) {
      c.note(f.offset, kNotAPosition);
      return true;
    }
    if (c.position_depth < 0) c.position_depth = f.depth;
    c.mixed_depths = c.mixed_depths || c.position_depth != f.depth;
    if (!(f.lon >= -180.0 && f.lon <= 180.0 && f.lat >= -90.0 && f.lat <= 90.0)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "position [%.10g, %.10g]", f.lon, f.lat);
      c.note(f.offset, std::string(buf) + " is outside longitude -180..180 or latitude -90..90");
    }
    if (++feature_positions_ > limits_.max_positions_per_feature) {
      return feature_error(owner().offset, "more than " + count_text(limits_.max_positions_per_feature) +
                                               " positions; a feature may have at most that many (a limit of mdasim's)");
    }
    if (++layer_positions_ > limits_.max_positions_per_layer) {
      return feature_error(owner().offset, "the layer has more than " + count_text(limits_.max_positions_per_layer) +
                                               " positions by this feature; a layer may have at most that many (a limit of mdasim's)");
    }
    c.points.push_back(GeoPoint{f.lon, f.lat});
    return true;
  }

  // ---- Features and geometries ------------------------------------------------------------------

  bool finish_feature(Feature& feature, std::size_t offset) {
    if (feature.type != "Feature") {
      return error(offset, "feature " + std::to_string(feature_number()) + " is not a GeoJSON Feature" +
                               (feature.type.empty() ? std::string(" (it has no \"type\")")
                                                     : " (its \"type\" is '" + feature.type + "')"));
    }
    const std::size_t index = layer_.features.size();
    const bool ok = add_geometry(feature.geometry, index);
    layer_.features.push_back(std::move(feature.properties));
    feature = Feature{};
    // Back among the root's members: they count as a feature of their own.
    in_root_feature_ = true;
    feature_positions_ = 0;
    feature_groups_ = 0;
    return ok;
  }

  bool finish_root() {
    const std::string& type = root_.type;
    in_root_feature_ = true;
    if (type == "FeatureCollection") {
      if (!features_given_) return error(root_.offset, "FeatureCollection without a \"features\" array");
      return true;
    }
    // The root is a Feature or a geometry: what "features" gave (if read before the type) goes.
    layer_ = Layer{};
    if (type == "Feature") {
      const bool ok = add_geometry(root_.geometry, 0);
      layer_.features.push_back(std::move(root_.properties));
      return ok;
    }
    if (type.empty()) {
      return error(root_.offset, "not GeoJSON: expected an object with a \"type\" (FeatureCollection, Feature or a geometry)");
    }
    layer_.features.push_back({});
    Geometry g;
    g.present = true;
    g.offset = root_.offset;
    g.type = type;
    g.coordinates = std::move(root_.coordinates);
    return add_geometry(g, 0);
  }

  // Builds the rings or lines of a feature's geometry.
  bool add_geometry(Geometry& g, std::size_t feature) {
    const std::string number = "feature " + std::to_string(feature + 1) + ": ";
    if (g.not_an_object) return error(g.offset, number + "\"geometry\" is not an object (nor null)");
    if (!g.present) return true;  // a feature without geometry: allowed by RFC 7946
    const bool polygons = kind_ == LayerKind::kPolygons;
    const GeometryForm* form = nullptr;
    for (const GeometryForm& f : kForms) {
      if (g.type == f.type) form = &f;
    }
    const bool polygon_type = g.type == "Polygon" || g.type == "MultiPolygon";
    if (form == nullptr || polygon_type != polygons) {
      return error(g.offset, number + "geometry type '" + (g.type.empty() ? std::string("?") : g.type) + "' in a " +
                                 (polygons ? "polygon layer; expected Polygon or MultiPolygon"
                                           : "line layer; expected LineString or MultiLineString"));
    }
    Coordinates& c = g.coordinates;
    if (!c.present) return error(g.offset, number + "geometry without \"coordinates\"");
    if (!c.problem.empty()) return error(c.problem_offset, number + c.problem);
    const std::string shape = number + "the coordinates of a " + form->type + " are not " + form->layout;
    if (!c.is_array || c.mixed_depths || (c.position_depth >= 0 && c.position_depth != form->position_depth)) {
      return error(c.offset, shape);
    }
    for (const Coordinates::Group& group : c.groups) {
      if (group.depth >= form->position_depth) return error(group.offset, number + kNotAPosition);
    }
    auto span = [&](const Coordinates::Group& group) {
      return std::vector<GeoPoint>(c.points.begin() + static_cast<std::ptrdiff_t>(group.begin),
                                   c.points.begin() + static_cast<std::ptrdiff_t>(group.end));
    };
    if (!polygons) {
      for (const Coordinates::Group& group : c.groups) {
        if (group.depth != form->position_depth - 1) continue;
        if (group.end - group.begin < 2) return error(group.offset, number + "a LineString needs at least 2 positions");
        layer_.lines.push_back(span(group));
        layer_.feature_of.push_back(feature);
      }
      return true;
    }
    // Polygons: each group at the polygon depth opens one; the ring groups below it follow.
    const int polygon_depth = form->position_depth - 2;
    std::vector<std::pair<std::size_t, PolygonRings>> built;  // (offset, rings)
    for (const Coordinates::Group& group : c.groups) {
      if (group.depth == polygon_depth) {
        built.emplace_back(group.offset, PolygonRings{});
      } else if (group.depth == polygon_depth + 1 && !built.empty()) {
        std::vector<GeoPoint> ring = span(group);
        if (ring.size() >= 2 && ring.front().lon_deg == ring.back().lon_deg &&
            ring.front().lat_deg == ring.back().lat_deg) {
          ring.pop_back();  // closed, as RFC 7946 asks; kept open inside the engine
        }
        if (ring.size() < 3) return error(group.offset, number + "a polygon ring has fewer than 3 distinct positions");
        built.back().second.push_back(std::move(ring));
      }
    }
    for (auto& [offset, rings] : built) {
      if (rings.empty()) return error(offset, number + "a Polygon needs at least one ring");
      layer_.polygons.push_back(std::move(rings));
      layer_.feature_of.push_back(feature);
    }
    c = Coordinates{};  // the positions now live in the layer
    return true;
  }

  LayerKind kind_;
  const GeoJsonLimits& limits_;
  std::shared_ptr<const std::string> file_;
  const std::string& text_;
  Diagnostics& diagnostics_;
  const char* read_to_ = nullptr;
  std::size_t event_end_ = 0;  // offset where the last event's token ended (as far as read)
  bool failed_ = false;

  std::vector<Frame> frames_;
  Feature root_;
  Feature feature_;               // the feature of the "features" array being read
  bool in_root_feature_ = true;   // reading the root's own members, not a feature's
  bool coordinates_of_root_ = false;
  bool features_given_ = false;
  std::size_t feature_positions_ = 0;
  std::size_t feature_groups_ = 0;
  std::size_t layer_positions_ = 0;
  std::size_t properties_ = 0;
  Layer layer_;
};

std::optional<Layer> read_layer(LayerKind kind, const std::string& path, Diagnostics& diagnostics,
                                const GeoJsonLimits& limits) {
  auto file = std::make_shared<const std::string>(path);
  std::string problem;
  const std::optional<std::string> text = read_input_file(path, limits.max_bytes, problem, "a GeoJSON file");
  if (!text) {
    diagnostics.error(SourceLocation{file, 0, 0}, "cannot read GeoJSON file: " + problem);
    return std::nullopt;
  }
  LayerReader reader(kind, limits, file, *text, diagnostics);
  if (!reader.parse()) return std::nullopt;
  return std::move(reader.layer());
}

}  // namespace

std::optional<PolygonLayer> read_polygon_layer(const std::string& path, Diagnostics& diagnostics,
                                               const GeoJsonLimits& limits) {
  std::optional<Layer> layer = read_layer(LayerKind::kPolygons, path, diagnostics, limits);
  if (!layer) return std::nullopt;
  return PolygonLayer{std::move(layer->polygons), std::move(layer->feature_of), std::move(layer->features)};
}

std::optional<LineLayer> read_line_layer(const std::string& path, Diagnostics& diagnostics, const GeoJsonLimits& limits) {
  std::optional<Layer> layer = read_layer(LayerKind::kLines, path, diagnostics, limits);
  if (!layer) return std::nullopt;
  return LineLayer{std::move(layer->lines), std::move(layer->feature_of), std::move(layer->features)};
}

}  // namespace mdasim

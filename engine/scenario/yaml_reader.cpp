// Checked reading of YAML mappings into scenario values.
#include "scenario/yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

#include "core/suggest.hpp"
#include "scenario/names.hpp"
#include "scenario/yaml_document.hpp"

namespace mdasim {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }


}  // namespace

std::string_view node_kind(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return node.size() == 0 ? "an empty mapping" : "a mapping";
  if (node.IsSequence()) return node.size() == 0 ? "an empty list" : "a list";
  return "a single value";
}

std::string format_value(double value, std::string_view unit) {
  std::ostringstream out;
  out.precision(6);
  out << value << unit;
  return out.str();
}

SourceLocation ReadContext::at(const YAML::Node& node) const { return location_of(node, file); }

void ReadContext::error(const YAML::Node& node, std::string message) const {
  diagnostics->error(at(node), std::move(message));
}

MapReader::MapReader(const ReadContext& ctx, const YAML::Node& node, std::string what,
                     std::span<const std::string_view> allowed_keys, bool partial)
    : ctx_(ctx), node_(node), what_(std::move(what)), partial_(partial) {
  if (!node.IsMap()) {
    ctx_.error(node, "expected a mapping for " + what_ + ", got " + std::string(node_kind(node)));
    return;
  }
  is_map_ = true;
  // "x-*" among the allowed keys admits any key starting with "x-" (a place for anchors).
  const bool extension_keys = std::find(allowed_keys.begin(), allowed_keys.end(), "x-*") != allowed_keys.end();
  std::vector<std::string> allowed;
  for (std::string_view k : allowed_keys) {
    if (k != "x-*") allowed.emplace_back(k);
  }
  // Name the entity in messages as soon as possible: "asset type 'C-90'" (unless the caller
  // already did).
  for (std::string_view id_key : {"name", "code"}) {
    if (what_.find('\'') != std::string::npos) break;
    const bool allowed_id = std::find(allowed.begin(), allowed.end(), id_key) != allowed.end();
    if (!allowed_id) continue;
    for (const auto& kv : node) {
      if (kv.first.IsScalar() && kv.first.Scalar() == id_key && kv.second.IsScalar() &&
          !kv.second.Scalar().empty()) {
        what_ += " '" + kv.second.Scalar() + "'";
        break;
      }
    }
    break;
  }
  for (const auto& kv : node) {
    const YAML::Node& key_node = kv.first;
    if (!key_node.IsScalar()) {
      ctx_.error(key_node, "keys of " + what_ + " must be plain names, got " +
                               std::string(node_kind(key_node)));
      continue;
    }
    const std::string key = key_node.Scalar();
    bool duplicate = false;
    for (const Entry& seen : entries_) {
      if (seen.key == key) {
        ctx_.error(key_node, "duplicate key " + quoted(key) + " in " + what_ +
                                 " (first given at line " +
                                 std::to_string(ctx_.at(seen.key_node).line) + ")");
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    if (extension_keys && key.starts_with("x-")) continue;
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key;
    if (!known) {
      const std::optional<std::string> match = closest_match(key, allowed);
      std::string message = "unknown key " + quoted(key) + " in " + what_ + did_you_mean(key, allowed);
      if (match) {
        suggested_.push_back(*match);
      } else {
        message += "; expected one of:";
        for (std::size_t i = 0; i < allowed.size(); ++i) {
          message += (i == 0 ? " " : ", ") + allowed[i];
        }
      }
      ctx_.error(key_node, std::move(message));
      continue;
    }
    entries_.push_back(Entry{key, key_node, kv.second});
  }
}

bool MapReader::has(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return true;
  }
  return false;
}

void MapReader::record_fields(FieldLocations& out) const {
  for (const Entry& e : entries_) out.set(e.key, ctx_.at(e.value));
}

YAML::Node MapReader::key_node(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return e.key_node;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::get(std::string_view key, bool required) {
  for (const Entry& e : entries_) {
    if (e.key == key) return e.value;  // the first (duplicates were reported)
  }
  const bool suggested = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (required && !partial_ && is_map_ && !suggested) {
    ctx_.diagnostics->error(location(), "missing required key " + quoted(key) + " in " + what_);
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::scalar_text(std::string_view key, const YAML::Node& node, std::string& out) {
  if (!node.IsScalar()) {
    ctx_.error(node, "expected a single value for " + quoted(key) + " in " + what_ + ", got " +
                         std::string(node_kind(node)));
    return false;
  }
  out = node.Scalar();
  return true;
}

void MapReader::report_bad_choice(const YAML::Node& node, std::string_view key,
                                  const std::string& got, const std::vector<std::string>& options) {
  std::string message = quoted(got) + " is not a valid " + std::string(key) + " in " + what_ +
                        did_you_mean(got, options) + "; expected one of:";
  for (std::size_t i = 0; i < options.size(); ++i) message += (i == 0 ? " " : ", ") + options[i];
  ctx_.error(node, std::move(message));
}

bool MapReader::check_bounds(const YAML::Node& node, std::string_view key, double value,
                             Bounds bounds, std::string_view unit) {
  const bool low_ok = !bounds.min || (bounds.min_inclusive ? value >= *bounds.min : value > *bounds.min);
  const bool high_ok = !bounds.max || (bounds.max_inclusive ? value <= *bounds.max : value < *bounds.max);
  if (low_ok && high_ok) return true;
  std::string rule;
  if (bounds.min && bounds.max) {
    rule = std::string("between ") + format_value(*bounds.min, unit) + " (" +
           (bounds.min_inclusive ? "inclusive" : "exclusive") + ") and " +
           format_value(*bounds.max, unit);
  } else if (bounds.min) {
    rule = (bounds.min_inclusive ? "at least " : "greater than ") + format_value(*bounds.min, unit);
  } else {
    rule = (bounds.max_inclusive ? "at most " : "less than ") + format_value(*bounds.max, unit);
  }
  ctx_.error(node, quoted(key) + " in " + what_ + " is " + format_value(value, unit) +
                       "; expected a value " + rule);
  return false;
}

bool MapReader::read_string(std::string_view key, bool required, std::string& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  if (text.empty()) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is empty; expected some text");
    return false;
  }
  out = std::move(text);
  return true;
}

bool MapReader::read_quantity(std::string_view key, bool required, Dimension dim, Bounds bounds,
                              double& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  const QuantityResult q = parse_quantity(text, dim);
  if (!q.value) {
    ctx_.error(node, quoted(key) + " in " + what_ + ": " + q.error);
    return false;
  }
  if (!check_bounds(node, key, *q.value, bounds, engine_unit(dim))) return false;
  out = *q.value;
  return true;
}

bool MapReader::read_optional_quantity(std::string_view key, Dimension dim, Bounds bounds,
                                       std::optional<double>& out) {
  double value = 0.0;
  if (!read_quantity(key, false, dim, bounds, value)) return false;
  out = value;
  return true;
}

bool MapReader::read_number(std::string_view key, bool required, Bounds bounds, double& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  const std::optional<double> v = parse_number(text);
  if (!v) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) + "; expected a number");
    return false;
  }
  if (!check_bounds(node, key, *v, bounds, "")) return false;
  out = *v;
  return true;
}

bool MapReader::read_integer(std::string_view key, bool required, std::int64_t min,
                             std::int64_t max, std::int64_t& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  std::int64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || ptr != end) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) +
                         "; expected a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    return false;
  }
  if (v < min || v > max) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + std::to_string(v) +
                         "; expected a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    return false;
  }
  out = v;
  return true;
}

bool MapReader::read_unsigned64(std::string_view key, bool required, std::uint64_t& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || ptr != end) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) +
                         "; expected a whole number from 0 to 18446744073709551615");
    return false;
  }
  out = v;
  return true;
}

bool MapReader::read_fraction(std::string_view key, bool required, double& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  const std::optional<double> v = parse_fraction(text);
  if (!v) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) +
                         "; expected a fraction from 0 to 1 (or a percentage such as 85%)");
    return false;
  }
  if (*v < 0.0 || *v > 1.0) {
    ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) +
                         ", outside 0..1; expected a fraction from 0 to 1 (or 0% to 100%)");
    return false;
  }
  out = *v;
  return true;
}

bool MapReader::read_bool(std::string_view key, bool required, bool& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  std::string text;
  if (!scalar_text(key, node, text)) return false;
  if (text == "true") {
    out = true;
    return true;
  }
  if (text == "false") {
    out = false;
    return true;
  }
  ctx_.error(node, quoted(key) + " in " + what_ + " is " + quoted(text) + "; expected true or false");
  return false;
}

namespace {
bool read_coordinate(const ReadContext& ctx, const YAML::Node& node, std::string_view name,
                     std::string_view what, double limit, double& out) {
  if (!node.IsScalar()) {
    ctx.error(node, "expected a number of degrees for " + std::string(name) + " in " +
                        std::string(what) + ", got " + std::string(node_kind(node)));
    return false;
  }
  const std::optional<double> v = parse_number(node.Scalar());
  if (!v) {
    ctx.error(node, std::string(name) + " in " + std::string(what) + " is " + quoted(node.Scalar()) +
                        "; expected decimal degrees (a bare number)");
    return false;
  }
  if (*v < -limit || *v > limit) {
    ctx.error(node, std::string(name) + " in " + std::string(what) + " is " + node.Scalar() +
                        "; expected degrees from " + format_value(-limit, "") + " to " +
                        format_value(limit, ""));
    return false;
  }
  out = *v;
  return true;
}
}  // namespace

bool read_point_node(const ReadContext& ctx, const YAML::Node& node, std::string_view what,
                     GeoPoint& out) {
  if (!node.IsSequence() || node.size() != 2) {
    ctx.error(node, "expected a point [lon, lat] in " + std::string(what) + ", got " +
                        (node.IsSequence() ? "a list of " + std::to_string(node.size()) +
                                                 (node.size() == 1 ? " value" : " values")
                                           : std::string(node_kind(node))));
    return false;
  }
  GeoPoint p;
  const bool ok_lon = read_coordinate(ctx, node[0], "longitude", what, 180.0, p.lon_deg);
  const bool ok_lat = read_coordinate(ctx, node[1], "latitude", what, 90.0, p.lat_deg);
  if (!ok_lon || !ok_lat) return false;
  out = p;
  return true;
}

bool MapReader::read_lon(std::string_view key, bool required, double& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  return read_coordinate(ctx_, node, quoted(key), what_, 180.0, out);
}

bool MapReader::read_lat(std::string_view key, bool required, double& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  return read_coordinate(ctx_, node, quoted(key), what_, 90.0, out);
}

bool MapReader::read_point(std::string_view key, bool required, GeoPoint& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  return read_point_node(ctx_, node, quoted(key) + " of " + what_, out);
}

bool MapReader::read_waypoints(std::string_view key, bool required, std::size_t min_points,
                               std::vector<GeoPoint>& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  if (!node.IsSequence()) {
    ctx_.error(node, "expected a list of [lon, lat] points for " + quoted(key) + " in " + what_ +
                         ", got " + std::string(node_kind(node)));
    return false;
  }
  if (node.size() < min_points) {
    ctx_.error(node, quoted(key) + " in " + what_ + " has " + std::to_string(node.size()) +
                         (node.size() == 1 ? " point" : " points") + "; expected at least " +
                         std::to_string(min_points));
    return false;
  }
  std::vector<GeoPoint> points;
  bool ok = true;
  for (const YAML::Node& item : node) {
    GeoPoint p;
    if (read_point_node(ctx_, item, quoted(key) + " of " + what_, p)) {
      points.push_back(p);
    } else {
      ok = false;
    }
  }
  if (!ok) return false;
  out = std::move(points);
  return true;
}

bool MapReader::read_polygon(std::string_view key, bool required, Polygon& out) {
  Polygon points;
  if (!read_waypoints(key, required, 3, points)) return false;
  const GeoPoint& first = points.front();
  const GeoPoint& last = points.back();
  if (points.size() > 3 && first.lon_deg == last.lon_deg && first.lat_deg == last.lat_deg) {
    points.pop_back();  // closed ring given; keep it open
  }
  // A simple polygon: no two edges that are not neighbours may touch or cross.
  const std::size_t n = points.size();
  auto orient = [](const GeoPoint& a, const GeoPoint& b, const GeoPoint& c) {
    const double v = (b.lon_deg - a.lon_deg) * (c.lat_deg - a.lat_deg) -
                     (b.lat_deg - a.lat_deg) * (c.lon_deg - a.lon_deg);
    return (v > 0) - (v < 0);
  };
  auto on_segment = [](const GeoPoint& a, const GeoPoint& b, const GeoPoint& p) {
    return std::min(a.lon_deg, b.lon_deg) <= p.lon_deg && p.lon_deg <= std::max(a.lon_deg, b.lon_deg) &&
           std::min(a.lat_deg, b.lat_deg) <= p.lat_deg && p.lat_deg <= std::max(a.lat_deg, b.lat_deg);
  };
  for (std::size_t i = 0; i < n && n > 3; ++i) {
    for (std::size_t j = i + 2; j < n; ++j) {
      if (i == 0 && j == n - 1) continue;  // neighbours through the closing edge
      const GeoPoint& a = points[i];
      const GeoPoint& b = points[(i + 1) % n];
      const GeoPoint& c = points[j];
      const GeoPoint& e = points[(j + 1) % n];
      const int o1 = orient(a, b, c), o2 = orient(a, b, e), o3 = orient(c, e, a), o4 = orient(c, e, b);
      const bool cross = (o1 != o2 && o3 != o4) || (o1 == 0 && on_segment(a, b, c)) ||
                         (o2 == 0 && on_segment(a, b, e)) || (o3 == 0 && on_segment(c, e, a)) ||
                         (o4 == 0 && on_segment(c, e, b));
      if (cross) {
        ctx_.error(get(key, false), quoted(key) + " in " + what_ + " crosses itself (edge " +
                                        std::to_string(i + 1) + " meets edge " + std::to_string(j + 1) +
                                        "); expected a simple polygon whose edges do not cross");
        return false;
      }
    }
  }
  // Twice the signed area (shoelace): zero means all points on one line.
  double area2 = 0.0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const GeoPoint& a = points[i];
    const GeoPoint& b = points[(i + 1) % points.size()];
    area2 += a.lon_deg * b.lat_deg - b.lon_deg * a.lat_deg;
  }
  if (points.size() < 3 || std::abs(area2) < 1e-12) {
    ctx_.error(get(key, false), quoted(key) + " in " + what_ +
                                    " encloses no area; expected a polygon of at least three "
                                    "points not on one line");
    return false;
  }
  out = std::move(points);
  return true;
}

bool MapReader::read_distribution(std::string_view key, bool required, Bounds bounds,
                                  Distribution& out) {
  const YAML::Node node = get(key, required);
  if (!node.IsDefined()) return false;
  Distribution d;
  d.where = ctx_.at(node);
  if (node.IsScalar()) {
    // A fixed quantity such as "6h".
    const QuantityResult q = parse_quantity(node.Scalar(), Dimension::kDuration);
    if (!q.value) {
      ctx_.error(node, quoted(key) + " in " + what_ + ": " + q.error +
                           ", or a distribution such as {dist: exponential, mean: 6h}");
      return false;
    }
    if (!check_bounds(node, key, *q.value, bounds, "h")) return false;
    d.kind = Distribution::Kind::kFixed;
    d.a = *q.value;
    out = d;
    return true;
  }
  MapReader m(ctx_, node, quoted(key) + " of " + what_,
              {"dist", "value", "mean", "min", "max", "sd", "median", "sigma", "scale", "shape"});
  if (!m.is_map()) return false;
  if (!m.read_enum<Distribution::Kind>("dist", true, names::kDistributions, d.kind)) return false;
  // The parameters each distribution takes; any other is an error.
  struct Param {
    std::string_view key;
    bool duration;  // a duration with units, else a bare positive number
    double* target;
  };
  std::vector<Param> params;
  switch (d.kind) {
    case Distribution::Kind::kFixed: params = {{"value", true, &d.a}}; break;
    case Distribution::Kind::kExponential: params = {{"mean", true, &d.a}}; break;
    case Distribution::Kind::kUniform: params = {{"min", true, &d.a}, {"max", true, &d.b}}; break;
    case Distribution::Kind::kNormal: params = {{"mean", true, &d.a}, {"sd", true, &d.b}}; break;
    case Distribution::Kind::kLognormal:
      params = {{"median", true, &d.a}, {"sigma", false, &d.b}};
      break;
    case Distribution::Kind::kWeibull: params = {{"scale", true, &d.a}, {"shape", false, &d.b}}; break;
  }
  bool ok = true;
  for (std::string_view k : {"value", "mean", "min", "max", "sd", "median", "sigma", "scale", "shape"}) {
    bool wanted = false;
    for (const Param& p : params) wanted = wanted || p.key == k;
    if (!wanted && m.has(k)) {
      std::string expected;
      for (const Param& p : params) expected += (expected.empty() ? "" : ", ") + std::string(p.key);
      ctx_.error(m.key_node(k), quoted(k) + " is not a parameter of the " +
                                      std::string(to_string(d.kind)) +
                                      " distribution; it takes " + expected);
      ok = false;
    }
  }
  for (const Param& p : params) {
    const bool positive_only = d.kind != Distribution::Kind::kFixed &&
                               d.kind != Distribution::Kind::kUniform &&
                               !(d.kind == Distribution::Kind::kNormal && p.key == "mean");
    const Bounds param_bounds = positive_only ? Bounds::greater_than(0.0) : Bounds::at_least(0.0);
    if (p.duration) {
      ok = m.read_quantity(p.key, true, Dimension::kDuration, param_bounds, *p.target) && ok;
    } else {
      ok = m.read_number(p.key, true, param_bounds, *p.target) && ok;
    }
  }
  if (ok && d.kind == Distribution::Kind::kUniform && d.b < d.a) {
    ctx_.error(node, "uniform distribution of " + quoted(key) + " in " + what_ +
                         " has max below min; expected min <= max");
    ok = false;
  }
  if (ok && d.kind == Distribution::Kind::kFixed && !check_bounds(node, key, d.a, bounds, "h")) {
    ok = false;
  }
  if (!ok) return false;
  out = d;
  return true;
}

}  // namespace mdasim
